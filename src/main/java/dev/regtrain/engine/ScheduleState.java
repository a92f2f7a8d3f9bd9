package dev.regtrain.engine;

import java.util.Objects;

/**
 * What a schedule remembers between epochs: the learning rate of the next epoch when it depends on the past (null:
 * the plan's α₀), and the plateau's memory of the monitor, kept as early stopping keeps it.
 */
public record ScheduleState(Double learningRate, EarlyStoppingState plateau) {

    public static final ScheduleState INITIAL = new ScheduleState(null, EarlyStoppingState.INITIAL);

    public ScheduleState {
        Objects.requireNonNull(plateau, "plateau");
        if (learningRate != null && !(learningRate > 0 && learningRate < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("a learning rate is positive and finite");
        }
    }
}
