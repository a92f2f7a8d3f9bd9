package dev.regtrain.engine;

import java.util.List;
import java.util.Objects;

/**
 * Everything a run needs to continue bit-identically after epoch {@code epoch}: the network's values (with batch
 * normalisation's running statistics), the optimizer's state, the random streams, early stopping's memory, the
 * learning-rate schedule's memory, the best values so far and the metrics history. Serialised by
 * {@code StateCodec}.
 *
 * @param parameters values in {@link Network#blocks()} order
 * @param bestParameters the values at early stopping's best epoch, or null before any epoch was monitored
 * @param precision the precision the run trains in: in {@link Precision#FLOAT32} every value (parameters, optimizer
 *                  slots, best values) is a float, held exactly in its double
 */
public record TrainingState(NetworkSpec network, int epoch, double[][] parameters, OptimizerState optimizer,
                            long shuffleRandom, long dropoutRandom, long augmentRandom,
                            EarlyStoppingState earlyStopping, double[][] bestParameters,
                            List<EpochMetrics> history, ScheduleState schedule, Precision precision) {

    public TrainingState {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(earlyStopping, "earlyStopping");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(precision, "precision");
        history = List.copyOf(history);
        if (epoch < 0 || history.size() != epoch) {
            throw new IllegalArgumentException("a state after epoch " + epoch + " needs " + epoch + " metrics rows");
        }
    }

    /** A state of a run in double precision. */
    public TrainingState(NetworkSpec network, int epoch, double[][] parameters, OptimizerState optimizer,
                         long shuffleRandom, long dropoutRandom, long augmentRandom,
                         EarlyStoppingState earlyStopping, double[][] bestParameters, List<EpochMetrics> history,
                         ScheduleState schedule) {
        this(network, epoch, parameters, optimizer, shuffleRandom, dropoutRandom, augmentRandom, earlyStopping,
                bestParameters, history, schedule, Precision.FLOAT64);
    }

    /** A state whose schedule has nothing to remember (a constant or epoch-driven learning rate). */
    public TrainingState(NetworkSpec network, int epoch, double[][] parameters, OptimizerState optimizer,
                         long shuffleRandom, long dropoutRandom, long augmentRandom,
                         EarlyStoppingState earlyStopping, double[][] bestParameters, List<EpochMetrics> history) {
        this(network, epoch, parameters, optimizer, shuffleRandom, dropoutRandom, augmentRandom, earlyStopping,
                bestParameters, history, ScheduleState.INITIAL);
    }

    /** The network with this state's values. */
    public Network toNetwork() {
        return Network.of(network, parameters);
    }
}
