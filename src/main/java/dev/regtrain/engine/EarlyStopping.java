package dev.regtrain.engine;

/** Judges each epoch's monitored value by the rules of {@link EarlyStoppingSpec}. */
final class EarlyStopping {

    /** The verdict on one epoch; {@code reason} is set when training must stop. */
    record Verdict(boolean improved, boolean stop, String reason) {
    }

    private final EarlyStoppingSpec spec;
    private EarlyStoppingState state;

    EarlyStopping(EarlyStoppingSpec spec, EarlyStoppingState state) {
        this.spec = spec;
        this.state = state;
    }

    EarlyStoppingState state() {
        return state;
    }

    /** Starts counting epochs without improvement afresh, keeping the best (a plateau schedule after a reduction). */
    void resetPatience() {
        state = new EarlyStoppingState(state.best(), state.bestEpoch(), 0, state.monitoredEpochs());
    }

    Verdict observe(int epoch, double value) {
        if (epoch < spec.startFromEpoch()) {
            return new Verdict(false, false, null);
        }
        int monitored = state.monitoredEpochs() + 1;
        boolean improved = state.best() == null || improves(value, state.best());
        state = improved
                ? new EarlyStoppingState(value, epoch, 0, monitored)
                : new EarlyStoppingState(state.best(), state.bestEpoch(), state.epochsWithoutImprovement() + 1,
                        monitored);
        if (!spec.stopsTraining()) {
            return new Verdict(improved, false, null);
        }
        if (!improved && state.epochsWithoutImprovement() >= spec.patienceEpochs()) {
            return new Verdict(false, true, spec.monitor().label() + " did not improve" + deltaPhrase() + " for "
                    + epochs(state.epochsWithoutImprovement()) + bestPhrase());
        }
        if (spec.baseline() != null && monitored >= spec.patienceEpochs() && !improves(state.best(), spec.baseline())) {
            return new Verdict(improved, true, spec.monitor().label() + " did not beat the baseline "
                    + Numbers.format(spec.baseline()) + " within " + epochs(monitored) + bestPhrase());
        }
        return new Verdict(improved, false, null);
    }

    /**
     * Whether the state already says stop, without a new value: a run resumed from the state of the epoch at which it
     * stopped (its final checkpoint, when the process died before recording the end) must end there, not train on.
     * The same conditions as {@link #observe}, on the state it left.
     */
    Verdict alreadyStopped() {
        if (!spec.stopsTraining() || state.best() == null) {
            return new Verdict(false, false, null);
        }
        int without = state.epochsWithoutImprovement();
        if (without > 0 && without >= spec.patienceEpochs()) {
            return new Verdict(false, true, spec.monitor().label() + " did not improve" + deltaPhrase() + " for "
                    + epochs(without) + bestPhrase());
        }
        if (spec.baseline() != null && state.monitoredEpochs() >= spec.patienceEpochs()
                && !improves(state.best(), spec.baseline())) {
            return new Verdict(false, true, spec.monitor().label() + " did not beat the baseline "
                    + Numbers.format(spec.baseline()) + " within " + epochs(state.monitoredEpochs()) + bestPhrase());
        }
        return new Verdict(false, false, null);
    }

    /** v improves on ref when v &lt; ref − δ (min) or v &gt; ref + δ (max). */
    boolean improves(double value, double reference) {
        double delta = spec.relativeDelta() ? spec.minDelta() * Math.abs(reference) : spec.minDelta();
        return spec.maximize() ? value > reference + delta : value < reference - delta;
    }

    private String deltaPhrase() {
        if (spec.minDelta() == 0) {
            return "";
        }
        return spec.relativeDelta()
                ? " by more than " + Numbers.format(spec.minDelta()) + "·|best|"
                : " by more than " + Numbers.format(spec.minDelta());
    }

    private String bestPhrase() {
        return "; best " + Numbers.format(state.best()) + " at epoch " + state.bestEpoch();
    }

    private static String epochs(int count) {
        return count == 1 ? "1 epoch" : count + " epochs";
    }
}
