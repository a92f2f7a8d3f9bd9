package dev.regtrain.engine;

import java.util.Objects;

/**
 * A learning-rate schedule and its parameters; the ones its type does not use are ignored (MATH.md).
 *
 * @param everyEpochs {@code step}: epochs between reductions
 * @param factor {@code step}, {@code exponential}, {@code reduceOnPlateau}: the multiplier, in (0, 1]
 * @param minLearningRate {@code cosine}: α at the last epoch; {@code reduceOnPlateau}: the floor
 * @param warmupEpochs {@code cosine}: epochs of linear warm-up
 * @param monitor {@code reduceOnPlateau}: what must improve (as early stopping defines improvement)
 * @param maximize {@code reduceOnPlateau}: whether higher values of the monitor are better
 * @param patienceEpochs {@code reduceOnPlateau}: epochs without improvement before a reduction
 * @param minDelta {@code reduceOnPlateau}: least change that counts as an improvement
 */
public record ScheduleSpec(ScheduleType type, int everyEpochs, double factor, double minLearningRate,
                           int warmupEpochs, Monitor monitor, boolean maximize, int patienceEpochs, double minDelta) {

    public static final ScheduleSpec CONSTANT = new ScheduleSpec(ScheduleType.CONSTANT, 1, 1, 0, 0,
            Monitor.TRAIN_LOSS, false, 0, 0);

    public ScheduleSpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(monitor, "monitor");
        if (everyEpochs < 1 || warmupEpochs < 0 || patienceEpochs < 0) {
            throw new IllegalArgumentException("everyEpochs must be ≥ 1, warmupEpochs and patience ≥ 0");
        }
        if (!(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException("a schedule's factor lies in (0, 1]");
        }
        if (!(minLearningRate >= 0) || Double.isInfinite(minLearningRate) || !(minDelta >= 0)
                || Double.isInfinite(minDelta)) {
            throw new IllegalArgumentException("minLearningRate and minDelta must be finite and ≥ 0");
        }
    }

    public static ScheduleSpec step(int everyEpochs, double factor) {
        return new ScheduleSpec(ScheduleType.STEP, everyEpochs, factor, 0, 0, Monitor.TRAIN_LOSS, false, 0, 0);
    }

    public static ScheduleSpec exponential(double factor) {
        return new ScheduleSpec(ScheduleType.EXPONENTIAL, 1, factor, 0, 0, Monitor.TRAIN_LOSS, false, 0, 0);
    }

    public static ScheduleSpec cosine(double minLearningRate, int warmupEpochs) {
        return new ScheduleSpec(ScheduleType.COSINE, 1, 1, minLearningRate, warmupEpochs, Monitor.TRAIN_LOSS, false,
                0, 0);
    }

    public static ScheduleSpec reduceOnPlateau(Monitor monitor, double factor, int patienceEpochs, double minDelta,
                                               double minLearningRate) {
        return new ScheduleSpec(ScheduleType.REDUCE_ON_PLATEAU, 1, factor, minLearningRate, 0, monitor,
                monitor.higherIsBetter(), patienceEpochs, minDelta);
    }

    /** Whether the schedule reads a monitored value after each epoch. */
    public boolean monitors() {
        return type == ScheduleType.REDUCE_ON_PLATEAU;
    }
}
