package dev.regtrain.engine;

import java.util.List;

/**
 * One row per epoch, MATH.md. {@code trainDataLoss}, {@code trainAccuracy} and {@code trainRmse} are means over the
 * epoch's examples as trained (dropout and augmentation on); the penalties are J's terms at the end of the epoch;
 * {@code trainLoss} = trainDataLoss + penalty; validation values are in inference mode without penalty;
 * {@code trainObjective} is J at the end-of-epoch weights, in inference mode over the training split, when something
 * monitors {@code train_loss}. A value the job does not have (no validation split, accuracy for regression) is null.
 */
public record EpochMetrics(int epoch, double seconds, double learningRate, double trainLoss, double trainDataLoss,
                           double penalty, double l1Penalty, double l2Penalty, Double trainAccuracy, Double valLoss,
                           Double valAccuracy, Double trainRmse, Double valRmse, Double trainObjective,
                           List<LayerMetrics> layers) {

    public EpochMetrics {
        layers = List.copyOf(layers);
    }

    /** A row without {@code trainObjective}. */
    public EpochMetrics(int epoch, double seconds, double learningRate, double trainLoss, double trainDataLoss,
                        double penalty, double l1Penalty, double l2Penalty, Double trainAccuracy, Double valLoss,
                        Double valAccuracy, Double trainRmse, Double valRmse, List<LayerMetrics> layers) {
        this(epoch, seconds, learningRate, trainLoss, trainDataLoss, penalty, l1Penalty, l2Penalty, trainAccuracy,
                valLoss, valAccuracy, trainRmse, valRmse, null, layers);
    }

    /** The same row with another wall-clock time: what a comparison of two runs ignores. */
    public EpochMetrics withSeconds(double newSeconds) {
        return new EpochMetrics(epoch, newSeconds, learningRate, trainLoss, trainDataLoss, penalty, l1Penalty,
                l2Penalty, trainAccuracy, valLoss, valAccuracy, trainRmse, valRmse, trainObjective, layers);
    }
}
