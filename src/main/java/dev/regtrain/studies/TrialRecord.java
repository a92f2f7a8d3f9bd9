package dev.regtrain.studies;

import dev.regtrain.jobs.JobStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One trial of a study: its parameter values, its fold jobs, and over the folds that succeeded the mean and standard
 * error of the selection metric and the mean best epoch (what a refit trains for when the template early-stops).
 *
 * @param status null until a job of the trial is submitted; SUCCEEDED when every fold succeeded; FAILED when one
 *               failed (its mean is over the others)
 */
public record TrialRecord(int trial, Map<String, Double> parameters, JobStatus status, List<FoldRecord> folds,
                          Double mean, Double standardError, Double meanBestEpoch) {

    public TrialRecord {
        parameters = Map.copyOf(parameters);
        folds = List.copyOf(folds);
    }

    public boolean ended() {
        return folds.stream().allMatch(FoldRecord::ended);
    }

    /** The trial with one fold replaced, its status and summary recomputed. */
    TrialRecord with(FoldRecord fold) {
        List<FoldRecord> changed = new ArrayList<>(folds);
        for (int i = 0; i < changed.size(); i++) {
            if (changed.get(i).fold() == fold.fold() && changed.get(i).repeat() == fold.repeat()) {
                changed.set(i, fold);
            }
        }
        return summarised(trial, parameters, changed);
    }

    static TrialRecord summarised(int trial, Map<String, Double> parameters, List<FoldRecord> folds) {
        List<Double> values = folds.stream().filter(FoldRecord::succeeded).map(FoldRecord::value).toList();
        Selection.Summary summary = Selection.Summary.of(values);
        Double meanBestEpoch = values.isEmpty() ? null : folds.stream().filter(FoldRecord::succeeded)
                .filter(f -> f.bestEpoch() != null).mapToInt(FoldRecord::bestEpoch).average().orElse(Double.NaN);
        if (meanBestEpoch != null && meanBestEpoch.isNaN()) {
            meanBestEpoch = null;
        }
        return new TrialRecord(trial, parameters, status(folds), folds, summary.mean(), summary.standardError(),
                meanBestEpoch);
    }

    private static JobStatus status(List<FoldRecord> folds) {
        if (folds.stream().allMatch(f -> f.status() == null)) {
            return null;
        }
        if (folds.stream().allMatch(FoldRecord::ended)) {
            if (folds.stream().allMatch(f -> f.status() == JobStatus.SUCCEEDED)) {
                return JobStatus.SUCCEEDED;
            }
            return folds.stream().anyMatch(f -> f.status() == JobStatus.FAILED) ? JobStatus.FAILED
                    : JobStatus.CANCELLED;
        }
        return folds.stream().anyMatch(f -> f.status() == JobStatus.RUNNING || f.ended()) ? JobStatus.RUNNING
                : JobStatus.QUEUED;
    }
}
