package dev.regtrain.studies;

import dev.regtrain.engine.EpochMetrics;
import java.util.Locale;

/** What a study compares trials by: a validation value of each fold job's model. */
public enum SelectionMetric {
    /** The validation data loss, without the penalty; smaller is better. */
    VAL_LOSS(false),
    /** The share of validation examples classified correctly; larger is better. */
    VAL_ACCURACY(true),
    /** The validation root mean squared error of a regression; smaller is better. */
    VAL_RMSE(false);

    private final boolean larger;

    SelectionMetric(boolean largerIsBetter) {
        this.larger = largerIsBetter;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean largerIsBetter() {
        return larger;
    }

    /** Whether {@code a} is at least as good as {@code b}. */
    public boolean atLeastAsGood(double a, double b) {
        return larger ? a >= b : a <= b;
    }

    /** The metric's value in a metrics row, or null when the row has none. */
    public Double of(EpochMetrics row) {
        return switch (this) {
            case VAL_LOSS -> row.valLoss();
            case VAL_ACCURACY -> row.valAccuracy();
            case VAL_RMSE -> row.valRmse();
        };
    }
}
