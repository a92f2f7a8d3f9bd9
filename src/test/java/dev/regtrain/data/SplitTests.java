package dev.regtrain.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regtrain.engine.RandomPurpose;
import dev.regtrain.engine.Rng;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitTests {

    /** 10 rows of class 0, 20 of class 1, 5 of class 2, interleaved. */
    private static Dataset threeClasses() {
        int[] labels = new int[35];
        for (int i = 0; i < 35; i++) {
            labels[i] = i < 15 ? i % 3 : (i < 25 ? 1 - (i % 2) : 1);
        }
        return TestData.classification(1, 3, labels);
    }

    private static int[] countByClass(Dataset d, int[] rows) {
        int[] counts = new int[d.classCount()];
        for (int row : rows) {
            counts[d.labels()[row]]++;
        }
        return counts;
    }

    private static void refused(Dataset d, double fraction, String message) {
        assertThatThrownBy(() -> Split.of(d, fraction, 1))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("validationSplit"))
                .hasMessage(message);
    }

    @Test
    void theHandMadeDatasetHasTheIntendedClassCounts() {
        Dataset d = threeClasses();

        assertThat(countByClass(d, IntStream.range(0, 35).toArray())).containsExactly(10, 20, 5);
    }

    @Test
    void aClassificationIsStratifiedExactly() {
        Dataset d = threeClasses();

        Split split = Split.of(d, 0.2, 42);

        assertThat(countByClass(d, split.validation())).containsExactly(2, 4, 1);
        assertThat(countByClass(d, split.train())).containsExactly(8, 16, 4);
    }

    @Test
    void halvesRoundUpButEveryClassKeepsATrainingRow() {
        Dataset d = TestData.classification(1, 3, 0, 0, 0, 1, 1, 2, 2, 2, 2);

        Split split = Split.of(d, 0.5, 3);

        // class 0: round(1.5) = 2 of 3; class 1: round(1.0) = 1 of 2; class 2: round(2.0) = 2 of 4
        assertThat(countByClass(d, split.validation())).containsExactly(2, 1, 2);
        assertThat(countByClass(d, Split.of(d, 0.9, 3).train())).containsExactly(1, 1, 1);
    }

    @Test
    void theTwoListsAreAscendingDisjointAndCoverEveryRow() {
        Dataset d = threeClasses();

        Split split = Split.of(d, 0.3, 9);
        int[] both = IntStream.concat(Arrays.stream(split.train()), Arrays.stream(split.validation())).sorted()
                .toArray();

        assertThat(split.train()).isSorted();
        assertThat(split.validation()).isSorted();
        assertThat(both).isEqualTo(IntStream.range(0, 35).toArray());
    }

    @Test
    void aRegressionHoldsOutTheRoundedFractionOfAShuffle() {
        Dataset d = TestData.regression(1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        int[] order = IntStream.range(0, 10).toArray();
        Rng.of(5, RandomPurpose.SPLIT).shuffle(order, 10);
        int[] expected = Arrays.copyOf(order, 3); // round(0.25 × 10) = round(2.5) = 3
        Arrays.sort(expected);

        Split split = Split.of(d, 0.25, 5);

        assertThat(split.validation()).isEqualTo(expected);
        assertThat(split.train()).hasSize(7);
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        Dataset d = BuiltinDatasets.generate("blobs", Map.of("samples", 200.0), 1);

        assertThat(Split.of(d, 0.2, 7)).isEqualTo(Split.of(d, 0.2, 7));
        assertThat(Split.of(d, 0.2, 8)).isNotEqualTo(Split.of(d, 0.2, 7));
    }

    @Test
    void aFractionOfZeroTrainsOnEveryRow() {
        Split split = Split.of(threeClasses(), 0.0, 1);

        assertThat(split.train()).isEqualTo(IntStream.range(0, 35).toArray());
        assertThat(split.validation()).isEmpty();
    }

    @Test
    void fractionsOutsideZeroToOneAreRefused() {
        refused(threeClasses(), 1.0, "validationSplit must be at least 0 and below 1; got 1");
        refused(threeClasses(), -0.1, "validationSplit must be at least 0 and below 1; got -0.1");
        refused(threeClasses(), Double.NaN, "validationSplit must be at least 0 and below 1; got NaN");
    }

    @Test
    void aFractionTooSmallToHoldOutARowIsRefused() {
        refused(threeClasses(), 0.01,
                "validationSplit 0.01 of 35 rows leaves no row for validation; raise it, or use 0 for no validation");
        refused(TestData.classification(1, 2, 0, 1), 0.5,
                "validationSplit 0.5 of 2 rows leaves no row for validation; raise it, or use 0 for no validation");
    }

    @Test
    void aFractionThatLeavesNothingToTrainOnIsRefused() {
        refused(TestData.regression(1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9), 0.96,
                "validationSplit 0.96 of 10 rows leaves no row for training; lower it");
    }

    @Test
    void aSplitNeedsATrainingRowAndNoNegativeIndex() {
        assertThatThrownBy(() -> new Split(new int[0], new int[] {0})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Split(new int[] {-1}, new int[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
