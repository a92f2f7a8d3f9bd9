package dev.regtrain.engine;

import java.util.List;
import java.util.Objects;

/**
 * Everything a run needs to continue bit-identically after epoch {@code epoch}: the weights, the optimizer's state,
 * the random streams, early stopping's memory, the best weights so far and the metrics history. Serialised by
 * {@link StateCodec}.
 *
 * @param parameters values in {@link Network#parameters()} order
 * @param bestParameters the weights at early stopping's best epoch, or null before any epoch was monitored
 */
public record TrainingState(NetworkSpec network, int epoch, double[][] parameters, OptimizerState optimizer,
                            long shuffleRandom, long dropoutRandom, long augmentRandom,
                            EarlyStoppingState earlyStopping, double[][] bestParameters,
                            List<EpochMetrics> history) {

    public TrainingState {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(earlyStopping, "earlyStopping");
        history = List.copyOf(history);
        if (epoch < 0 || history.size() != epoch) {
            throw new IllegalArgumentException("a state after epoch " + epoch + " needs " + epoch + " metrics rows");
        }
    }

    /** The network with this state's weights. */
    public Network toNetwork() {
        return Network.of(network, parameters);
    }
}
