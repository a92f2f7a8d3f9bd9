package dev.regtrain.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StandardizationTests {

    /** Column a is 1..8 (mean 4.5, variance 5.25); column b is 2, 4, 4, 4, 5, 5, 7, 9 (mean 5, std 2). */
    private static Dataset handExample() {
        double[] features = TestData.rows(new double[] {1, 2}, new double[] {2, 4}, new double[] {3, 4},
                new double[] {4, 4}, new double[] {5, 5}, new double[] {6, 5}, new double[] {7, 7},
                new double[] {8, 9});
        return new Dataset("hand", features, 8, 2, List.of("a", "b"), Task.REGRESSION, null, null, new double[8],
                null);
    }

    @Test
    void meanAndPopulationStdMatchTheHandComputation() {
        Standardization s = Standardization.fit(handExample(), new int[] {0, 1, 2, 3, 4, 5, 6, 7});

        assertThat(s.mean()).containsExactly(4.5, 5.0);
        assertThat(s.std()).containsExactly(Math.sqrt(5.25), 2.0);
    }

    /**
     * Two 1×2 images with 2 channels: channel 0 holds 0, 2, 4, 6 (mean 3, std √5), channel 1 holds
     * 10, 10, 10, 14 (mean 11, std √3): one mean and std per channel, shared by its pixels.
     */
    @Test
    void imagesAreStandardisedPerChannelNotPerPixel() {
        double[] features = TestData.rows(new double[] {0, 10, 2, 10}, new double[] {4, 10, 6, 14});
        Dataset images = new Dataset("images", features, 2, 4, List.of("p1c1", "p1c2", "p2c1", "p2c2"),
                Task.CLASSIFICATION, List.of("a", "b"), new int[] {0, 1}, null, new ImageShape(1, 2, 2));

        Standardization s = Standardization.fit(images, new int[] {0, 1});

        assertThat(s.mean()).containsExactly(3, 11, 3, 11);
        assertThat(s.std()).containsExactly(Math.sqrt(5), Math.sqrt(3), Math.sqrt(5), Math.sqrt(3));
    }

    @Test
    void applyingGivesTheZScores() {
        Standardization s = Standardization.fit(handExample(), new int[] {0, 1, 2, 3, 4, 5, 6, 7});
        double[] b = {2, 4, 4, 4, 5, 5, 7, 9};

        new Standardization(new double[] {5}, new double[] {2}).applyInPlace(b, 8);
        double[] rows = {4.5, 9, 8, 1};
        s.applyInPlace(rows, 2);

        assertThat(b).containsExactly(-1.5, -0.5, -0.5, -0.5, 0, 0, 1, 2);
        assertThat(rows).containsExactly(0, 2, 3.5 / Math.sqrt(5.25), -2);
    }

    @Test
    void itIsFittedOnTheGivenRowsOnly() {
        Standardization s = Standardization.fit(handExample(), new int[] {0, 2, 4, 6});

        // a: 1, 3, 5, 7 → mean 4, variance (9 + 1 + 1 + 9)/4 = 5; b: 2, 4, 5, 7 → mean 4.5, variance 3.25
        assertThat(s.mean()).containsExactly(4.0, 4.5);
        assertThat(s.std()).containsExactly(Math.sqrt(5.0), Math.sqrt(3.25));
    }

    @Test
    void aConstantColumnPassesThroughCentred() {
        Dataset d = new Dataset("c", new double[] {3, 1, 3, 2, 3, 3}, 3, 2, List.of("c", "v"), Task.REGRESSION, null,
                null, new double[3], null);
        Standardization s = Standardization.fit(d, new int[] {0, 1, 2});
        double[] rows = d.features().clone();

        s.applyInPlace(rows, 3);

        assertThat(s.mean()[0]).isEqualTo(3.0);
        assertThat(s.std()[0]).isEqualTo(1.0);
        assertThat(new double[] {rows[0], rows[2], rows[4]}).containsExactly(0, 0, 0);
    }

    @Test
    void aStdBelowTheThresholdCountsAsConstant() {
        Dataset d = new Dataset("c", new double[] {1, 1 + 2e-12}, 2, 1, List.of("x"), Task.REGRESSION, null, null,
                new double[2], null);

        assertThat(Standardization.fit(d, new int[] {0, 1}).std()).containsExactly(1.0);
    }

    @Test
    void theIdentityChangesNothing() {
        double[] rows = {1.5, -2, 3};

        Standardization.identity(3).applyInPlace(rows, 1);

        assertThat(rows).containsExactly(1.5, -2, 3);
        assertThat(Standardization.identity(3)).isEqualTo(
                new Standardization(new double[] {0, 0, 0}, new double[] {1, 1, 1}));
    }

    @Test
    void invalidStatisticsAndShapesAreRefused() {
        assertThatThrownBy(() -> new Standardization(new double[] {0}, new double[] {0}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Standardization(new double[] {Double.NaN}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Standardization(new double[] {0, 0}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Standardization.identity(2).applyInPlace(new double[3], 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Standardization.fit(handExample(), new int[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Standardization.fit(handExample(), new int[] {8}))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
