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
import java.util.function.Supplier;
import org.springframework.context.SmartLifecycle;

/**
 * Submits, lists, cancels and deletes jobs, and lets callers follow them. The jobs this service is queueing or
 * training live in memory (their records, metrics rows, cancel flags and the condition event streams wait on); every
 * other job is read from the {@link JobStore}, which also lists and pages.
 */
public class JobService implements JobEvents, SmartLifecycle {

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
    private final VisibleJobs visible;
    private final JobLifecycle lifecycle;
    private final PendingSaves pending;
    private final Later later;
    private final EndListeners endListeners = new EndListeners();
    private final MemoryGate memory;
    private final SharedJobs shared; // null with the file store: this instance trains every job it accepts
    private final Supplier<JobCoordination.View> cluster;
    private final JobFollowing following;
    private volatile boolean running;

    /** {@code later} retries what the store could not take (a full disk); {@code endings} is told of every job's
     *  end in the same step as its final record is saved (the webhooks' outbox). */
    public JobService(JobStore store, CheckpointStore checkpoints, DatasetService datasets, JobQueue queue,
                      JobMetrics metrics, EngineContext engine, SharedCores cores, Clock clock,
                      RegtrainProperties.Limits limits, Duration shutdownGrace, Later later,
                      Endings<JobSnapshot> endings, Callers callers, OwnerQuotas quotas,
                      JobCoordination coordination, InstanceAddress address) {
        this.later = later;
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
                metrics, coordination.shared());
        this.memory = new MemoryGate(limits.jobMemoryBudget(), queue);
        this.admission = new JobAdmission(live, queue, context, new RequestResolver(limits,
                new Lookups(datasets, checkpoints, store, callers)), memory, clock, limits.maxEpochs(),
                quotas, coordination);
        this.shared = !coordination.shared() ? null : new SharedJobs(coordination, live, context, queue.workers(),
                clock, endListeners::tell, memory, new JobRecovery(context, queue, later, memory, admission::memoryOf));
        this.cluster = () -> coordination.view(address, queue.workers(), clock.instant(),
                live.values().stream().map(JobEntry::record));
        this.following = new JobFollowing(live, shared, visible::entry, visible::record, this::snapshot);
        metrics.countStatusesWith(this::countsByStatus);
        for (JobRecord record : shared != null ? List.<JobRecord>of() : store.unfinished()) {
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
        if (shared != null) {
            shared.start();
        } else {
            new JobRecovery(context, queue, later, memory, admission::memoryOf).recover(store.unfinished().stream()
                    .map(r -> live.get(r.id())).filter(e -> e != null).toList());
        }
    }

    /** Tells {@code listener} of every job that ends, after its final record is stored; it must be quick. */
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
            if (shared != null) {
                shared.released(id);
            }
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
        memory.close(); // and a shared store's claimer stops claiming
        queue.shutdown();
        try {
            queue.awaitTermination(shutdownGrace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (shared != null) {
            shared.stop();
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
        JobRecord job = submit(raw, id, null, visible.caller().owner());
        Audit.log(visible.caller(), "job", "create", id);
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
        Audit.log(visible.caller(), "job", "continue", job.id());
        return job;
    }

    public JobRecord get(String id) {
        return visible.record(id); // from memory when it is here, else from the store
    }

    public boolean exists(String id) { // for the caller: another owner's does not
        return visible.exists(id);
    }

    /** Newest first, filtered, paged by the previous page's cursor; jobs training here with their progress. */
    public JobPage list(JobFilter filter, int limit, String cursor) {
        if (limit < 1 || limit > limits.maxListLimit()) {
            throw new InvalidRequestException("limit", "must be between 1 and " + limits.maxListLimit()
                    + " (limit regtrain.limits.max-list-limit); got " + limit);
        }
        JobPage page = store.page(visible.forCaller(filter), limit, cursor);
        return new JobPage(page.jobs().stream().map(r -> live.containsKey(r.id()) ? get(r.id()) : r).toList(),
                page.next());
    }

    /** A queued job is cancelled at once; a running one within one mini-batch. */
    public JobRecord cancel(String id) {
        JobEntry entry = visible.entry(id);
        if (entry == null && shared != null) {
            return shared.cancelElsewhere(visible.record(id));
        } else if (entry == null) {
            throw new ConflictException("job " + id + " is already " + visible.record(id).status());
        }
        if (entry.record().status().isFinal()) {
            throw new ConflictException("job " + id + " is already " + entry.record().status());
        }
        entry.requestCancel();
        Audit.log(visible.caller(), "job", "cancel", id);
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
        Audit.log(visible.caller(), "job", "delete", id);
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
        return following.follow(jobId, epochsAlreadySeen);
    }

    @Override
    public Batch next(String jobId, Cursor cursor, Duration timeout) throws InterruptedException {
        return following.next(jobId, cursor, timeout);
    }

    /** The instances that share the store, and the jobs each trains. */
    public JobCoordination.View cluster() {
        return cluster.get();
    }
}
