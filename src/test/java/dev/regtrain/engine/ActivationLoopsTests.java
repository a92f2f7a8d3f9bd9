package dev.regtrain.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The loops over a layer (which an activation may write without branches) give what the per-element rules give. */
class ActivationLoopsTests {

    private static double[] values() {
        SplittableRandom random = new SplittableRandom(3);
        double[] values = new double[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian() * Math.pow(10, random.nextInt(-300, 300) / 20.0);
        }
        double[] edges = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1e-300,
                -1e-300, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        System.arraycopy(edges, 0, values, 0, edges.length);
        return values;
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void applyingInPlaceIsTheRuleOnEveryElementBitForBit(Activation activation) {
        double[] z = values();
        double[] loop = z.clone();
        activation.applyInPlace(loop, 2, z.length - 3);

        for (int i = 0; i < z.length; i++) {
            double expected = i >= 2 && i < z.length - 3 ? activation.apply(z[i]) : z[i];
            assertThat(Double.doubleToRawLongBits(loop[i])).as("element %d, z = %s", i, z[i])
                    .isEqualTo(Double.doubleToRawLongBits(expected));
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void multiplyingByTheDerivativeIsTheRuleOnEveryElementBitForBit(Activation activation) {
        double[] z = values();
        double[] a = z.clone();
        for (int i = 0; i < a.length; i++) {
            a[i] = activation.apply(z[i]);
        }
        double[] delta = values();
        double[] loop = delta.clone();
        activation.multiplyByDerivative(loop, a, 0, a.length);

        for (int i = 0; i < a.length; i++) {
            double expected = delta[i] * activation.derivativeFromOutput(a[i]);
            assertThat(Double.doubleToRawLongBits(loop[i])).as("element %d, a = %s", i, a[i])
                    .isEqualTo(Double.doubleToRawLongBits(expected));
        }
    }
}
