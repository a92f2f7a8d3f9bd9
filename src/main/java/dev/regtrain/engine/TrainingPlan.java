package dev.regtrain.engine;

import java.util.Objects;

/**
 * Everything that determines a training run besides its data: with the same plan and data the engine produces
 * bit-identical weights and metrics.
 *
 * @param batchSize examples per mini-batch; 0 means the whole training set (full batch)
 */
public record TrainingPlan(NetworkSpec network, OptimizerSpec optimizer, PenaltySpec penalty, DropoutSpec dropout,
                           EarlyStoppingSpec earlyStopping, int epochs, int batchSize, boolean shuffle, long seed) {

    public TrainingPlan {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(penalty, "penalty");
        Objects.requireNonNull(dropout, "dropout");
        Objects.requireNonNull(earlyStopping, "earlyStopping");
        if (epochs < 1 || batchSize < 0) {
            throw new IllegalArgumentException("epochs must be ≥ 1 and batchSize ≥ 0");
        }
        if (dropout.hiddenRates().size() != network.hidden().size()) {
            throw new IllegalArgumentException("one dropout rate per hidden layer is needed");
        }
        if (penalty.layers().size() > network.layerCount()) {
            throw new IllegalArgumentException("more penalty overrides than weight layers");
        }
    }

    /** The mini-batch size for m training examples. */
    public int effectiveBatchSize(int examples) {
        return batchSize == 0 ? examples : Math.min(batchSize, examples);
    }
}
