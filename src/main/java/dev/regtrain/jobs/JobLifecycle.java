package dev.regtrain.jobs;

import dev.regtrain.common.Endings;
import dev.regtrain.common.NotFoundException;
import dev.regtrain.data.DatasetException;
import dev.regtrain.engine.StopReason;
import dev.regtrain.engine.TrainingOutcome;
import dev.regtrain.engine.TrainingState;
import java.time.Clock;
import java.util.Comparator;
import java.util.function.Consumer;
import dev.regtrain.common.DamagedDataException;
import dev.regtrain.common.StorageException;
import dev.regtrain.common.StorageFullException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every status change of a job, each persisted before it is published: start, data prepared, finished, failed,
 * and suspended by a shutdown (the job stays RUNNING on disk and continues at the next start).
 */
final class JobLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobLifecycle.class);

    private final JobStore store;
    private final CheckpointStore checkpoints;
    private final JobQueue queue;
    private final JobMetrics metrics;
    private final Clock clock;
    private final Consumer<JobEntry> ended;
    private final PendingSaves pending;
    private final Endings<JobSnapshot> endings;
    private volatile boolean stopping;

    /**
     * @param ended told of every job that reached a final state
     * @param pending saves final records, later if the store cannot take them now: a job always ends
     * @param endings saves each final record with what its end announces (the webhooks' outbox)
     */
    JobLifecycle(JobStore store, CheckpointStore checkpoints, JobQueue queue, JobMetrics metrics, Clock clock,
                 Consumer<JobEntry> ended, PendingSaves pending, Endings<JobSnapshot> endings) {
        this.pending = pending;
        this.endings = endings;
        this.store = store;
        this.checkpoints = checkpoints;
        this.queue = queue;
        this.metrics = metrics;
        this.clock = clock;
        this.ended = ended;
    }

    /** Set at shutdown: running jobs stop after their current mini-batch and checkpoint. */
    boolean stopping() {
        return stopping;
    }

    void beginShutdown() {
        stopping = true;
    }

    void resume() {
        stopping = false;
    }

    /** QUEUED → RUNNING (or a recovered RUNNING job resuming); false when it was cancelled while waiting. */
    boolean start(JobEntry entry, TrainingState resumeFrom, boolean recovering) {
        if (entry.giveUpQueueSlot()) {
            queue.leave();
        }
        Integer resumedFrom = resumeFrom == null ? null : resumeFrom.epoch();
        if (stopping) {
            return false; // shutting down: the job stays QUEUED on disk and runs at the next start
        }
        String detail = !recovering ? null : resumedFrom == null ? "started again from the beginning after a restart"
                : "resumed after a restart from its checkpoint at epoch " + resumedFrom;
        JobRecord record = entry.update(r -> r.status() == JobStatus.QUEUED
                || (recovering && r.status() == JobStatus.RUNNING) ? r.started(clock.instant(),
                recovering ? resumedFrom : r.resumedFromEpoch(), detail) : r, store::save);
        if (record.status() == JobStatus.RUNNING) {
            log.info("job {} started{}", entry.id(), resumedFrom == null ? (recovering ? " again from the beginning" : "")
                    : " again, resuming from its checkpoint at epoch " + resumedFrom);
        }
        return record.status() == JobStatus.RUNNING;
    }

    void prepared(JobEntry entry, DataSummary summary, String objective) {
        entry.update(r -> r.prepared(summary, objective), store::save);
    }

    void finish(JobEntry entry, TrainingOutcome outcome, TrainingState last, BestValue best) {
        JobStatus status = switch (outcome.reason()) {
            case COMPLETED, EARLY_STOPPED -> JobStatus.SUCCEEDED;
            case CANCELLED -> JobStatus.CANCELLED;
            case DIVERGED -> JobStatus.FAILED;
        };
        String modelRef = outcome.restoredBestWeights() ? "best" : null;
        String unsaved = "";
        CheckpointInfo saved = null;
        if (status != JobStatus.FAILED && last.epoch() > 0) {
            try {
                saved = checkpoints.save(entry.id(), CheckpointKind.FINAL, last,
                        outcome.monitor().valueOf(last.history().get(last.epoch() - 1)));
            } catch (StorageException e) {
                log.warn("job {}: the final checkpoint could not be written: {}", entry.id(), e.getMessage());
                unsaved = "; the checkpoint of epoch " + last.epoch() + " could not be written (" + e.getMessage()
                        + "), so the model is the latest checkpoint written before it";
            }
        }
        if (saved != null) {
            modelRef = modelRef != null ? modelRef : saved.ref();
        } else if (modelRef == null) {
            modelRef = checkpoints.list(entry.id()).stream().filter(c -> c.kind() == CheckpointKind.PERIODIC)
                    .max(Comparator.comparingInt(CheckpointInfo::epoch)).map(CheckpointInfo::ref).orElse(null);
        }
        JobStop stop = new JobStop(StopReasonCode.valueOf(outcome.reason().name()), outcome.stopEpoch(),
                outcome.bestEpoch() > 0 ? outcome.bestEpoch() : null, outcome.restoredBestWeights(),
                outcome.detail() + unsaved);
        JobError error = outcome.reason() == StopReason.DIVERGED ? new JobError(outcome.detail()) : null;
        String ref = modelRef;
        entry.update(r -> r.finished(status, clock.instant(), stop, error, ref),
                finalRecord -> saveFinal(entry, finalRecord));
        metrics.jobStopped(entry.id());
        ended.accept(entry);
        log.info("job {} {} at epoch {}: {}", entry.id(), status, outcome.stopEpoch(), outcome.detail());
    }

    void fail(JobEntry entry, Throwable failure) {
        String message = describe(failure);
        JobRecord current = entry.record();
        Integer bestEpoch = current.best() == null ? null : current.best().epoch();
        JobStop stop = new JobStop(StopReasonCode.FAILED, current.epochsDone(), bestEpoch, false, message);
        entry.update(r -> r.finished(JobStatus.FAILED, clock.instant(), stop, new JobError(message), null),
                finalRecord -> saveFinal(entry, finalRecord));
        metrics.jobStopped(entry.id());
        ended.accept(entry);
        log.warn("job {} FAILED: {}", entry.id(), message);
    }

    /** A shutdown interrupted the job: keep its last complete epoch as a checkpoint and leave it RUNNING. */
    void suspended(JobEntry entry, TrainingState last) {
        try {
            if (last.epoch() > 0) {
                checkpoints.save(entry.id(), CheckpointKind.PERIODIC, last, null);
            }
            store.save(entry.record());
        } catch (StorageException e) {
            log.warn("job {}: its last epochs could not be saved at the shutdown ({}); it continues from its latest "
                    + "checkpoint at the next start", entry.id(), e.getMessage());
        }
        metrics.jobStopped(entry.id());
        log.info("job {} suspended by the shutdown after epoch {}; it continues at the next start", entry.id(),
                last.epoch());
    }

    /** A cancel that reaches a job still waiting: it ends at once (nothing happens once it has left the queue). */
    void cancelWaiting(JobEntry entry) {
        boolean[] cancelled = {false};
        entry.update(r -> {
            if (r.status() != JobStatus.QUEUED) {
                return r;
            }
            cancelled[0] = true;
            return r.finished(JobStatus.CANCELLED, clock.instant(),
                    new JobStop(StopReasonCode.CANCELLED, 0, null, false, "cancelled while queued"), null, null);
        }, finalRecord -> saveFinal(entry, finalRecord));
        if (cancelled[0] && entry.giveUpQueueSlot()) {
            queue.leave();
        }
        if (cancelled[0]) {
            ended.accept(entry);
        }
    }

    /**
     * Saves a final record in one step with what its end announces ({@link Endings}), now or, when the store cannot
     * take it, later (both again).
     */
    private void saveFinal(JobEntry entry, JobRecord finalRecord) {
        JobSnapshot snapshot = new JobSnapshot(finalRecord, entry.metrics());
        pending.save(finalRecord, () -> saveAnnounced(snapshot));
    }

    /** An announcement that fails for another reason than the store does not keep the job from ending. */
    private void saveAnnounced(JobSnapshot snapshot) {
        JobRecord record = snapshot.record();
        try {
            endings.save(snapshot, () -> store.save(record));
        } catch (StorageException | JobLostException e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("job {}: its end could not be announced: {}", record.id(), e.getMessage());
            store.save(record);
        }
    }

    private String describe(Throwable failure) {
        if (failure instanceof StorageFullException) {
            return failure.getMessage() + " while saving the job's progress; its checkpoints until then are kept; "
                    + "free some space and submit the job again";
        }
        if (failure instanceof StorageException) {
            return failure.getMessage() + " while saving the job's progress; the service log has the details";
        }
        if (failure instanceof OutOfMemoryError) {
            return "the job ran out of memory; a smaller network, batch or dataset needs less";
        }
        if (failure instanceof DatasetException || failure instanceof IllegalArgumentException
                || failure instanceof NotFoundException || failure instanceof DamagedDataException) {
            return failure.getMessage();
        }
        return "training failed because of an internal error; the service log has the details";
    }
}
