package dev.regtrain.jobs;

import dev.regtrain.common.Audit;
import dev.regtrain.common.Callers;
import dev.regtrain.common.Endings;
import dev.regtrain.common.ConflictException;
import dev.regtrain.common.DamagedDataException;
import dev.regtrain.common.InvalidRequestException;
import dev.regtrain.common.Owner;
import dev.regtrain.config.RegtrainProperties;
import dev.regtrain.datasets.DatasetService;
import dev.regtrain.datasets.JobDatasets;
import dev.regtrain.engine.EngineContext;
import dev.regtrain.engine.EpochMetrics;
import dev.regtrain.engine.Finding;
import dev.regtrain.jobs.cores.SharedCores;
import dev.regtrain.jobs.request.JobRequest;
import dev.regtrain.jobs.request.Resolution;
import dev.regtrain.jobs.request.RequestResolver;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.context.SmartLifecycle;

/**
 * Submits, lists, cancels and deletes jobs, and lets callers follow them. The jobs this service is queueing or
 * training live in memory (their records, metrics rows, cancel flags and the condition event streams wait on); every
 * other job is read from the {@link JobStore}, which also lists and pages.
 */
public class JobService implements JobEvents, SmartLifecycle {

    /** A cursor's status version meaning "the final status was sent": a job read from the store never changes. */
    private static final long FINAL_SENT = -1;

    private final Map<String, JobEntry> live = new ConcurrentHashMap<>();
    private final JobStore store;
    private final CheckpointStore checkpoints;
    private final JobAdmission admission;
    private final JobQueue queue;
    private final JobContext context;
    private final Clock clock;
    private final RegtrainProperties.Limits limits;
    private final Duration shutdownGrace;
    private final DatasetsInUse datasetsInUse;
    private final Callers callers; // for owners and the audit; VisibleJobs checks what a caller sees
    private final VisibleJobs visible;
    private final JobLifecycle lifecycle;
    private final PendingSaves pending;
    private final Later later;
    private final EndListeners endListeners = new EndListeners();
    private final MemoryGate memory;
    private volatile boolean running;

    /**
     * @param later runs the retries of what the store could not take (a full disk)
     * @param endings told of every job's end in the same step as its final record is saved (the webhooks' outbox)
     */
    public JobService(JobStore store, CheckpointStore checkpoints, DatasetService datasets, JobQueue queue,
                      JobMetrics metrics, EngineContext engine, SharedCores cores, Clock clock,
                      RegtrainProperties.Limits limits, Duration shutdownGrace, Later later,
                      Endings<JobSnapshot> endings, Callers callers, int maxActiveJobsPerOwner) {
        this.later = later;
        this.callers = callers;
        this.visible = new VisibleJobs(live, store, callers);
        this.pending = new PendingSaves(store, later, this::retireIfEnded);
        this.store = store;
        this.checkpoints = checkpoints;
        this.datasetsInUse = new DatasetsInUse(datasets, store);
        this.queue = queue;
        this.clock = clock;
        this.limits = limits;
        this.shutdownGrace = shutdownGrace;
        this.lifecycle = new JobLifecycle(store, checkpoints, queue, metrics, clock, this::ended, pending, endings);
        this.context = new JobContext(store, checkpoints, new JobDatasets(datasets), engine, cores, lifecycle,
                metrics);
        this.memory = new MemoryGate(limits.jobMemoryBudget(), queue);
        this.admission = new JobAdmission(live, queue, context, new RequestResolver(limits,
                new Lookups(datasets, checkpoints, store, callers)), memory, clock, limits.maxEpochs(),
                maxActiveJobsPerOwner);
        metrics.countStatusesWith(this::countsByStatus);
        for (JobRecord record : store.unfinished()) {
            live.put(record.id(), new JobEntry(record, store.loadMetrics(record.id())));
        }
    }

    /** Continues what the last run of the service left: RUNNING jobs from their last checkpoint, QUEUED ones anew. */
    @Override
    public void start() {
        queue.start();
        lifecycle.resume();
        memory.open();
        running = true;
        List<JobEntry> unfinished = store.unfinished().stream().map(r -> live.get(r.id()))
                .filter(e -> e != null).toList();
        new JobRecovery(context, queue, later, memory, admission::memoryOf).recover(unfinished);
    }

    /** Tells {@code listener} of every job that ends, after its final record went to the store, on the thread that
     * ended it (a worker, or the one that cancelled it while queued). A listener must be quick. */
    public void onEnded(Consumer<JobRecord> listener) {
        endListeners.add(listener);
    }

    private void ended(JobEntry entry) {
        retireIfEnded(entry.id());
        endListeners.tell(entry.record());
    }

    /** A job that ended leaves memory once the store has its final record (until then, memory is the truth). */
    private void retireIfEnded(String id) {
        JobEntry entry = live.get(id);
        if (entry != null && entry.record().status().isFinal() && !pending.contains(id)) {
            live.remove(id, entry);
        }
    }

    /** Jobs by status: the store's counts, corrected for the final records it has not taken yet. */
    public Map<JobStatus, Long> countsByStatus() {
        return pending.corrected(store.countByStatus());
    }

    /** Stops taking work; running jobs checkpoint their last complete epoch within the grace period. */
    @Override
    public void stop() {
        running = false;
        lifecycle.beginShutdown();
        memory.close();
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
        JobRecord job = submit(raw, id, null, callers.current().owner());
        Audit.log(callers.current(), "job", "create", id);
        return job;
    }

