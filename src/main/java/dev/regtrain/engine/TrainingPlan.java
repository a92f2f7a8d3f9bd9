package dev.regtrain.engine;

import java.util.Objects;

/**
 * Everything that determines a training run besides its data: with the same plan and data the engine produces
 * bit-identical weights and metrics.
 *
 * @param batchSize examples per mini-batch; 0 means the whole training set (full batch)
 * @param schedule the learning rate of each epoch, from the optimizer's α₀
 * @param clipping gradient clipping before each step
 * @param loss label smoothing and class weights
 * @param precision the floating-point format the network, its gradients and the optimizer's state are trained in
 */
public record TrainingPlan(NetworkSpec network, OptimizerSpec optimizer, PenaltySpec penalty, DropoutSpec dropout,
                           EarlyStoppingSpec earlyStopping, int epochs, int batchSize, boolean shuffle, long seed,
                           ScheduleSpec schedule, GradientClipping clipping, LossSpec loss, Precision precision) {

    public TrainingPlan {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(penalty, "penalty");
        Objects.requireNonNull(dropout, "dropout");
        Objects.requireNonNull(earlyStopping, "earlyStopping");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(clipping, "clipping");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(precision, "precision");
        if (epochs < 1 || batchSize < 0) {
            throw new IllegalArgumentException("epochs must be ≥ 1 and batchSize ≥ 0");
        }
        if (dropout.hiddenRates().size() != network.hidden().size()) {
            throw new IllegalArgumentException("one dropout rate per hidden layer is needed");
        }
        if (penalty.layers().size() > network.layerCount()) {
            throw new IllegalArgumentException("more penalty overrides than weight layers");
        }
        if (loss.labelSmoothing() > 0 && !network.output().isClassification()
                || !loss.classWeights().isNone() && !network.output().isClassification()) {
            throw new IllegalArgumentException("label smoothing and class weights need a classification output");
        }
    }

    /** A plan trained in double precision. */
    public TrainingPlan(NetworkSpec network, OptimizerSpec optimizer, PenaltySpec penalty, DropoutSpec dropout,
                        EarlyStoppingSpec earlyStopping, int epochs, int batchSize, boolean shuffle, long seed,
                        ScheduleSpec schedule, GradientClipping clipping, LossSpec loss) {
        this(network, optimizer, penalty, dropout, earlyStopping, epochs, batchSize, shuffle, seed, schedule, clipping,
                loss, Precision.FLOAT64);
    }

    /** A plan with a constant learning rate, no clipping, plain labels and no class weights, in double precision. */
    public TrainingPlan(NetworkSpec network, OptimizerSpec optimizer, PenaltySpec penalty, DropoutSpec dropout,
                        EarlyStoppingSpec earlyStopping, int epochs, int batchSize, boolean shuffle, long seed) {
        this(network, optimizer, penalty, dropout, earlyStopping, epochs, batchSize, shuffle, seed,
                ScheduleSpec.CONSTANT, GradientClipping.NONE, LossSpec.PLAIN);
    }

    /** The mini-batch size for m training examples. */
    public int effectiveBatchSize(int examples) {
        return batchSize == 0 ? examples : Math.min(batchSize, examples);
    }

    /** The same plan with another number of epochs (a job continued by more epochs). */
    public TrainingPlan withEpochs(int newEpochs) {
        return new TrainingPlan(network, optimizer, penalty, dropout, earlyStopping, newEpochs, batchSize, shuffle,
                seed, schedule, clipping, loss, precision);
    }

    /** The same plan trained in another precision. */
    public TrainingPlan withPrecision(Precision newPrecision) {
        return new TrainingPlan(network, optimizer, penalty, dropout, earlyStopping, epochs, batchSize, shuffle, seed,
                schedule, clipping, loss, newPrecision);
    }

    /**
     * Whether an epoch's row needs J at the end-of-epoch weights ({@code trainObjective}): when the best checkpoint,
     * early stopping or a plateau schedule follow {@code train_loss}.
     */
    public boolean monitorsTrainingObjective() {
        return earlyStopping.monitor() == Monitor.TRAIN_LOSS
                || schedule.monitors() && schedule.monitor() == Monitor.TRAIN_LOSS;
    }
}
