package dev.regtrain.jobs;

import dev.regtrain.common.Caller;
import dev.regtrain.common.Endings;
import dev.regtrain.common.MutableClock;
import dev.regtrain.config.RegtrainProperties;
import dev.regtrain.datasets.DatasetService;
import dev.regtrain.datasets.InMemoryDatasetStore;
import dev.regtrain.engine.EngineContext;
import dev.regtrain.jobs.cores.SharedCores;
import dev.regtrain.jobs.request.DatasetLookup;
import dev.regtrain.jobs.request.DatasetShape;
import dev.regtrain.jobs.request.JobRequest;
import dev.regtrain.jobs.request.RequestResolver;
import dev.regtrain.models.document.ModelDocument;
import dev.regtrain.security.StorageQuota;
import dev.regtrain.storage.TestProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JobService on in-memory fakes of its ports, with workers the test drives ({@link ManualExecutor}) and a clock it
 * moves: the lifecycle without HTTP, files or threads. {@link #restart()} starts a new service on the same stores,
 * as the process would after a crash or a shutdown.
 */
final class Lifecycle {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RegtrainProperties PROPERTIES = TestProperties.with("regtrain.queue-capacity", "3");

    final InMemoryJobStore store;
    final InMemoryCheckpointStore checkpoints;
    final InMemoryDatasetStore datasetStore;
    final MutableClock clock;
    final FullDisk disk;
    final ManualLater later = new ManualLater();
    final ManualExecutor workers = new ManualExecutor();
    final DatasetService datasets;
    final JobQueue queue;
    final JobService service;
    private final RegtrainProperties properties;
    private final int workerCount;
    private final int maxActiveJobs;
    private final long maxStoredBytes;
    /** regtrain.security.quota.max-stored-bytes over this lifecycle's stores (no limit unless a test sets one). */
    final StorageQuota storageQuota;
    /** Who calls the services: the local caller unless a test acts as another. */
    volatile Caller caller = Caller.LOCAL;

    Lifecycle() {
        this(PROPERTIES, 1, Endings.none());
    }

    /** @param endings told of every job's end, as the webhooks' outbox is */
    Lifecycle(Endings<JobSnapshot> endings) {
        this(PROPERTIES, 1, endings);
    }

    /** A service where one owner may have {@code maxActiveJobs} queued or running jobs (0: any number). */
    Lifecycle(int maxActiveJobs) {
        this(new FullDisk(), new MutableClock(T0), PROPERTIES, 1, Endings.none(), maxActiveJobs, 0);
    }

    /** A service where one owner may keep {@code maxStoredBytes} of datasets and checkpoints (0: any amount). */
    static Lifecycle withStorageQuota(long maxStoredBytes) {
        return new Lifecycle(new FullDisk(), new MutableClock(T0), PROPERTIES, 1, Endings.none(), 0, maxStoredBytes);
    }

    /** With {@code workerCount} workers and {@code properties} (a memory budget, say). */
    Lifecycle(RegtrainProperties properties, int workerCount) {
        this(properties, workerCount, Endings.none());
    }

    private Lifecycle(RegtrainProperties properties, int workerCount, Endings<JobSnapshot> endings) {
        this(new FullDisk(), new MutableClock(T0), properties, workerCount, endings, 0, 0);
    }

    private Lifecycle(FullDisk disk, MutableClock clock, RegtrainProperties properties, int workerCount,
                      Endings<JobSnapshot> endings, int maxActiveJobs, long maxStoredBytes) {
        this(new InMemoryJobStore(disk), new InMemoryCheckpointStore(clock, disk), clock, new InMemoryDatasetStore(),
                disk, properties, workerCount, endings, maxActiveJobs, maxStoredBytes);
    }

    private Lifecycle(InMemoryJobStore store, InMemoryCheckpointStore checkpoints, MutableClock clock,
                      InMemoryDatasetStore datasetStore, FullDisk disk, RegtrainProperties properties,
                      int workerCount, Endings<JobSnapshot> endings, int maxActiveJobs, long maxStoredBytes) {
        this.properties = properties;
        this.workerCount = workerCount;
        this.maxActiveJobs = maxActiveJobs;
        this.maxStoredBytes = maxStoredBytes;
        this.storageQuota = new StorageQuota(maxStoredBytes, new OwnerStorage(datasetStore, store, checkpoints));
        this.disk = disk;
        this.store = store;
        this.checkpoints = checkpoints;
        this.clock = clock;
        this.datasetStore = datasetStore;
        this.datasets = new DatasetService(datasetStore, properties, clock, () -> caller, storageQuota);
        this.queue = new JobQueue(workerCount, properties.queueCapacity(), n -> workers);
        JobMetrics metrics = new JobMetrics(new SimpleMeterRegistry(), queue::waiting);
        this.service = new JobService(store, checkpoints, datasets, queue, metrics, EngineContext.DEFAULT,
                new SharedCores(1), clock, properties.limits(), Duration.ZERO, later, endings, () -> caller,
                new OwnerQuotas(maxActiveJobs, storageQuota), JobCoordination.LOCAL, new InstanceAddress("test:0/1", "http://test:0"));
        service.start();
    }

    /** A new service on the same stores and clock, started, as after a restart of the process. */
    Lifecycle restart() {
        return new Lifecycle(store, checkpoints, clock, datasetStore, disk, properties, workerCount,
                Endings.none(), maxActiveJobs, maxStoredBytes);
    }

    /** A small job: moons, one hidden layer, {@code epochs} epochs of 3 mini-batches, a checkpoint every 2. */
    static JobRequest moons(int epochs) {
        return JSON.readValue("""
                {"name": "moons", "seed": 42, "dataset": {"builtin": "moons", "samples": 60, "noise": 0.2},
                 "network": {"hidden": [{"units": 8, "activation": "relu"}]},
                 "training": {"epochs": %d, "batchSize": 16, "optimizer": "adam", "learningRate": 0.01},
                 "checkpoints": {"everyEpochs": 2, "keepLast": 5}}
                """.formatted(epochs), JobRequest.class);
    }

    /** The memory {@code request} is estimated to need, as the service reckons it at submission. */
    static long memoryOf(JobRequest request) {
        DatasetLookup none = new DatasetLookup() {
            @Override
            public Optional<DatasetShape> uploaded(String id) {
                return Optional.empty();
            }

            @Override
            public Optional<ModelDocument> checkpointModel(String jobId, String ref) {
                return Optional.empty();
            }
        };
        return new RequestResolver(PROPERTIES.limits(), none).resolve(request).memoryBytes();
    }

    static JobRequest parse(String json) {
        return JSON.readValue(json, JobRequest.class);
    }

    /** Moves the clock on by a second and runs the next waiting runner. */
    void workOnNext() {
        clock.advance(Duration.ofSeconds(1));
        workers.runNext();
    }
}
