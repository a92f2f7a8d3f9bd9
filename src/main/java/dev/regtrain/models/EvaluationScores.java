package dev.regtrain.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The scores of an evaluation, from predictions and true values, by their textbook definitions. */
final class EvaluationScores {

    private EvaluationScores() {
    }

    /** counts[i][j] = rows of true class i predicted as j. */
    static long[][] confusionMatrix(int[] truth, int[] predicted, int classes) {
        long[][] counts = new long[classes][classes];
        for (int i = 0; i < truth.length; i++) {
            counts[truth[i]][predicted[i]]++;
        }
        return counts;
    }

    /** Precision TP/(TP+FP), recall TP/(TP+FN), F1 their harmonic mean, support TP+FN, per class. */
    static List<ClassificationEvaluation.ClassScores> perClass(long[][] confusion, List<String> classes) {
        List<ClassificationEvaluation.ClassScores> scores = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            long truePositives = confusion[c][c];
            long predicted = 0;
            long actual = 0;
            for (int k = 0; k < classes.size(); k++) {
                predicted += confusion[k][c];
                actual += confusion[c][k];
            }
            Double precision = predicted == 0 ? null : (double) truePositives / predicted;
            Double recall = actual == 0 ? null : (double) truePositives / actual;
            Double f1 = precision == null || recall == null ? null
                    : precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
            scores.add(new ClassificationEvaluation.ClassScores(classes.get(c), precision, recall, f1, actual));
        }
        return scores;
    }

    /**
     * The area under the ROC curve of {@code scores} for the rows whose {@code positive} is true: the probability
     * that a random positive scores above a random negative, ties counting one half (Mann–Whitney, with the average
     * rank of tied scores). Null without positives or without negatives.
     */
    static Double rocAuc(double[] scores, boolean[] positive) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double positiveRanks = 0;
        long positives = 0;
        for (int start = 0; start < n; ) {
            int end = start;
            while (end + 1 < n && scores[order[end + 1]] == scores[order[start]]) {
                end++;
            }
            double rank = (start + end) / 2.0 + 1; // ranks are 1-based; tied scores share their average
            for (int k = start; k <= end; k++) {
                if (positive[order[k]]) {
                    positiveRanks += rank;
                    positives++;
                }
            }
            start = end + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return null;
        }
        return (positiveRanks - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** RMSE, MAE and R² = 1 − SS_res/SS_tot (null when SS_tot is 0). */
    static double[] regression(double[] predicted, double[] truth) {
        double squares = 0;
        double absolute = 0;
        double mean = Arrays.stream(truth).average().orElse(0);
        double total = 0;
        for (int i = 0; i < truth.length; i++) {
            double e = predicted[i] - truth[i];
            squares += e * e;
            absolute += Math.abs(e);
            total += (truth[i] - mean) * (truth[i] - mean);
        }
        int n = truth.length;
        return new double[] {Math.sqrt(squares / n), absolute / n, total == 0 ? Double.NaN : 1 - squares / total};
    }
}
