package dev.regtrain.data.augment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regtrain.engine.state.StateCodec;
import dev.regtrain.engine.state.StateLimits;
import dev.regtrain.engine.TrainingState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Augmentation in training: it regularises, it is reproducible, and a resumed run continues it exactly. */
class AugmentationTrainingTests {

    /**
     * With 80 training images, shifting, rotating and zooming them lowers the best validation loss, on average over
     * four seeds by a clear margin (measured: 0.310 → 0.209; seed by seed the gain ranges from none to 0.21).
     */
    @Test
    void augmentationImprovesValidationLossWhenDataIsScarce() {
        double without = 0;
        double with = 0;
        for (long seed = 1; seed <= 4; seed++) {
            without += AugmentationExperiment.run(seed, AugmentationSettings.NONE, 60, -1).bestValidationLoss() / 4;
            with += AugmentationExperiment.run(seed, AugmentationExperiment.SETTINGS, 60, -1).bestValidationLoss() / 4;
        }

        assertThat(with).isLessThan(without - 0.05);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void aResumedRunWithAugmentationEndsBitIdentical(int k) {
        AugmentationSettings everything = new AugmentationSettings(2, true, true, 15, 0.1, 0.1, 0.2, 0.02, 0.3);
        AugmentationExperiment.Result whole = AugmentationExperiment.run(3, everything, 8, k);

        TrainingState state = StateCodec.decode(StateCodec.encode(whole.stateAtEpoch()), StateLimits.DEFAULT);
        AugmentationExperiment.Result continued = AugmentationExperiment.run(3, everything, 8, -1, state);

        assertThat(continued.weights()).isDeepEqualTo(whole.weights());
        assertThat(continued.rows()).isEqualTo(whole.rows().subList(k, 8));
    }

    @ParameterizedTest
    @ValueSource(longs = {5})
    void theSameSeedAugmentsIdentically(long seed) {
        AugmentationExperiment.Result a = AugmentationExperiment.run(seed, AugmentationExperiment.SETTINGS, 3, -1);
        AugmentationExperiment.Result b = AugmentationExperiment.run(seed, AugmentationExperiment.SETTINGS, 3, -1);

        assertThat(b.weights()).isDeepEqualTo(a.weights());
        assertThat(b.rows()).isEqualTo(a.rows()); // EngineContext.DEFAULT's ticker reads 0: every row has 0 seconds
    }
}
