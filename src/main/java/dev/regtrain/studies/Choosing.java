package dev.regtrain.studies;

import dev.regtrain.jobs.JobStatus;
import java.util.List;
import java.util.Locale;

/**
 * Turns the trials of a study whose fold jobs have all ended into its result: the best trial, the one-standard-error
 * trial, the selected one, and the closing note. Trials whose every fold succeeded compete; when there is none,
 * those with at least one; when no fold succeeded at all, there is no result.
 */
final class Choosing {

    private Choosing() {
    }

    static StudyResult result(StudyRecord study) {
        StudyRequest request = study.request();
        SelectionMetric metric = SelectionMetric.valueOf(request.selection().metric().toUpperCase(Locale.ROOT));
        List<TrialRecord> complete = study.trials().stream()
                .filter(t -> t.status() == JobStatus.SUCCEEDED && t.mean() != null).toList();
        List<TrialRecord> competing = !complete.isEmpty() ? complete
                : study.trials().stream().filter(t -> t.mean() != null).toList();
        if (competing.isEmpty()) {
            return null;
        }
        StudyParameter single = request.search().parameters().size() == 1
                ? StudyParameter.byPath(request.search().parameters().keySet().iterator().next()).orElse(null) : null;
        List<Selection.Candidate> candidates = competing.stream().map(t -> new Selection.Candidate(t.trial(),
                single == null ? 0 : t.parameters().get(single.path()), t.mean(), t.standardError())).toList();
        Selection.Candidate best = Selection.best(candidates, metric);
        Selection.Candidate oneSe = single != null && single.regularises() != StudyParameter.Regularises.NEITHER
                ? Selection.oneStandardError(candidates, metric, single) : null;
        Selection.Candidate selected = request.selection().rule().equals(SelectionRule.ONE_STANDARD_ERROR.label())
                && oneSe != null ? oneSe : best;
        return new StudyResult(metric.label(), request.selection().rule(), choice(study, best), choice(study, oneSe),
                choice(study, selected), null, note(study));
    }

    private static StudyResult.Choice choice(StudyRecord study, Selection.Candidate candidate) {
        return candidate == null ? null : StudyResult.Choice.of(study.trials().get(candidate.trial()));
    }

    /** What was trained; for a path, the epochs per fold of the warm-started trials against the cold-started first. */
    static String note(StudyRecord study) {
        long epochs = 0;
        double seconds = 0;
        int jobs = 0;
        for (TrialRecord trial : study.trials()) {
            for (FoldRecord fold : trial.folds()) {
                if (fold.epochs() != null) {
                    epochs += fold.epochs();
                    seconds += fold.seconds() == null ? 0 : fold.seconds();
                    jobs++;
                }
            }
        }
        String trained = String.format(Locale.ROOT, "%d fold jobs trained %d epochs in %.1f s of training", jobs,
                epochs, seconds);
        if (!study.request().search().method().equals("path") || study.trials().size() < 2) {
            return trained;
        }
        double first = meanEpochs(study.trials().subList(0, 1));
        double rest = meanEpochs(study.trials().subList(1, study.trials().size()));
        return trained + String.format(Locale.ROOT, "; warm starts along the path: trials 1–%d needed %.1f epochs "
                + "per fold on average against %.1f for trial 0, which started from the template's initialisation "
                + "(as every trial of a grid does)", study.trials().size() - 1, rest, first);
    }

    private static double meanEpochs(List<TrialRecord> trials) {
        return trials.stream().flatMap(t -> t.folds().stream()).filter(f -> f.epochs() != null)
                .mapToInt(FoldRecord::epochs).average().orElse(0);
    }
}
