package dev.regtrain.jobs;

import dev.regtrain.datasets.JobDatasets;
import dev.regtrain.common.ConflictException;
import dev.regtrain.datasets.DatasetService;
import dev.regtrain.common.InvalidRequestException;
import dev.regtrain.common.NotFoundException;
import dev.regtrain.jobs.request.Objectives;
import dev.regtrain.config.RegtrainProperties;
import dev.regtrain.engine.EpochMetrics;
import dev.regtrain.jobs.request.JobRequest;
import dev.regtrain.jobs.request.RequestResolver;
import dev.regtrain.jobs.request.Resolution;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import dev.regtrain.engine.EngineContext;
import dev.regtrain.jobs.cores.SharedCores;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/** Submits, lists, cancels and deletes jobs, and lets callers follow them. */
@Service
public class JobService implements JobEvents, SmartLifecycle {

    private final Map<String, JobEntry> jobs = new ConcurrentHashMap<>();
    private final JobStore store;
    private final DatasetService datasets;
    private final RequestResolver resolver;
    private final JobQueue queue;
    private final JobContext context;
    private final Clock clock;
    private final RegtrainProperties.Limits limits;
    /** Submissions hold it shared, dataset deletion exclusively: a dataset in use is never deleted. */
    private final ReadWriteLock datasetLock = new ReentrantReadWriteLock();

    private final JobLifecycle lifecycle;
    private final Duration shutdownGrace;
    private volatile boolean running;

    public JobService(RegtrainProperties properties, JobStore store, CheckpointStore checkpoints,
                      DatasetService datasets, EngineContext engine, SharedCores cores, Clock clock,
                      MeterRegistry registry) {
        this.store = store;
        this.datasets = datasets;
        this.clock = clock;
        this.limits = properties.limits();
        this.shutdownGrace = properties.shutdownGrace();
        this.queue = new JobQueue(properties.effectiveWorkers(), properties.queueCapacity());
        JobMetrics metrics = new JobMetrics(registry, this::countsByStatus, queue::waiting);
        this.lifecycle = new JobLifecycle(store, checkpoints, queue, metrics, clock);
        this.context = new JobContext(store, checkpoints, new JobDatasets(datasets), engine, cores, lifecycle,
                metrics);
        this.resolver = new RequestResolver(limits, new Lookups(datasets, checkpoints, store, jobs::containsKey));
        for (JobRecord record : store.loadAll()) {
            jobs.put(record.id(), new JobEntry(record, store.loadMetrics(record.id())));
        }
    }

    /** Continues what the last run of the service left: RUNNING jobs from their last checkpoint, QUEUED ones anew. */
    @Override
    public void start() {
        queue.start();
        lifecycle.resume();
        running = true;
        new JobRecovery(context, queue).recover(jobs.values().stream()
                .sorted(Comparator.comparing((JobEntry e) -> e.record().createdAt())).toList());
    }

