package dev.regtrain.jobs.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The regularisation in a few words: the one summary the plots caption with and the dashboard shows. */
class RegularizationSummaryTests {

    private static PenaltyRequest penalty(double l1, double l2, String l1Update, double weightDecay, Double maxNorm) {
        return new PenaltyRequest(l1, l2, false, l1Update, weightDecay, maxNorm, null);
    }

    @Test
    void namesEveryRegulariserWithItsNumbers() {
        RegularizationRequest r = new RegularizationRequest(penalty(0.5, 1, "proximal", 0.01, 3.0),
                new DropoutRequest(0.1, List.of(0.5, 0.3)),
                new EarlyStoppingRequest("val_loss", "min", 10, 0.0, false, 0, null, true),
                new AugmentationRequest(1, false, false, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0), 0.1);

        assertThat(Objectives.summary(r)).isEqualTo("proximal L1 λ₁ = 0.5 · L2 λ₂ = 1 · weight decay 0.01 · max-norm 3"
                + " · dropout input 0.1, hidden 0.5/0.3 · early stopping on val_loss, patience 10 · augmentation"
                + " · label smoothing ε = 0.1");
    }

    @Test
    void aJobWithoutAnySaysSo() {
        RegularizationRequest r = new RegularizationRequest(penalty(0, 0, "subgradient", 0, null),
                new DropoutRequest(0.0, List.of(0.0)), null, null, 0.0);

        assertThat(Objectives.summary(r)).isEqualTo("no regularisation");
    }

    @Test
    void subgradientL1IsPlainL1() {
        RegularizationRequest r = new RegularizationRequest(penalty(0.25, 0, "subgradient", 0, null), null, null, null);

        assertThat(Objectives.summary(r)).isEqualTo("L1 λ₁ = 0.25");
    }
}
