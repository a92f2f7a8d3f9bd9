package dev.regtrain.engine;

/**
 * The α of each epoch e = 1..E (MATH.md). {@code step}, {@code exponential} and {@code cosine} are functions of e;
 * {@code reduceOnPlateau} multiplies α by its factor after {@code patience} epochs in a row without improvement of
 * its monitor (improvement as early stopping defines it), not below α_min, and counts patience afresh after each
 * reduction. Powers and cosines are computed with {@link StrictMath}, so every JVM gives the same bits.
 */
final class LearningRateSchedule {

    private final ScheduleSpec spec;
    private final double initialRate;
    private final int epochs;
    private final EarlyStopping plateau;
    private double current;

    LearningRateSchedule(ScheduleSpec spec, double initialRate, int epochs, ScheduleState state) {
        this.spec = spec;
        this.initialRate = initialRate;
        this.epochs = epochs;
        this.plateau = new EarlyStopping(new EarlyStoppingSpec(spec.monitor(), spec.maximize(), spec.patienceEpochs(),
                spec.minDelta(), false, 0, null, false, false), state.plateau());
        this.current = state.learningRate() == null ? initialRate : state.learningRate();
    }

    /** α of epoch e (1-based). */
    double rate(int epoch) {
        double alpha = initialRate;
        return switch (spec.type()) {
            case CONSTANT -> alpha;
            case STEP -> alpha * StrictMath.pow(spec.factor(), (epoch - 1) / spec.everyEpochs());
            case EXPONENTIAL -> alpha * StrictMath.pow(spec.factor(), epoch - 1);
            case COSINE -> cosine(epoch);
            case REDUCE_ON_PLATEAU -> current;
        };
    }

    /** α₀·e/W during the warm-up, then α_min + ½(α₀ − α_min)(1 + cos(π·t/T)), t = e − W − 1, T = E − W − 1. */
    private double cosine(int epoch) {
        int warmup = spec.warmupEpochs();
        if (epoch <= warmup) {
            return initialRate * ((double) epoch / warmup); // exactly α₀ at e = W
        }
        int t = epoch - warmup - 1;
        int total = epochs - warmup - 1;
        if (total <= 0 || t == 0) {
            return initialRate; // exactly α₀ (the formula's rounding could miss it by an ulp)
        }
        double min = spec.minLearningRate();
        return min + 0.5 * (initialRate - min) * (1 + StrictMath.cos(Math.PI * t / total));
    }

    /** After epoch e's row: a plateau schedule judges its monitor and lowers α for the next epoch when due. */
    void observe(int epoch, EpochMetrics row) {
        if (!spec.monitors()) {
            return;
        }
        Double value = spec.monitor().valueOf(row);
        if (value == null || !Double.isFinite(value)) {
            return;
        }
        plateau.observe(epoch, value);
        if (plateau.state().epochsWithoutImprovement() >= spec.patienceEpochs()) {
            if (current > spec.minLearningRate()) {
                current = Math.max(current * spec.factor(), spec.minLearningRate());
            }
            plateau.resetPatience();
        }
    }

    ScheduleState state() {
        return spec.monitors() ? new ScheduleState(current, plateau.state()) : ScheduleState.INITIAL;
    }
}