    /** Stops taking work; running jobs checkpoint their last complete epoch within the grace period. */
    @Override
    public void stop() {
        running = false;
        lifecycle.beginShutdown();
        queue.shutdown();
        try {
            queue.awaitTermination(shutdownGrace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server (which stops at a lower phase), so requests never meet a stopped queue. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    public JobRecord submit(JobRequest raw) {
        return submit(raw, UUID.randomUUID().toString());
    }

    /** Submits with an id chosen by the caller (an Idempotency-Key's claim chooses it before the job exists). */
    public JobRecord submit(JobRequest raw, String id) {
        datasetLock.readLock().lock();
        try {
            Resolution resolution = resolver.resolve(raw);
            if (!queue.tryAdmit()) {
                throw new QueueFullException("the queue holds " + queue.waiting() + " jobs, its capacity "
                        + "(regtrain.queue-capacity); try again later", Duration.ofSeconds(10));
            }
            JobRequest request = resolution.request();
            JobRecord record = new JobRecord(id, request.name(), JobStatus.QUEUED, clock.instant(), null, null,
                    request, Objectives.describe(request, null), null, 0, 0, null, null, null, null, null, null);
            JobEntry entry = new JobEntry(record, List.of());
            entry.takeQueueSlot();
            try {
                if (resolution.initialModel() != null) {
                    store.saveInitialModel(id, resolution.initialModel());
                }
                store.save(record);
            } catch (RuntimeException e) {
                entry.giveUpQueueSlot();
                queue.leave();
                throw e;
            }
            jobs.put(id, entry);
            queue.execute(new JobRunner(entry, context, null, false));
            return record;
        } finally {
            datasetLock.readLock().unlock();
        }
    }

    public JobRecord get(String id) {
        return entry(id).record();
    }

    public boolean exists(String id) {
        return id != null && jobs.containsKey(id);
    }

    /** Newest first, optionally only some statuses, paged by the cursor of the previous page. */
    public JobPage list(Set<JobStatus> statuses, int limit, String cursor) {
        if (limit < 1 || limit > limits.maxListLimit()) {
            throw new InvalidRequestException("limit", "must be between 1 and " + limits.maxListLimit()
                    + " (limit regtrain.limits.max-list-limit); got " + limit);
        }
        return JobPages.page(jobs.values().stream().map(JobEntry::record), statuses, limit, cursor);
    }

    /** A queued job is cancelled at once; a running one within one mini-batch. */
    public JobRecord cancel(String id) {
        JobEntry entry = entry(id);
        if (entry.record().status().isFinal()) {
            throw new ConflictException("job " + id + " is already " + entry.record().status());
        }
        entry.requestCancel();
        context.lifecycle().cancelWaiting(entry);
        JobRecord after = entry.record();
        if (after.status().isFinal() && after.stop() != null && after.stop().reason() != StopReasonCode.CANCELLED) {
            throw new ConflictException("job " + id + " had already finished: " + after.status());
        }
        return after;
    }

    /** Removes a job in a final state with all its files. */
    public void delete(String id) {
        JobEntry entry = entry(id);
        entry.locked(() -> {
            JobStatus status = entry.record().status();
            if (!status.isFinal()) {
                throw new ConflictException("job " + id + " is " + status + "; cancel it and wait until it ends");
            }
            if (jobs.remove(id) != null) {
                store.delete(id);
            }
        });
    }

    public List<EpochMetrics> metrics(String id) {
        return entry(id).metrics();
    }

    /** The job's record and metrics read together, for views that draw both (404 if unknown). */
    public JobSnapshot snapshot(String id) {
        return entry(id).snapshot();
    }

    /** Deletes an uploaded dataset unless a queued or running job trains on it. */
    public void deleteDataset(String datasetId) {
        datasetLock.writeLock().lock();
        try {
            datasets.get(datasetId);
            List<String> users = jobs.values().stream().map(JobEntry::record)
                    .filter(r -> !r.status().isFinal() && datasetId.equals(r.request().dataset().id()))
                    .map(JobRecord::id).toList();
            if (!users.isEmpty()) {
                throw new ConflictException("dataset " + datasetId + " is used by " + users.size()
                        + " queued or running job(s), e.g. " + users.get(0));
            }
            datasets.remove(datasetId);
        } finally {
            datasetLock.writeLock().unlock();
        }
    }

    Map<JobStatus, Long> countsByStatus() {
        Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
        jobs.values().forEach(e -> counts.merge(e.record().status(), 1L, Long::sum));
        return counts;
    }

    @Override
    public Start follow(String jobId, int epochsAlreadySeen) {
        return entry(jobId).start(epochsAlreadySeen);
    }

    @Override
    public Batch next(String jobId, Cursor cursor, Duration timeout) throws InterruptedException {
        return entry(jobId).awaitAfter(cursor, timeout);
    }

    JobEntry entry(String id) {
        JobEntry entry = id == null ? null : jobs.get(id);
        if (entry == null) {
            throw new NotFoundException("no job with id '" + id + "'");
        }
        return entry;
    }
}