    /** Submits a child of a study (or, with a null {@code study}, a job of its own) under the id chosen. */
    public JobRecord submit(JobRequest raw, String id, StudyRef study, Owner owner) {
        return datasetsInUse.admit(() -> admission.submit(raw, id, study, owner));
    }

    /** Validates a request and fills in its defaults as a submission would, without submitting anything. */
    public Resolution resolve(JobRequest raw) {
        return admission.resolve(raw);
    }

    /** A new job continuing a final one by more epochs from its last checkpoint (409 without one). */
    public JobRecord continueJob(String id, int epochs) {
        JobRecord job = datasetsInUse.admit(() -> admission.continueJob(get(id), epochs));
        Audit.log(callers.current(), "job", "continue", job.id());
        return job;
    }

    public JobRecord get(String id) {
        JobEntry entry = visible.entry(id);
        return entry != null ? entry.record() : visible.record(id);
    }

    public boolean exists(String id) { // for the caller: another owner's does not
        return visible.exists(id);
    }

    /** Newest first, optionally only some statuses, paged by the cursor of the previous page. */
    public JobPage list(JobFilter filter, int limit, String cursor) {
        if (limit < 1 || limit > limits.maxListLimit()) {
            throw new InvalidRequestException("limit", "must be between 1 and " + limits.maxListLimit()
                    + " (limit regtrain.limits.max-list-limit); got " + limit);
        }
        JobPage page = store.page(visible.forCaller(filter), limit, cursor);
        // the store has every status change; a job training here has newer progress in memory
        return new JobPage(page.jobs().stream().map(r -> {
            JobEntry entry = live.get(r.id());
            return entry != null ? entry.record() : r;
        }).toList(), page.next());
    }

    /** A queued job is cancelled at once; a running one within one mini-batch. */
    public JobRecord cancel(String id) {
        JobEntry entry = visible.entry(id);
        if (entry == null) {
            throw new ConflictException("job " + id + " is already " + visible.record(id).status());
        }
        if (entry.record().status().isFinal()) {
            throw new ConflictException("job " + id + " is already " + entry.record().status());
        }
        entry.requestCancel();
        Audit.log(callers.current(), "job", "cancel", id);
        lifecycle.cancelWaiting(entry);
        memory.withdraw(entry);
        JobRecord after = entry.record();
        if (after.status().isFinal() && after.stop() != null && after.stop().reason() != StopReasonCode.CANCELLED) {
            throw new ConflictException("job " + id + " had already finished: " + after.status());
        }
        return after;
    }

    /** Removes a job in a final state with its checkpoints and everything else stored for it. */
    public void delete(String id) {
        JobEntry entry = visible.entry(id);
        JobStatus status;
        if (entry != null) {
            JobStatus[] seen = new JobStatus[1];
            entry.locked(() -> {
                seen[0] = entry.record().status();
                if (seen[0].isFinal()) {
                    live.remove(id, entry);
                }
            });
            status = seen[0];
        } else {
            try {
                status = visible.record(id).status();
            } catch (DamagedDataException e) {
                status = null; // a job whose record is damaged can always be deleted, with what is left of it
            }
        }
        if (status != null && !status.isFinal()) {
            throw new ConflictException("job " + id + " is " + status + "; cancel it and wait until it ends");
        }
        pending.discard(id);
        checkpoints.deleteAll(id);
        store.delete(id);
        Audit.log(callers.current(), "job", "delete", id);
    }

    /** The gradient diagnostics of the job's metrics so far (MATH.md). */
    public List<Finding> diagnostics(String id) {
        return snapshot(id).diagnostics();
    }

    public List<EpochMetrics> metrics(String id) {
        JobEntry entry = visible.entry(id);
        return entry != null ? entry.metrics() : snapshot(id).metrics();
    }

    /** The job's record and metrics read together, for views that draw both (404 if unknown). */
    public JobSnapshot snapshot(String id) {
        JobEntry entry = visible.entry(id);
        if (entry != null) {
            return entry.snapshot();
        }
        JobRecord record = visible.record(id);
        return new JobSnapshot(record, store.loadMetrics(id));
    }

    /** Deletes an uploaded dataset unless a queued or running job trains on it. */
    public void deleteDataset(String datasetId) {
        datasetsInUse.delete(datasetId);
    }

    @Override
    public Start follow(String jobId, int epochsAlreadySeen) {
        JobEntry entry = visible.entry(jobId);
        if (entry != null) {
            return entry.start(epochsAlreadySeen);
        }
        return new Start(visible.record(jobId), new Cursor(Math.max(0, epochsAlreadySeen), FINAL_SENT));
    }

    @Override
    public Batch next(String jobId, Cursor cursor, Duration timeout) throws InterruptedException {
        JobEntry entry = jobId == null ? null : live.get(jobId);
        if (entry != null) {
            return entry.awaitAfter(cursor, timeout);
        }
        // the job ended (and left memory) or was never here: everything after the cursor, and the end
        JobSnapshot snapshot = snapshot(jobId);
        List<EpochMetrics> rows = snapshot.metrics();
        int from = Math.min(cursor.epochsSent(), rows.size());
        JobRecord status = cursor.statusVersion() == FINAL_SENT ? null : snapshot.record();
        return new Batch(List.copyOf(rows.subList(from, rows.size())), status, true,
                new Cursor(rows.size(), FINAL_SENT));
    }
}
