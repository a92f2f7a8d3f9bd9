package dev.regtrain.studies;

import java.util.Map;

/**
 * How a study chose: the best trial, the one-standard-error trial (for a single searched parameter with a direction
 * of regularisation; else null), the one the rule selected, the refit job (null without refit), and a closing note
 * on what the study trained (for a path, the epochs the warm starts needed against the cold-started first trial).
 */
public record StudyResult(String metric, String rule, Choice best, Choice oneStandardError, Choice selected,
                          String refitJob, String note) {

    /** One trial as chosen. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "StudyChoice")
    public record Choice(int trial, Map<String, Double> parameters, Double mean, Double standardError) {

        static Choice of(TrialRecord trial) {
            return new Choice(trial.trial(), trial.parameters(), trial.mean(), trial.standardError());
        }
    }

    StudyResult withRefit(String job) {
        return new StudyResult(metric, rule, best, oneStandardError, selected, job, note);
    }
}
