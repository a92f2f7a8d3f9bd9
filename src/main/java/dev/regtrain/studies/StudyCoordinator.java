package dev.regtrain.studies;

import dev.regtrain.common.ConflictException;
import dev.regtrain.common.DamagedDataException;
import dev.regtrain.common.InvalidRequestException;
import dev.regtrain.common.NotFoundException;
import dev.regtrain.jobs.JobRecord;
import dev.regtrain.jobs.JobService;
import dev.regtrain.jobs.JobStatus;
import dev.regtrain.jobs.QueueFullException;
import dev.regtrain.jobs.StudyRef;
import dev.regtrain.jobs.request.JobRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Moves a study on from what its children did: scores the fold jobs that ended, cancels children when a cancel was
 * asked for, submits the next children (at most {@code maxParallelJobs} at once; along a path, trial t of a fold once
 * trial t−1 of that fold ended, warm-started from it), selects once every trial ended, trains the refit, and ends
 * the study. It reads everything from the study's record and its children, which have ids derived from their place
 * in the study, so the same step after a restart continues where the last run stopped.
 */
final class StudyCoordinator {

    private final JobService jobs;
    private final Clock clock;
    private final int workers;

    StudyCoordinator(JobService jobs, Clock clock, int workers) {
        this.jobs = jobs;
        this.clock = clock;
        this.workers = workers;
    }

    /** The study after one step, and whether it must be tried again later (the queue was full). */
    record Step(StudyRecord study, boolean retryLater) {
    }

    Step advance(StudyRecord study) {
        if (study.status().isFinal()) {
            return new Step(study, false);
        }
        study = study.withTrials(caughtUp(study));
        JobRecord refit = child(ChildIds.refit(study.id()));
        if (study.cancelRequested()) {
            return cancel(study, refit);
        }
        if (study.trials().stream().allMatch(TrialRecord::ended)) {
            return conclude(study, refit);
        }
        return submitNext(study);
    }

    /** Every fold brought up to date with its job: submitted, running, or ended and scored. */
    private List<TrialRecord> caughtUp(StudyRecord study) {
        SelectionMetric metric = SelectionMetric.valueOf(study.request().selection().metric().toUpperCase(Locale.ROOT));
        List<TrialRecord> trials = new ArrayList<>(study.trials());
        for (TrialRecord trial : study.trials()) {
            for (FoldRecord fold : trial.folds()) {
                if (fold.ended()) {
                    continue;
                }
                String id = ChildIds.fold(study.id(), trial.trial(), fold.repeat(), fold.fold());
                JobRecord child = child(id);
                FoldRecord now;
                if (child == null) {
                    now = fold.status() == null ? fold : new FoldRecord(fold.fold(), fold.repeat(), id,
                            JobStatus.FAILED, "the job was deleted before the study read its result", null, null,
                            null, null, null, null, null);
                } else if (child.status().isFinal()) {
                    now = Scoring.fold(fold, jobs.snapshot(id), metric);
                } else {
                    now = fold.submitted(id, child.status());
                }
                if (!now.equals(fold)) {
                    trials.set(trial.trial(), trials.get(trial.trial()).with(now));
                }
            }
        }
        return trials;
    }

    private JobRecord child(String id) {
        try {
            return jobs.exists(id) ? jobs.get(id) : null;
        } catch (NotFoundException e) {
            return null;
        } catch (DamagedDataException e) {
            return null;
        }
    }

    private Step cancel(StudyRecord study, JobRecord refit) {
        if (cancelChildren(study)) {
            return new Step(study, false);
        }
        StudyRecord caught = study.withTrials(caughtUp(study));
        return new Step(caught.finished(JobStatus.CANCELLED, clock.instant(), "cancelled"), false);
    }

    /**
     * Asks every child of the study that exists and has not ended to stop (found by their derived ids, so a record a
     * second old, as another instance reads it, misses none); whether any of them is still active.
     */
    boolean cancelChildren(StudyRecord study) {
        boolean active = false;
        for (String id : ChildIds.of(study, fold -> !fold.ended())) {
            JobRecord child = child(id);
            if (child == null || child.status().isFinal()) {
                continue;
            }
            try {
                JobRecord after = jobs.cancel(id);
                active |= !after.status().isFinal();
            } catch (ConflictException | NotFoundException e) {
                // it ended meanwhile
            }
        }
        return active;
    }

