package dev.regtrain.engine;

import java.util.Objects;

/**
 * Early stopping, MATH.md. Epoch e (1-based) is monitored when e ≥ {@code startFromEpoch}; it improves when
 * v &lt; best − δ (min) or v &gt; best + δ (max), δ = minDelta or minDelta·|best| with {@code relativeDelta}.
 * With {@code stopsTraining} false the monitor only chooses the best checkpoint and training never stops early.
 */
public record EarlyStoppingSpec(Monitor monitor, boolean maximize, int patienceEpochs, double minDelta,
                                boolean relativeDelta, int startFromEpoch, Double baseline,
                                boolean restoreBestWeights, boolean stopsTraining) {

    public EarlyStoppingSpec {
        Objects.requireNonNull(monitor, "monitor");
        if (patienceEpochs < 0 || startFromEpoch < 0) {
            throw new IllegalArgumentException("patience and startFromEpoch must be ≥ 0");
        }
        if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
            throw new IllegalArgumentException("minDelta must be finite and ≥ 0");
        }
        if (baseline != null && !Double.isFinite(baseline)) {
            throw new IllegalArgumentException("baseline must be finite");
        }
    }

    /** Early stopping as configured by a user. */
    public static EarlyStoppingSpec stopping(Monitor monitor, int patienceEpochs, double minDelta) {
        return new EarlyStoppingSpec(monitor, monitor.higherIsBetter(), patienceEpochs, minDelta, false, 0, null,
                true, true);
    }

    /** No early stopping: the monitor only picks the best checkpoint; the model is the last weights. */
    public static EarlyStoppingSpec trackingOnly(Monitor monitor) {
        return new EarlyStoppingSpec(monitor, monitor.higherIsBetter(), Integer.MAX_VALUE, 0, false, 0, null, false,
                false);
    }
}
