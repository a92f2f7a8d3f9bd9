package dev.regtrain.studies;

import java.util.List;

/**
 * The arithmetic of choosing (MATH.md, "Cross-validation and selection"): a trial's mean over its folds and the
 * standard error sd/√K with the sample standard deviation; the best mean; and the one-standard-error rule, the most
 * regularised trial whose mean is within the best trial's standard error of the best mean (inclusive), as cv.glmnet
 * chooses lambda.1se.
 */
final class Selection {

    private Selection() {
    }

    /** A trial as the rules see it: its number, its value of the searched parameter, its mean and standard error. */
    record Candidate(int trial, double parameter, double mean, Double standardError) {
    }

    /** The mean and standard error of one trial's fold values (SE null with fewer than two values). */
    record Summary(Double mean, Double standardError) {

        static Summary of(List<Double> values) {
            int k = values.size();
            if (k == 0) {
                return new Summary(null, null);
            }
            double sum = 0;
            for (double v : values) {
                sum += v;
            }
            double mean = sum / k;
            if (k == 1) {
                return new Summary(mean, null);
            }
            double squares = 0;
            for (double v : values) {
                squares += (v - mean) * (v - mean);
            }
            return new Summary(mean, Math.sqrt(squares / (k - 1)) / Math.sqrt(k));
        }
    }

    /** The trial with the best mean; among equal means, the one visited first. */
    static Candidate best(List<Candidate> candidates, SelectionMetric metric) {
        Candidate best = null;
        for (Candidate c : candidates) {
            if (best == null || metric.atLeastAsGood(c.mean(), best.mean()) && c.mean() != best.mean()) {
                best = c;
            }
        }
        return best;
    }

    /**
     * The most regularised trial whose mean is within one standard error of the best mean, on the metric's side:
     * mean ≤ best + SE for a loss, mean ≥ best − SE for accuracy (a best without standard error allows only ties).
     */
    static Candidate oneStandardError(List<Candidate> candidates, SelectionMetric metric, StudyParameter parameter) {
        Candidate best = best(candidates, metric);
        if (best == null) {
            return null;
        }
        double se = best.standardError() == null ? 0 : best.standardError();
        double threshold = metric.largerIsBetter() ? best.mean() - se : best.mean() + se;
        Candidate chosen = best;
        for (Candidate c : candidates) {
            boolean within = metric.atLeastAsGood(c.mean(), threshold);
            if (within && parameter.strongerThan(c.parameter(), chosen.parameter())) {
                chosen = c;
            }
        }
        return chosen;
    }
}
