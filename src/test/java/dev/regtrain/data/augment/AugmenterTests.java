package dev.regtrain.data.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.regtrain.data.ImageShape;
import dev.regtrain.data.Standardization;
import dev.regtrain.engine.Rng;
import org.junit.jupiter.api.Test;

class AugmenterTests {

    private static final ImageShape SHAPE = new ImageShape(8, 8, 1);
    private static final int ROWS = 400;

    /** A batch of identical flat grey images (value 5 on a range of 10), column-major as the engine lays it out. */
    private static double[] batch() {
        return new double[ROWS * 64];
    }

    private static Augmenter augmenter(AugmentationSettings settings) {
        double[] mean = new double[64];
        double[] std = new double[64];
        java.util.Arrays.fill(mean, 5);
        java.util.Arrays.fill(std, 1);
        return new Augmenter(settings, SHAPE, new Standardization(mean, std), 10, 1);
    }

    private static AugmentationSettings only(double brightness, double contrast, double noise) {
        return new AugmentationSettings(0, false, false, 0, 0, brightness, contrast, noise, 0);
    }

    @Test
    void allZeroSettingsLeaveTheBatchUntouched() {
        double[] x = batch();
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(i);
        }
        double[] before = x.clone();
        augmenter(AugmentationSettings.NONE).augment(x, new double[ROWS], ROWS, new Rng(1));

        assertThat(x).containsExactly(before);
    }

    @Test
    void brightnessShiftsEachImageUniformlyWithinPlusMinusBTimesTheRange() {
        double[] x = batch();
        augmenter(only(0.3, 0, 0)).augment(x, new double[ROWS], ROWS, new Rng(2));

        double sum = 0;
        double sumOfSquares = 0;
        for (int i = 0; i < ROWS; i++) {
            double shift = x[i]; // standardised with std 1: the raw shift itself
            for (int j = 1; j < 64; j++) {
                assertThat(x[i + j * ROWS]).as("the same shift for every pixel").isEqualTo(shift);
            }
            assertThat(Math.abs(shift)).isLessThanOrEqualTo(3.0);
            sum += shift;
            sumOfSquares += shift * shift;
        }
        double mean = sum / ROWS;
        double variance = sumOfSquares / ROWS - mean * mean;
        assertThat(mean).isCloseTo(0, within(0.25));
        assertThat(variance).isCloseTo(9.0 / 3, within(0.5)); // U(−3, 3) has variance 3
    }

    @Test
    void contrastScalesDeviationsFromTheImageMeanByAFactorIn1PlusMinusC() {
        double[] x = batch();
        for (int i = 0; i < ROWS; i++) {
            for (int j = 0; j < 64; j++) {
                x[i + j * ROWS] = j % 2 == 0 ? 1 : -1; // raw 6 and 4 around a mean of 5
            }
        }
        augmenter(only(0, 0.4, 0)).augment(x, new double[ROWS], ROWS, new Rng(3));

        for (int i = 0; i < ROWS; i++) {
            double factor = x[i];
            assertThat(factor).isBetween(0.6, 1.4);
            assertThat(x[i + ROWS]).isCloseTo(-factor, within(1e-12));
        }
    }

    @Test
    void imageNoiseHasStandardDeviationSigmaTimesTheRange() {
        double[] x = batch();
        augmenter(only(0, 0, 0.05)).augment(x, new double[ROWS], ROWS, new Rng(4));

        double sum = 0;
        double sumOfSquares = 0;
        for (double v : x) {
            sum += v;
            sumOfSquares += v * v;
        }
        double mean = sum / x.length;
        assertThat(mean).isCloseTo(0, within(0.01));
        assertThat(Math.sqrt(sumOfSquares / x.length - mean * mean)).isCloseTo(0.5, within(0.01));
    }

    @Test
    void theSameStreamGivesTheSameAugmentationAndAnotherADifferentOne() {
        AugmentationSettings all = new AugmentationSettings(2, true, true, 20, 0.2, 0.1, 0.2, 0.02, 0.4);
        double[] a = ramp();
        double[] b = ramp();
        double[] c = ramp();
        double[] ya = new double[ROWS];
        double[] yb = new double[ROWS];
        double[] yc = new double[ROWS];
        augmenter(all).augment(a, ya, ROWS, new Rng(5));
        augmenter(all).augment(b, yb, ROWS, new Rng(5));
        augmenter(all).augment(c, yc, ROWS, new Rng(6));

        assertThat(b).containsExactly(a);
        assertThat(yb).containsExactly(ya);
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void mixupMixesInputsAndTargetsWithTheSameWeights() {
        double[] x = new double[ROWS * 64];
        double[] y = new double[ROWS * 2];
        for (int i = 0; i < ROWS; i++) {
            int label = i % 2;
            y[i + label * ROWS] = 1;
            for (int j = 0; j < 64; j++) {
                x[i + j * ROWS] = label; // input = the label: a mixed input equals its mixed target
            }
        }
        double[] mean = new double[64];
        double[] std = new double[64];
        java.util.Arrays.fill(std, 1);
        new Augmenter(new AugmentationSettings(0, false, false, 0, 0, 0, 0, 0, 0.4), null,
                new Standardization(mean, std), 1, 2).augment(x, y, ROWS, new Rng(7));

        int mixed = 0;
        for (int i = 0; i < ROWS; i++) {
            assertThat(y[i] + y[i + ROWS]).isCloseTo(1, within(1e-12));
            assertThat(x[i]).isCloseTo(y[i + ROWS], within(1e-12));
            mixed += y[i] > 1e-9 && y[i] < 1 - 1e-9 ? 1 : 0;
        }
        assertThat(mixed).isGreaterThan(ROWS / 4);
    }

    @Test
    void imageTransformsNeedAnImageShape() {
        assertThatThrownBy(() -> new Augmenter(new AugmentationSettings(1, false, false, 0, 0, 0, 0, 0, 0), null,
                Standardization.identity(4), 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static double[] ramp() {
        double[] x = batch();
        for (int i = 0; i < x.length; i++) {
            x[i] = (i % 97) / 50.0;
        }
        return x;
    }
}
