package dev.regtrain.engine;

/** A quantity that early stopping and the best checkpoint can follow, read from an epoch's metrics row. */
public enum Monitor {
    VAL_LOSS("val_loss", false, true),
    VAL_ACCURACY("val_accuracy", true, true),
    VAL_RMSE("val_rmse", false, true),
    TRAIN_LOSS("train_loss", false, false);

    private final String label;
    private final boolean higherIsBetter;
    private final boolean needsValidation;

    Monitor(String label, boolean higherIsBetter, boolean needsValidation) {
        this.label = label;
        this.higherIsBetter = higherIsBetter;
        this.needsValidation = needsValidation;
    }

    /** The name used in requests and sentences, e.g. {@code val_loss}. */
    public String label() {
        return label;
    }

    /** The direction {@code mode: auto} chooses: max for accuracy, min for losses and errors. */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    public boolean needsValidation() {
        return needsValidation;
    }

    /**
     * The monitored value of a row, or null when the row does not have it. {@code train_loss} is J at the
     * end-of-epoch weights ({@code trainObjective}, MATH.md's correction: one point in time) when the row has it,
     * else, in rows written before it existed, {@code trainLoss}.
     */
    public Double valueOf(EpochMetrics row) {
        return switch (this) {
            case VAL_LOSS -> row.valLoss();
            case VAL_ACCURACY -> row.valAccuracy();
            case VAL_RMSE -> row.valRmse();
            case TRAIN_LOSS -> row.trainObjective() != null ? row.trainObjective() : row.trainLoss();
        };
    }
}