    private Step conclude(StudyRecord study, JobRecord refit) {
        StudyResult result = study.result() != null ? study.result() : Choosing.result(study);
        if (result == null) {
            String why = study.trials().stream().flatMap(t -> t.folds().stream()).map(FoldRecord::reason)
                    .filter(r -> r != null).findFirst().orElse("no fold job succeeded");
            return new Step(study.finished(JobStatus.FAILED, clock.instant(), "no trial succeeded; the first "
                    + "failure: " + why), false);
        }
        study = study.withResult(result);
        if (!study.request().refit()) {
            return new Step(study.finished(JobStatus.SUCCEEDED, clock.instant(), null), false);
        }
        if (refit == null) {
            return submitRefit(study, result);
        }
        if (!refit.status().isFinal()) {
            return new Step(study, false);
        }
        if (refit.status() == JobStatus.SUCCEEDED) {
            return new Step(study.finished(JobStatus.SUCCEEDED, clock.instant(), null), false);
        }
        return new Step(study.finished(JobStatus.FAILED, clock.instant(), "the refit job " + refit.id() + " ended "
                + refit.status() + (refit.stop() != null ? ": " + refit.stop().detail() : "")), false);
    }

    private Step submitRefit(StudyRecord study, StudyResult result) {
        StudyRequest request = study.request();
        TrialRecord selected = study.trials().get(result.selected().trial());
        boolean earlyStops = request.template().regularization() != null
                && request.template().regularization().earlyStopping() != null;
        Integer epochs = earlyStops && selected.meanBestEpoch() != null
                ? (int) Math.round(selected.meanBestEpoch()) : null;
        JobRequest child = ChildRequests.refit(request.template(), name(study) + " refit", request.seed(),
                selected.parameters(), request.crossValidation() != null, epochs);
        String id = ChildIds.refit(study.id());
        try {
            jobs.submit(child, id, new StudyRef(study.id(), selected.trial(), null, null, true),
                    study.owner());
        } catch (QueueFullException e) {
            return new Step(study, true);
        } catch (InvalidRequestException e) {
            return new Step(study.finished(JobStatus.FAILED, clock.instant(), "the refit could not be submitted: "
                    + e.errors().get(0).field() + " " + e.errors().get(0).message()), false);
        }
        return new Step(study.withResult(result.withRefit(id)), false);
    }

    private Step submitNext(StudyRecord study) {
        int cap = study.request().maxParallelJobs() > 0 ? study.request().maxParallelJobs() : workers;
        int active = (int) study.trials().stream().flatMap(t -> t.folds().stream())
                .filter(f -> f.status() != null && !f.ended()).count();
        List<TrialRecord> trials = new ArrayList<>(study.trials());
        boolean retry = false;
        boolean failedToSubmit = false;
        for (Next next : Eligible.next(study)) {
            if (active >= cap) {
                break;
            }
            TrialRecord trial = trials.get(next.trial());
            FoldRecord fold = next.fold();
            String id = ChildIds.fold(study.id(), next.trial(), fold.repeat(), fold.fold());
            StudyRequest.CrossValidation cv = study.request().crossValidation();
            ChildRequests.Fold where = cv == null ? null
                    : new ChildRequests.Fold(cv.folds(), fold.fold(), cv.assignment(), fold.repeat());
            JobRequest child = ChildRequests.foldJob(study.request().template(), name(study) + " t" + next.trial()
                    + (cv == null ? "" : " f" + fold.fold()) + (fold.repeat() > 0 ? " r" + fold.repeat() : ""),
                    study.request().seed(), trial.parameters(), where, next.warmStartFrom());
            FoldRecord now;
            try {
                JobRecord submitted = jobs.submit(child, id, new StudyRef(study.id(), next.trial(),
                        cv == null ? null : fold.fold(), cv == null ? null : fold.repeat(), false), study.owner());
                now = fold.submitted(id, submitted.status());
                active++;
            } catch (QueueFullException e) {
                retry = true;
                break;
            } catch (InvalidRequestException e) {
                now = new FoldRecord(fold.fold(), fold.repeat(), null, JobStatus.FAILED, "the job could not be "
                        + "submitted: " + e.errors().get(0).field() + " " + e.errors().get(0).message(), null, null,
                        null, null, null, null, null);
                failedToSubmit = true;
            }
            trials.set(next.trial(), trials.get(next.trial()).with(now));
        }
        StudyRecord after = study.withTrials(trials);
        if (failedToSubmit && active == 0 && !retry) {
            return advance(after); // nothing runs that would call again
        }
        return new Step(after, retry);
    }

    private static String name(StudyRecord study) {
        return study.name() != null ? study.name() : "study " + study.id().substring(0, 8);
    }

    /** A fold job that may be submitted now, and the job whose final weights it starts from (path only). */
    record Next(int trial, FoldRecord fold, String warmStartFrom) {
    }
}
