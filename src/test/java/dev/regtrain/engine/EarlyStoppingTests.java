package dev.regtrain.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Scripted monitor sequences through the rules of MATH.md, epoch by epoch. */
class EarlyStoppingTests {

    /** Feeds values for epochs 1, 2, …; returns the epoch at which a stop was ordered, or 0. */
    private static int stopEpoch(EarlyStopping rule, double... values) {
        for (int e = 1; e <= values.length; e++) {
            if (rule.observe(e, values[e - 1]).stop()) {
                return e;
            }
        }
        return 0;
    }

    private static EarlyStopping rule(boolean maximize, int patience, double minDelta, boolean relative,
                                      int startFromEpoch, Double baseline) {
        return new EarlyStopping(new EarlyStoppingSpec(Monitor.VAL_LOSS, maximize, patience, minDelta, relative,
                startFromEpoch, baseline, true, true), EarlyStoppingState.INITIAL);
    }

    @Test
    void stopsAfterPatienceEpochsWithoutImprovement() {
        EarlyStopping rule = rule(false, 3, 0, false, 0, null);

        assertThat(stopEpoch(rule, 1.0, 0.9, 0.95, 0.92, 0.91, 0.5)).isEqualTo(5);
        assertThat(rule.state().best()).isEqualTo(0.9);
        assertThat(rule.state().bestEpoch()).isEqualTo(2);
    }

    @Test
    void anImprovementResetsThePatienceCount() {
        EarlyStopping rule = rule(false, 2, 0, false, 0, null);

        assertThat(stopEpoch(rule, 1.0, 1.1, 0.8, 0.9, 0.7, 0.75, 0.76)).isEqualTo(7);
        assertThat(rule.state().bestEpoch()).isEqualTo(5);
    }

    @Test
    void anAbsoluteMinDeltaDemandsStrictlyMoreThanDelta() {
        EarlyStopping rule = rule(false, 2, 0.25, false, 0, null);

        // 0.75 = 1.0 − 0.25 exactly, which is not strictly below; 0.8 is not either: two epochs without improvement.
        assertThat(stopEpoch(rule, 1.0, 0.75, 0.8, 0.10)).isEqualTo(3);
        assertThat(rule.state().best()).isEqualTo(1.0);
        EarlyStopping another = rule(false, 2, 0.25, false, 0, null);
        another.observe(1, 1.0);
        assertThat(another.observe(2, 0.7).improved()).as("0.7 < 0.75").isTrue();
    }

    @Test
    void aRelativeMinDeltaScalesWithTheBestValue() {
        EarlyStopping rule = rule(false, 1, 0.01, true, 0, null);

        assertThat(rule.observe(1, 100.0).improved()).isTrue();
        assertThat(rule.observe(2, 98.9).improved()).as("98.9 < 100 − 1").isTrue();
        assertThat(rule.observe(3, 98.0).improved()).as("98.0 is not < 98.9 − 0.989").isFalse();
        assertThat(rule.state().best()).isEqualTo(98.9);
    }

    @Test
    void epochsBeforeStartFromEpochNeitherCountNorSetTheBest() {
        EarlyStopping rule = rule(false, 2, 0, false, 3, null);

        // Epochs 1 and 2 (0.1, 0.2) are ignored although they are the lowest values.
        assertThat(stopEpoch(rule, 0.1, 0.2, 0.5, 0.4, 0.45, 0.46, 0.3)).isEqualTo(6);
        assertThat(rule.state().best()).isEqualTo(0.4);
        assertThat(rule.state().bestEpoch()).isEqualTo(4);
        assertThat(rule.state().monitoredEpochs()).isEqualTo(4);
    }

    @Test
    void aBaselineNotBeatenWithinPatienceEpochsStopsTraining() {
        EarlyStopping rule = rule(false, 3, 0, false, 0, 0.5);

        assertThat(stopEpoch(rule, 0.9, 0.8, 0.7, 0.6)).isEqualTo(3);
        assertThat(rule.observe(4, 0.6).reason()).startsWith("val_loss did not beat the baseline 0.5 within 4 epochs");
    }

    @Test
    void aBaselineBeatenInTimeLetsTrainingGoOn() {
        EarlyStopping rule = rule(false, 3, 0, false, 0, 0.5);

        assertThat(stopEpoch(rule, 0.9, 0.45, 0.44, 0.43, 0.42)).isZero();
    }

    @Test
    void maxModeImprovesUpwards() {
        EarlyStopping rule = rule(true, 2, 0, false, 0, null);

        assertThat(stopEpoch(rule, 0.5, 0.6, 0.6, 0.55, 0.9)).isEqualTo(4);
        assertThat(rule.state().best()).isEqualTo(0.6);
        assertThat(rule.state().bestEpoch()).isEqualTo(2);
    }

    @Test
    void theStopSentenceSaysWhy() {
        EarlyStopping rule = rule(false, 2, 0.0001, false, 0, null);
        rule.observe(1, 0.3);
        rule.observe(2, 0.281);
        rule.observe(3, 0.29);

        assertThat(rule.observe(4, 0.3).reason())
                .isEqualTo("val_loss did not improve by more than 0.0001 for 2 epochs; best 0.281 at epoch 2");
    }

    @Test
    void trackingOnlyNeverStops() {
        EarlyStopping rule = new EarlyStopping(EarlyStoppingSpec.trackingOnly(Monitor.TRAIN_LOSS),
                EarlyStoppingState.INITIAL);

        assertThat(stopEpoch(rule, 1, 2, 3, 4, 5, 6, 7, 8)).isZero();
        assertThat(rule.state().bestEpoch()).isEqualTo(1);
    }
}
