package dev.regtrain.studies;

import dev.regtrain.common.Owner;
import dev.regtrain.jobs.JobStatus;
import dev.regtrain.jobs.StatusChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An immutable snapshot of a study, as stored and as the API shows it.
 *
 * @param request the request with every default filled in
 * @param trials every trial, in the order visited, each with its fold jobs
 * @param result how the study chose; null until it ends
 * @param jobs the jobs the study trains in all (trials × folds × repeats, plus the refit)
 * @param cancelRequested a cancel was asked for: the study ends CANCELLED once its children have ended
 * @param error why the study failed, else null
 * @param history every status the study entered, oldest first
 * @param owner who the study and its jobs belong to
 */
public record StudyRecord(String id, String name, JobStatus status, Instant createdAt, Instant startedAt,
                          Instant finishedAt, StudyRequest request, List<TrialRecord> trials, StudyResult result,
                          int jobs, boolean cancelRequested, String error, List<StatusChange> history,
                          Owner owner) {

    public StudyRecord {
        owner = owner != null ? owner : Owner.ANONYMOUS; // a record stored before owners existed
        trials = List.copyOf(trials);
        history = List.copyOf(history);
    }

    /** Jobs that ended, the refit included. */
    public int jobsDone() {
        int done = 0;
        for (TrialRecord trial : trials) {
            done += (int) trial.folds().stream().filter(FoldRecord::ended).count();
        }
        return done + (result != null && result.refitJob() != null && status.isFinal() ? 1 : 0);
    }

    StudyRecord withTrials(List<TrialRecord> newTrials) {
        return new StudyRecord(id, name, status, createdAt, startedAt, finishedAt, request, newTrials, result, jobs,
                cancelRequested, error, history, owner);
    }

    StudyRecord withResult(StudyResult newResult) {
        return new StudyRecord(id, name, status, createdAt, startedAt, finishedAt, request, trials, newResult, jobs,
                cancelRequested, error, history, owner);
    }

    /** The same study with a cancel asked for. */
    public StudyRecord cancelling() {
        return new StudyRecord(id, name, status, createdAt, startedAt, finishedAt, request, trials, result, jobs,
                true, error, history, owner);
    }

    StudyRecord finished(JobStatus finalStatus, Instant at, String why) {
        List<StatusChange> longer = new ArrayList<>(history);
        longer.add(new StatusChange(finalStatus, at, why));
        return new StudyRecord(id, name, finalStatus, createdAt, startedAt, at, request, trials, result, jobs,
                cancelRequested, finalStatus == JobStatus.FAILED ? why : error, longer, owner);
    }
}
