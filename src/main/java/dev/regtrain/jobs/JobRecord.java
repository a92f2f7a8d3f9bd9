package dev.regtrain.jobs;

import dev.regtrain.engine.EpochMetrics;
import dev.regtrain.jobs.request.JobRequest;
import java.time.Instant;

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
 */
public record JobRecord(String id, String name, JobStatus status, Instant createdAt, Instant startedAt,
                        Instant finishedAt, JobRequest request, String objective, DataSummary data, int epochsDone,
                        double trainingSeconds, EpochMetrics latest, BestValue best, JobStop stop, JobError error,
                        Integer resumedFromEpoch, String modelRef) {

    public JobRecord withStatus(JobStatus newStatus) {
        return new JobRecord(id, name, newStatus, createdAt, startedAt, finishedAt, request, objective, data,
                epochsDone, trainingSeconds, latest, best, stop, error, resumedFromEpoch, modelRef);
    }

    public JobRecord started(Instant at, Integer resumedFrom) {
        return new JobRecord(id, name, JobStatus.RUNNING, createdAt, startedAt != null ? startedAt : at, null,
                request, objective, data, epochsDone, trainingSeconds, latest, best, stop, error, resumedFrom,
                modelRef);
    }

    public JobRecord prepared(DataSummary summary, String newObjective) {
        return new JobRecord(id, name, status, createdAt, startedAt, finishedAt, request, newObjective, summary,
                epochsDone, trainingSeconds, latest, best, stop, error, resumedFromEpoch, modelRef);
    }

    public JobRecord afterEpoch(EpochMetrics row, BestValue newBest, String newModelRef) {
        return new JobRecord(id, name, status, createdAt, startedAt, finishedAt, request, objective, data,
                row.epoch(), trainingSeconds + row.seconds(), row, newBest, stop, error, resumedFromEpoch,
                newModelRef);
    }

    /** Rewinds to a checkpoint after a restart: the epochs after it will be trained again. */
    public JobRecord rewoundTo(int epoch, double seconds, EpochMetrics row, BestValue newBest, String newModelRef) {
        return new JobRecord(id, name, status, createdAt, startedAt, finishedAt, request, objective, data, epoch,
                seconds, row, newBest, stop, error, resumedFromEpoch, newModelRef);
    }

    public JobRecord finished(JobStatus finalStatus, Instant at, JobStop newStop, JobError newError,
                              String newModelRef) {
        return new JobRecord(id, name, finalStatus, createdAt, startedAt, at, request, objective, data, epochsDone,
                trainingSeconds, latest, best, newStop, newError, resumedFromEpoch, newModelRef);
    }
}
