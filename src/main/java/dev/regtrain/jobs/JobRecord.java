package dev.regtrain.jobs;

import dev.regtrain.common.Owner;
import dev.regtrain.engine.EpochMetrics;
import dev.regtrain.jobs.request.JobRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An immutable snapshot of a job, as stored and as the API shows it.
 *
 * @param request the request with every default filled in
 * @param objective the objective the job minimises, with its actual λ and m
 * @param epochsDone epochs completed (the number of metrics rows)
 * @param trainingSeconds wall-clock seconds spent in completed epochs, for the ETA
 * @param latest the last metrics row, or null
 * @param resumedFromEpoch the checkpoint epoch the job last resumed from after a restart, or null
 * @param modelRef the checkpoint that holds the job's model once it has one ("best" or an epoch), or null
 * @param history every status the job entered, oldest first (a record stored before histories existed gets the
 *                one its times tell)
 * @param owner who the job belongs to ({@code anonymous} without keys, and for records stored before owners)
 * @param continuedFrom the job and epoch this job continues, or null for a job trained from its start
 * @param study the study the job belongs to and its place in it, or null for a job of its own
 */
public record JobRecord(String id, String name, JobStatus status, Instant createdAt, Instant startedAt,
                        Instant finishedAt, JobRequest request, String objective, DataSummary data, int epochsDone,
                        double trainingSeconds, EpochMetrics latest, BestValue best, JobStop stop, JobError error,
                        Integer resumedFromEpoch, String modelRef, List<StatusChange> history,
                        ContinuedFrom continuedFrom, StudyRef study, Owner owner) {

    public JobRecord {
        owner = owner != null ? owner : Owner.ANONYMOUS; // a record stored before owners existed
        history = history != null ? List.copyOf(history) : reconstructed(status, createdAt, startedAt, finishedAt);
    }

    /**
     * What this record lacks that every job has (a creation time, a status, a complete request), or null: a record
     * read back from a damaged store may lack it.
     */
    public String missing() {
        if (createdAt == null) {
            return "it has no creation time";
        }
        if (status == null) {
            return "it has no status";
        }
        if (request == null || request.dataset() == null || request.training() == null || request.network() == null
                || request.regularization() == null || request.checkpoints() == null) {
            return "it has no complete request";
        }
        return null;
    }

    /** A new job, waiting for a worker. */
    public static JobRecord queued(String id, JobRequest request, String objective, Instant at) {
        return queued(id, request, objective, at, null, Owner.ANONYMOUS);
    }

    /** A new child of a study, waiting for a worker. */
    public static JobRecord queued(String id, JobRequest request, String objective, Instant at, StudyRef study,
                                   Owner owner) {
        return new JobRecord(id, request.name(), JobStatus.QUEUED, at, null, null, request, objective, null, 0, 0,
                null, null, null, null, null, null, List.of(StatusChange.of(JobStatus.QUEUED, at)), null, study,
                owner);
    }

    private static List<StatusChange> reconstructed(JobStatus status, Instant createdAt, Instant startedAt,
                                                    Instant finishedAt) {
        List<StatusChange> history = new ArrayList<>();
        if (createdAt != null) {
            history.add(StatusChange.of(JobStatus.QUEUED, createdAt));
        }
        if (startedAt != null) {
            history.add(StatusChange.of(JobStatus.RUNNING, startedAt));
        }
        if (status != null && status.isFinal()) {
            history.add(StatusChange.of(status, finishedAt != null ? finishedAt : createdAt));
        }
        return List.copyOf(history);
    }

    /** QUEUED → RUNNING, or RUNNING again after a restart (then {@code detail} says how it continues). */
    public JobRecord started(Instant at, Integer resumedFrom, String detail) {
        return new JobRecord(id, name, JobStatus.RUNNING, createdAt, startedAt != null ? startedAt : at, null,
                request, objective, data, epochsDone, trainingSeconds, latest, best, stop, error, resumedFrom,
                modelRef, appended(new StatusChange(JobStatus.RUNNING, at, detail)), continuedFrom, study, owner);
    }

    public JobRecord prepared(DataSummary summary, String newObjective) {
        return new JobRecord(id, name, status, createdAt, startedAt, finishedAt, request, newObjective, summary,
                epochsDone, trainingSeconds, latest, best, stop, error, resumedFromEpoch, modelRef, history,
                continuedFrom, study, owner);
    }

    public JobRecord afterEpoch(EpochMetrics row, BestValue newBest, String newModelRef) {
        return new JobRecord(id, name, status, createdAt, startedAt, finishedAt, request, objective, data,
                row.epoch(), trainingSeconds + row.seconds(), row, newBest, stop, error, resumedFromEpoch,
                newModelRef, history, continuedFrom, study, owner);
    }

    /** Rewinds to a checkpoint after a restart: the epochs after it will be trained again. */
    public JobRecord rewoundTo(int epoch, double seconds, EpochMetrics row, BestValue newBest, String newModelRef) {
        return new JobRecord(id, name, status, createdAt, startedAt, finishedAt, request, objective, data, epoch,
                seconds, row, newBest, stop, error, resumedFromEpoch, newModelRef, history, continuedFrom, study, owner);
    }

    public JobRecord finished(JobStatus finalStatus, Instant at, JobStop newStop, JobError newError,
                              String newModelRef) {
        return new JobRecord(id, name, finalStatus, createdAt, startedAt, at, request, objective, data, epochsDone,
                trainingSeconds, latest, best, newStop, newError, resumedFromEpoch, newModelRef,
                appended(StatusChange.of(finalStatus, at)), continuedFrom, study, owner);
    }

    /** A new job that continues {@code from}: queued, with the history of the state it starts from. */
    public static JobRecord continuing(String id, JobRequest request, String objective, Instant at,
                                       ContinuedFrom from, List<EpochMetrics> rows, BestValue best, Owner owner) {
        EpochMetrics last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        double seconds = rows.stream().mapToDouble(EpochMetrics::seconds).sum();
        return new JobRecord(id, request.name(), JobStatus.QUEUED, at, null, null, request, objective, null,
                rows.size(), seconds, last, best, null, null, null, null,
                List.of(new StatusChange(JobStatus.QUEUED, at, "continues job " + from.job() + " after its epoch "
                        + from.epoch())), from, null, owner);
    }

    private List<StatusChange> appended(StatusChange change) {
        List<StatusChange> longer = new ArrayList<>(history);
        longer.add(change);
        return longer;
    }
}
