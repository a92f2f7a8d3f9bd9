package dev.regtrain.studies;

import dev.regtrain.common.Caller;
import dev.regtrain.common.MutableClock;
import dev.regtrain.config.RegtrainProperties;
import dev.regtrain.datasets.DatasetService;
import dev.regtrain.datasets.InMemoryDatasetStore;
import dev.regtrain.engine.EngineContext;
import dev.regtrain.jobs.InMemoryCheckpointStore;
import dev.regtrain.jobs.InMemoryJobStore;
import dev.regtrain.jobs.JobMetrics;
import dev.regtrain.jobs.JobQueue;
import dev.regtrain.jobs.InstanceAddress;
import dev.regtrain.jobs.JobCoordination;
import dev.regtrain.jobs.JobService;
import dev.regtrain.jobs.ManualExecutor;
import dev.regtrain.jobs.OwnerQuotas;
import dev.regtrain.jobs.OwnerStorage;
import dev.regtrain.jobs.cores.SharedCores;
import dev.regtrain.security.StorageQuota;
import dev.regtrain.storage.TestProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * A study service on a real job service, both on in-memory fakes of their ports, with workers the test drives (two
 * of them, run one job at a time) and a clock it moves. {@link #restart()} starts new services on the same stores, as
 * the process would after a crash.
 */
final class StudyHarness {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final JsonMapper JSON = JsonMapper.builder().build();

    final RegtrainProperties properties;
    final InMemoryJobStore jobStore;
    final InMemoryCheckpointStore checkpoints;
    final InMemoryDatasetStore datasetStore;
    final InMemoryStudyStore studyStore;
    final MutableClock clock;
    final ManualExecutor workers = new ManualExecutor();
    final List<Runnable> retries = new ArrayList<>();
    final DatasetService datasets;
    final JobQueue queue;
    final JobService jobs;
    final StudyService studies;
    private final long maxStoredBytes;

    StudyHarness(String... properties) {
        this(dev.regtrain.common.Endings.none(), properties);
    }

    /** @param endings told of every study's end, as the webhooks' outbox is */
    StudyHarness(dev.regtrain.common.Endings<StudyRecord> endings, String... properties) {
        this(TestProperties.with(properties), new InMemoryJobStore(), new InMemoryCheckpointStore(new MutableClock(T0)),
                new InMemoryDatasetStore(), new InMemoryStudyStore(), new MutableClock(T0), endings, 0);
    }

    /** Services where one owner may keep {@code maxStoredBytes} of datasets and checkpoints. */
    static StudyHarness withStorageQuota(long maxStoredBytes) {
        return new StudyHarness(TestProperties.with(), new InMemoryJobStore(),
                new InMemoryCheckpointStore(new MutableClock(T0)), new InMemoryDatasetStore(),
                new InMemoryStudyStore(), new MutableClock(T0), dev.regtrain.common.Endings.none(), maxStoredBytes);
    }

    private StudyHarness(RegtrainProperties properties, InMemoryJobStore jobStore,
                         InMemoryCheckpointStore checkpoints, InMemoryDatasetStore datasetStore,
                         InMemoryStudyStore studyStore, MutableClock clock,
                         dev.regtrain.common.Endings<StudyRecord> endings, long maxStoredBytes) {
        this.properties = properties;
        this.maxStoredBytes = maxStoredBytes;
        StorageQuota storage = new StorageQuota(maxStoredBytes, new OwnerStorage(datasetStore, jobStore, checkpoints));
        this.jobStore = jobStore;
        this.checkpoints = checkpoints;
        this.datasetStore = datasetStore;
        this.studyStore = studyStore;
        this.clock = clock;
        this.datasets = new DatasetService(datasetStore, properties, clock, () -> Caller.LOCAL, storage);
        this.queue = new JobQueue(2, properties.queueCapacity(), n -> workers);
        this.jobs = new JobService(jobStore, checkpoints, datasets, queue,
                new JobMetrics(new SimpleMeterRegistry(), queue::waiting), EngineContext.DEFAULT, new SharedCores(1),
                clock, properties.limits(), Duration.ZERO, (task, after) -> { }, dev.regtrain.common.Endings.none(),
                () -> Caller.LOCAL, new OwnerQuotas(0, storage), JobCoordination.LOCAL, new InstanceAddress("test:0/1", "http://test:0"));
        this.studies = new StudyService(studyStore, jobs, new Trampoline(), (task, after) -> retries.add(task), clock,
                new StudyAdmission(2, properties.queueCapacity(), queue::waiting, storage),
                properties.limits().maxStudyJobs(),
                properties.limits().maxListLimit(), endings, () -> Caller.LOCAL);
        jobs.start();
        studies.start();
    }

    /** New services on the same stores, as after a restart of the process. */
    StudyHarness restart() {
        return new StudyHarness(properties, jobStore, checkpoints, datasetStore, studyStore, clock,
                dev.regtrain.common.Endings.none(), maxStoredBytes);
    }

    static StudyRequest parse(String json) {
        return JSON.readValue(json, StudyRequest.class);
    }

    /** Runs waiting jobs (and whatever they queue) until none is left. */
    void runAll() {
        while (workers.runNext()) {
            clock.advance(Duration.ofSeconds(1));
        }
    }

    /** Runs {@code n} waiting jobs. */
    void run(int n) {
        for (int i = 0; i < n && workers.runNext(); i++) {
            clock.advance(Duration.ofSeconds(1));
        }
    }
}
