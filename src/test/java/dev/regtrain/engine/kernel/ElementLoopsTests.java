package dev.regtrain.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.regtrain.engine.Rng;
import java.math.BigDecimal;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The loops run vectorised here (the tests' JVM has the Vector API module), with scalar tails. */
class ElementLoopsTests {

    /**
     * Dropout's decisions, made in blocks in any order (with the Vector API in this JVM, as the tests run, eight at a
     * time plus a scalar tail), are those of the plain sequence of nextDouble() against the rate, in both precisions.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.1, 0.5, 0.9, 0x1.0p-53, 0.5 + 0x1.0p-53, 0.99999})
    void dropoutBlocksInAnyOrderDecideAsTheNextDrawsDo(double rate) {
        int n = 1_037;
        long state = 0x5DEECE66DL * 31 + Double.hashCode(rate);
        double[] source = new double[n];
        float[] floatSource = new float[n];
        for (int i = 0; i < n; i++) {
            source[i] = i % 7 == 0 ? -(i + 1) : i + 0.25;
            floatSource[i] = (float) source[i];
        }
        double[] target = new double[n];
        double[] scales = new double[n];
        float[] floatTarget = new float[n];
        float[] floatScales = new float[n];
        int[][] blocks = {{500, n}, {0, 3}, {3, 260}, {260, 500}};
        for (int[] block : blocks) {
            ElementLoops.drop(source, target, scales, rate, state, block[0], block[1]);
            ElementLoops.drop(floatSource, floatTarget, floatScales, rate, state, block[0], block[1]);
        }

        Rng sequence = new Rng(state);
        int dropped = 0;
        for (int i = 0; i < n; i++) {
            boolean drop = sequence.nextDouble() < rate;
            dropped += drop ? 1 : 0;
            double scale = drop ? 0.0 : 1.0 / (1.0 - rate);
            float floatScale = drop ? 0.0f : (float) (1.0 / (1.0 - rate));
            assertThat(scales[i]).as("scale %d", i).isEqualTo(scale);
            assertThat(target[i]).as("output %d", i).isEqualTo(source[i] * scale);
            assertThat(floatScales[i]).as("float scale %d", i).isEqualTo(floatScale);
            assertThat(floatTarget[i]).as("float output %d", i).isEqualTo(floatSource[i] * floatScale);
        }
        assertThat(dropped).isBetween((int) Math.floor(n * rate - 4 * Math.sqrt(n * rate + 1)),
                (int) Math.ceil(n * rate + 4 * Math.sqrt(n * rate + 1)));
        assertThat(Arrays.stream(scales).filter(s -> s == 0).count()).isEqualTo(dropped);
    }

    /** The test is "below the rate": a draw equal to it is kept, in the vectorised part of a block and its tail. */
    @ParameterizedTest
    @ValueSource(ints = {3, 17, 300, 397})
    void aDrawEqualToTheRateIsKeptAndDroppedJustAboveIt(int index) {
        long state = 42;
        double exactly = (SplitMix64.mix64(state + (index + 1L) * SplitMix64.GAMMA) >>> 11) * 0x1.0p-53;
        double[] scales = new double[400];
        float[] floatScales = new float[400];
        ElementLoops.drop(new double[400], new double[400], scales, exactly, state, 0, 400);
        ElementLoops.drop(new float[400], new float[400], floatScales, exactly, state, 0, 400);
        assertThat(scales[index]).isEqualTo(1.0 / (1.0 - exactly));
        assertThat(floatScales[index]).isEqualTo((float) (1.0 / (1.0 - exactly)));
        ElementLoops.drop(new double[400], new double[400], scales, Math.nextUp(exactly), state, 0, 400);
        ElementLoops.drop(new float[400], new float[400], floatScales, Math.nextUp(exactly), state, 0, 400);
        assertThat(scales[index]).isZero();
        assertThat(floatScales[index]).isZero();
    }

    /**
     * Sums of squares: the documented order (32 running sums, element from + i in sum i mod 32, folded as {@link
     * ElementLoops#fold} says), recomputed here one element at a time, gives the same bits; and the value is within
     * rounding of the exact sum.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 31, 32, 33, 128, 784, 1_000})
    void sumsOfSquaresAddInTheDocumentedOrder(int length) {
        int from = 5;
        double[] values = new double[from + length + 3];
        Rng rng = new Rng(length);
        for (int i = 0; i < values.length; i++) {
            values[i] = (rng.nextDouble() - 0.5) * Math.pow(10, (i % 9) - 4);
        }
        double[] sums = new double[32];
        BigDecimal exact = BigDecimal.ZERO;
        for (int i = from; i < from + length; i++) {
            sums[(i - from) % 32] += values[i] * values[i];
            exact = exact.add(new BigDecimal(values[i]).pow(2));
        }
        double folded = 0;
        for (int l = 0; l < 8; l++) {
            folded += (sums[l] + sums[8 + l]) + (sums[16 + l] + sums[24 + l]);
        }

        assertThat(ElementLoops.squaredL2(values, from, from + length)).isEqualTo(folded);
        assertThat(ElementLoops.squaredL2(values, from, from + length))
                .isCloseTo(exact.doubleValue(), offset(1e-14 * exact.doubleValue()));
    }

    /** Floats: each widened to double, then summed as doubles are, so the same bits as the widened array's sum. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 31, 32, 33, 47, 128, 784, 1_000})
    void sumsOfSquaresOfFloatsAreThoseOfTheWidenedValues(int length) {
        int from = 3;
        float[] floats = new float[from + length + 5];
        double[] widened = new double[floats.length];
        Rng rng = new Rng(100 + length);
        for (int i = 0; i < floats.length; i++) {
            floats[i] = (float) ((rng.nextDouble() - 0.5) * Math.pow(10, (i % 7) - 3));
            widened[i] = floats[i];
        }
        double naive = 0;
        for (int i = from; i < from + length; i++) {
            naive += (double) floats[i] * floats[i];
        }

        double sum = ElementLoops.squaredL2(floats, from, from + length);
        assertThat(sum).isEqualTo(ElementLoops.squaredL2(widened, from, from + length));
        assertThat(sum).isCloseTo(naive, offset(1e-13 * Math.max(naive, Double.MIN_NORMAL)));
    }

    /** Plain sums of floats: the running sums and fold of the squares, recomputed here one element at a time. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 31, 32, 33, 47, 128, 784})
    void sumsOfFloatsAddInTheOrderOfTheSquares(int length) {
        int from = 2;
        float[] floats = new float[from + length + 4];
        Rng rng = new Rng(200 + length);
        for (int i = 0; i < floats.length; i++) {
            floats[i] = (float) ((rng.nextDouble() - 0.5) * Math.pow(10, (i % 5) - 2));
        }
        double[] sums = new double[32];
        for (int i = from; i < from + length; i++) {
            sums[(i - from) % 32] += floats[i];
        }

        assertThat(ElementLoops.sum(floats, from, from + length)).isEqualTo(ElementLoops.fold(sums));
    }
}
