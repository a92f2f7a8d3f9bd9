package dev.regtrain.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LayerLoopsTests {

    /** Four columns at a time or one: each column's sum is the chain of additions in row order, bit for bit. */
    @Test
    void columnSumsAddEachColumnInRowOrderWhateverTheRange() {
        int rows = 13;
        int columns = 11;
        SplittableRandom random = new SplittableRandom(5);
        double[] values = new double[rows * columns];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble(-1, 1) * Math.exp(random.nextDouble(-20, 20)); // sums that round
        }
        for (int from = 0; from <= columns; from++) {
            for (int to = from; to <= columns; to++) {
                double[] sums = new double[columns];
                Arrays.fill(sums, Double.NaN);

                LayerLoops.columnSums(values, sums, rows, from, to);

                for (int j = 0; j < columns; j++) {
                    double expected = Double.NaN;
                    if (j >= from && j < to) {
                        expected = 0;
                        for (int i = 0; i < rows; i++) {
                            expected += values[i + j * rows];
                        }
                    }
                    assertThat(Double.valueOf(sums[j])).as("column " + j + " of " + from + ".." + to)
                            .isEqualTo(Double.valueOf(expected)); // equals: bit for bit, NaN too
                }
            }
        }
    }
}
