package dev.regtrain.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeneratorsTests {

    private static Dataset generate(String name, Map<String, Double> parameters) {
        return BuiltinDatasets.generate(name, parameters, 42);
    }

    private static int[] classCounts(Dataset d) {
        int[] counts = new int[d.classCount()];
        for (int label : d.labels()) {
            counts[label]++;
        }
        return counts;
    }

    private static double x(Dataset d, int row, int column) {
        return d.features()[row * d.inputs() + column];
    }

    @Test
    void classificationGeneratorsHaveTwoNamedFeaturesAndNumberedClasses() {
        for (String name : List.of("moons", "circles", "spirals", "xor")) {
            Dataset d = generate(name, Map.of("samples", 40.0));

            assertThat(d.name()).isEqualTo(name);
            assertThat(d.rows()).isEqualTo(40);
            assertThat(d.inputs()).isEqualTo(2);
            assertThat(d.features()).hasSize(80);
            assertThat(d.featureNames()).containsExactly("x1", "x2");
            assertThat(d.imageShape()).isNull();
        }
        assertThat(generate("moons", Map.of()).classes()).containsExactly("0", "1");
        assertThat(generate("spirals", Map.of("classes", 5.0)).classes()).containsExactly("0", "1", "2", "3", "4");
    }

    @Test
    void classesAreAsBalancedAsTheSampleCountAllows() {
        assertThat(classCounts(generate("moons", Map.of("samples", 500.0)))).containsExactly(250, 250);
        assertThat(classCounts(generate("moons", Map.of("samples", 7.0)))).containsExactly(3, 4);
        assertThat(classCounts(generate("circles", Map.of("samples", 9.0)))).containsExactly(4, 5);
        assertThat(classCounts(generate("spirals", Map.of("samples", 10.0, "classes", 4.0))))
                .containsExactly(3, 3, 2, 2);
        assertThat(classCounts(generate("xor", Map.of("samples", 10.0)))).containsExactly(5, 5);
        assertThat(classCounts(generate("blobs", Map.of("samples", 31.0, "classes", 3.0))))
                .containsExactly(11, 10, 10);
    }

    @Test
    void theRowsAreShuffledRatherThanSortedByClass() {
        int[] labels = generate("moons", Map.of("samples", 100.0)).labels();

        assertThat(Arrays.copyOfRange(labels, 0, 50)).contains(0, 1);
    }

    @Test
    void theSameSeedGivesBitIdenticalDataAndAnotherSeedDoesNot() {
        for (GeneratorInfo info : BuiltinDatasets.catalogue()) {
            Dataset a = BuiltinDatasets.generate(info.name(), Map.of("samples", 200.0), 5);
            Dataset b = BuiltinDatasets.generate(info.name(), Map.of("samples", 200.0), 5);
            Dataset c = BuiltinDatasets.generate(info.name(), Map.of("samples", 200.0), 6);

            assertThat(a).as(info.name()).isEqualTo(b);
            assertThat(c.features()).as(info.name()).isNotEqualTo(a.features());
        }
    }

    @Test
    void noiselessMoonsLieOnTheirTwoHalfCirclesAtEvenAngles() {
        Dataset d = generate("moons", Map.of("samples", 11.0, "noise", 0.0));
        List<Double> upperAngles = new ArrayList<>();
        List<Double> lowerAngles = new ArrayList<>();
        for (int i = 0; i < d.rows(); i++) {
            double x = x(d, i, 0);
            double y = x(d, i, 1);
            if (d.labels()[i] == 0) {
                assertThat(x * x + y * y).isCloseTo(1.0, within(1e-12));
                assertThat(y).isGreaterThanOrEqualTo(0.0);
                upperAngles.add(Math.atan2(y, x));
            } else {
                assertThat((x - 1) * (x - 1) + (y - 0.5) * (y - 0.5)).isCloseTo(1.0, within(1e-12));
                assertThat(y).isLessThanOrEqualTo(0.5 + 1e-12);
                lowerAngles.add(Math.atan2(0.5 - y, 1 - x));
            }
        }
        upperAngles.sort(null);
        lowerAngles.sort(null);
        assertThat(upperAngles).hasSize(5).first().isEqualTo(0.0);
        assertThat(lowerAngles).hasSize(6).first().isEqualTo(0.0);
        for (int i = 0; i < 5; i++) {
            assertThat(upperAngles.get(i)).isCloseTo(i * Math.PI / 4, within(1e-12));
        }
        for (int i = 0; i < 6; i++) {
            assertThat(lowerAngles.get(i)).isCloseTo(i * Math.PI / 5, within(1e-12));
        }
    }

    @Test
    void noiseIsAddedOnTopOfTheSamePointsWithTheGivenSpread() {
        Dataset clean = generate("moons", Map.of("samples", 20_000.0, "noise", 0.0));
        Dataset noisy = generate("moons", Map.of("samples", 20_000.0, "noise", 0.2));
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < clean.features().length; i++) {
            double e = noisy.features()[i] - clean.features()[i];
            sum += e;
            squares += e * e;
        }
        int n = clean.features().length;

        assertThat(noisy.labels()).isEqualTo(clean.labels());
        assertThat(sum / n).isCloseTo(0.0, within(0.005));
        assertThat(Math.sqrt(squares / n)).isCloseTo(0.2, within(0.004));
    }

    @Test
    void noiselessCirclesHaveRadiusOneAndFactor() {
        Dataset d = generate("circles", Map.of("samples", 50.0, "noise", 0.0, "factor", 0.3));
        for (int i = 0; i < d.rows(); i++) {
            double radius = Math.hypot(x(d, i, 0), x(d, i, 1));
            assertThat(radius).isCloseTo(d.labels()[i] == 0 ? 1.0 : 0.3, within(1e-12));
        }
    }

    @Test
    void noiselessSpiralArmsAreRotatedCopiesOfOneAnother() {
        Dataset d = generate("spirals", Map.of("samples", 60.0, "classes", 3.0, "noise", 0.0));
        for (int i = 0; i < d.rows(); i++) {
            double r = Math.hypot(x(d, i, 0), x(d, i, 1));
            double offset = Math.atan2(x(d, i, 1), x(d, i, 0)) - 3 * Math.PI * r - 2 * Math.PI * d.labels()[i] / 3;
            double wrapped = offset - 2 * Math.PI * Math.rint(offset / (2 * Math.PI));

            assertThat(r).isGreaterThan(0.0).isLessThanOrEqualTo(1.0 + 1e-12);
            assertThat(wrapped).isCloseTo(0.0, within(1e-9));
        }
    }

    @Test
    void noiselessXorSitsOnTheFourCornersWithTheXorOfTheSigns() {
        Dataset d = generate("xor", Map.of("samples", 40.0, "noise", 0.0));
        for (int i = 0; i < d.rows(); i++) {
            assertThat(Math.abs(x(d, i, 0))).isEqualTo(1.0);
            assertThat(Math.abs(x(d, i, 1))).isEqualTo(1.0);
            assertThat(d.labels()[i]).isEqualTo(x(d, i, 0) * x(d, i, 1) < 0 ? 1 : 0);
        }
    }

    @Test
    void blobsClusterTightlyAroundCentresInsideTheBox() {
        Dataset d = generate("blobs", Map.of("samples", 300.0, "classes", 3.0, "features", 5.0, "spread", 0.01));
        double[][] means = new double[3][5];
        int[] counts = classCounts(d);
        for (int i = 0; i < d.rows(); i++) {
            for (int j = 0; j < 5; j++) {
                means[d.labels()[i]][j] += x(d, i, j) / counts[d.labels()[i]];
            }
        }
        assertThat(d.featureNames()).containsExactly("x1", "x2", "x3", "x4", "x5");
        for (int i = 0; i < d.rows(); i++) {
            for (int j = 0; j < 5; j++) {
                assertThat(x(d, i, j)).isCloseTo(means[d.labels()[i]][j], within(0.06));
                assertThat(means[d.labels()[i]][j]).isBetween(-10.0, 10.0);
            }
        }
    }

    @Test
    void sineIsARegressionOfSinXOverMinusPiToPi() {
        Dataset d = generate("sine", Map.of("samples", 1000.0, "noise", 0.0));

        assertThat(d.task()).isEqualTo(Task.REGRESSION);
        assertThat(d.inputs()).isEqualTo(1);
        assertThat(d.featureNames()).containsExactly("x1");
        assertThat(d.classes()).isNull();
        for (int i = 0; i < d.rows(); i++) {
            assertThat(d.features()[i]).isBetween(-Math.PI, Math.PI);
            assertThat(d.targets()[i]).isEqualTo(StrictMath.sin(d.features()[i]));
        }
        assertThat(Arrays.stream(d.features()).min().getAsDouble()).isLessThan(-3.0);
        assertThat(Arrays.stream(d.features()).max().getAsDouble()).isGreaterThan(3.0);
    }

    @Test
    void sineNoiseHasTheGivenStandardDeviation() {
        Dataset d = generate("sine", Map.of("samples", 20_000.0, "noise", 0.1));
        double squares = 0;
        for (int i = 0; i < d.rows(); i++) {
            double e = d.targets()[i] - StrictMath.sin(d.features()[i]);
            squares += e * e;
        }

        assertThat(Math.sqrt(squares / d.rows())).isCloseTo(0.1, within(0.003));
    }
}
