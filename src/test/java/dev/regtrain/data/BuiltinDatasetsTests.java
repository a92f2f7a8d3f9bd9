package dev.regtrain.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuiltinDatasetsTests {

    private static void refused(String generator, Map<String, Double> parameters, String parameter, String message) {
        assertThatThrownBy(() -> BuiltinDatasets.generate(generator, parameters, 1))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo(parameter))
                .hasMessage(message);
    }

    @Test
    void theCatalogueListsTheSevenGeneratorsInOrder() {
        assertThat(BuiltinDatasets.catalogue()).extracting(GeneratorInfo::name)
                .containsExactly("moons", "circles", "spirals", "xor", "blobs", "sine", "shapes");
        assertThat(BuiltinDatasets.catalogue()).extracting(GeneratorInfo::task).containsExactly(Task.CLASSIFICATION,
                Task.CLASSIFICATION, Task.CLASSIFICATION, Task.CLASSIFICATION, Task.CLASSIFICATION, Task.REGRESSION, Task.CLASSIFICATION);
    }

    /**
     * describe() works out a generator's shape from its parameters without generating (a job is checked against it at
     * submission); for every generator, at its defaults and at random parameters within their ranges (kept small), it
     * must be exactly the shape generate() makes.
     */
    @Test
    void describingAGeneratorGivesTheShapeItGenerates() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        Map<String, Double> small = Map.of("samples", 1500.0, "features", 40.0, "size", 24.0);
        int checked = 0;
        for (GeneratorInfo generator : BuiltinDatasets.catalogue()) {
            for (int round = 0; round < 6; round++) {
                Map<String, Double> parameters = new HashMap<>();
                if (round > 0) {
                    for (ParameterInfo parameter : generator.parameters()) {
                        double max = Math.min(parameter.max(), small.getOrDefault(parameter.name(), parameter.max()));
                        double value = random.nextDouble(parameter.min(), Math.nextUp(max));
                        parameters.put(parameter.name(), parameter.integer() ? Math.rint(value) : value);
                    }
                }
                Dataset made = BuiltinDatasets.generate(generator.name(), parameters, round);
                DatasetDescription described = BuiltinDatasets.describe(generator.name(),
                        BuiltinDatasets.withDefaults(generator.name(), parameters));
                String what = generator.name() + " " + parameters;
                assertThat(described.rows()).as(what).isEqualTo(made.rows());
                assertThat(described.inputs()).as(what).isEqualTo(made.inputs());
                assertThat(described.task()).as(what).isEqualTo(made.task());
                assertThat(described.classes()).as(what).isEqualTo(made.classes());
                assertThat(described.imageShape()).as(what).isEqualTo(made.imageShape());
                checked++;
            }
        }
        assertThat(checked).isEqualTo(6 * BuiltinDatasets.catalogue().size());
    }

    @Test
    void theCatalogueGivesEveryParameterItsDefaultAndRange() {
        Map<String, List<ParameterInfo>> byName = new HashMap<>();
        BuiltinDatasets.catalogue().forEach(g -> byName.put(g.name(), g.parameters()));

        ParameterInfo samples = new ParameterInfo("samples", "number of rows", 500, 2, 100_000, true);
        assertThat(byName.get("moons")).usingRecursiveFieldByFieldElementComparatorIgnoringFields("description")
                .containsExactly(samples, new ParameterInfo("noise", "-", 0.1, 0, 5, false));
        assertThat(byName.get("circles")).usingRecursiveFieldByFieldElementComparatorIgnoringFields("description")
                .containsExactly(samples, new ParameterInfo("noise", "-", 0.05, 0, 5, false),
                        new ParameterInfo("factor", "-", 0.5, 0, 0.99, false));
        assertThat(byName.get("spirals")).usingRecursiveFieldByFieldElementComparatorIgnoringFields("description")
                .containsExactly(samples, new ParameterInfo("classes", "-", 3, 2, 10, true),
                        new ParameterInfo("noise", "-", 0.1, 0, 5, false));
        assertThat(byName.get("xor")).extracting(ParameterInfo::name).containsExactly("samples", "noise");
        assertThat(byName.get("blobs")).usingRecursiveFieldByFieldElementComparatorIgnoringFields("description")
                .containsExactly(samples, new ParameterInfo("classes", "-", 3, 2, 20, true),
                        new ParameterInfo("features", "-", 2, 1, 1000, true),
                        new ParameterInfo("spread", "-", 1.0, 0.01, 10, false));
        assertThat(byName.get("sine")).extracting(ParameterInfo::name).containsExactly("samples", "noise");
        assertThat(byName.get("sine").get(1).defaultValue()).isEqualTo(0.1);
    }

    @Test
    void missingParametersTakeTheirDefaults() {
        for (GeneratorInfo info : BuiltinDatasets.catalogue()) {
            Dataset d = BuiltinDatasets.generate(info.name(), Map.of(), 7);

            assertThat(d.name()).isEqualTo(info.name());
            assertThat(d.task()).isEqualTo(info.task());
            assertThat(d.rows()).isEqualTo(500);
        }
        assertThat(BuiltinDatasets.generate("spirals", Map.of(), 7).classCount()).isEqualTo(3);
        assertThat(BuiltinDatasets.generate("blobs", Map.of(), 7).inputs()).isEqualTo(2);
        assertThat(BuiltinDatasets.generate("moons", Map.of(), 7))
                .isEqualTo(BuiltinDatasets.generate("moons", Map.of("samples", 500.0, "noise", 0.1), 7));
    }

    @Test
    void aNullValueCountsAsMissing() {
        Map<String, Double> parameters = new HashMap<>();
        parameters.put("noise", null);

        assertThat(BuiltinDatasets.generate("moons", parameters, 3)).isEqualTo(
                BuiltinDatasets.generate("moons", Map.of(), 3));
        assertThat(BuiltinDatasets.generate("moons", null, 3)).isEqualTo(
                BuiltinDatasets.generate("moons", Map.of(), 3));
    }

    @Test
    void theBoundsOfEveryRangeAreAllowed() {
        assertThat(BuiltinDatasets.generate("moons", Map.of("samples", 2.0, "noise", 0.0), 1).rows()).isEqualTo(2);
        assertThat(BuiltinDatasets.generate("moons", Map.of("samples", 100_000.0, "noise", 5.0), 1).rows())
                .isEqualTo(100_000);
        assertThat(BuiltinDatasets.generate("circles", Map.of("factor", 0.99), 1).rows()).isEqualTo(500);
        assertThat(BuiltinDatasets.generate("circles", Map.of("factor", 0.0), 1).rows()).isEqualTo(500);
        assertThat(BuiltinDatasets.generate("blobs", Map.of("classes", 20.0, "features", 1000.0, "spread", 0.01), 1)
                .inputs()).isEqualTo(1000);
    }

    @Test
    void anUnknownGeneratorIsRefusedWithTheAvailableOnes() {
        refused("galaxies", Map.of(), "builtin",
                "unknown generator 'galaxies'; available: moons, circles, spirals, xor, blobs, sine, shapes");
        refused("Moons", Map.of(), "builtin",
                "unknown generator 'Moons'; available: moons, circles, spirals, xor, blobs, sine, shapes");
        refused(null, Map.of(), "builtin",
                "unknown generator (none given); available: moons, circles, spirals, xor, blobs, sine, shapes");
    }

    @Test
    void anUnknownParameterIsRefusedUnderItsOwnName() {
        refused("moons", Map.of("factor", 0.5), "factor",
                "unknown parameter 'factor' for moons; its parameters are samples, noise");
        refused("blobs", Map.of("nosie", 0.5), "nosie",
                "unknown parameter 'nosie' for blobs; its parameters are samples, classes, features, spread");
    }

    @Test
    void aFractionWhereAWholeNumberBelongsIsRefused() {
        refused("moons", Map.of("samples", 2.5), "samples", "samples must be a whole number from 2 to 100000; got 2.5");
        refused("blobs", Map.of("features", 1.5), "features", "features must be a whole number from 1 to 1000; got 1.5");
    }

    @Test
    void valuesOutOfRangeAreRefusedNamingTheRange() {
        refused("moons", Map.of("samples", 1.0), "samples", "samples must be a whole number from 2 to 100000; got 1");
        refused("moons", Map.of("samples", 100_001.0), "samples",
                "samples must be a whole number from 2 to 100000; got 100001");
        refused("moons", Map.of("noise", -0.1), "noise", "noise must be a number from 0 to 5; got -0.1");
        refused("sine", Map.of("noise", 5.5), "noise", "noise must be a number from 0 to 5; got 5.5");
        refused("xor", Map.of("noise", Double.NaN), "noise", "noise must be a number from 0 to 5; got NaN");
        refused("circles", Map.of("factor", 1.0), "factor", "factor must be a number from 0 to 0.99; got 1");
        refused("spirals", Map.of("classes", 11.0), "classes", "classes must be a whole number from 2 to 10; got 11");
        refused("blobs", Map.of("classes", 1.0), "classes", "classes must be a whole number from 2 to 20; got 1");
        refused("blobs", Map.of("spread", 0.001), "spread", "spread must be a number from 0.01 to 10; got 0.001");
        refused("blobs", Map.of("features", 1001.0), "features",
                "features must be a whole number from 1 to 1000; got 1001");
        refused("blobs", Map.of("samples", Double.POSITIVE_INFINITY), "samples",
                "samples must be a whole number from 2 to 100000; got Infinity");
    }

    @Test
    void everyClassNeedsAtLeastOneSample() {
        refused("spirals", Map.of("samples", 5.0, "classes", 6.0), "samples",
                "samples must be at least classes (6) so that every class has a row; got 5");
        assertThat(BuiltinDatasets.generate("blobs", Map.of("samples", 6.0, "classes", 6.0), 1).classCount())
                .isEqualTo(6);
    }

    @Test
    void tooManyValuesInAllAreRefused() {
        refused("blobs", Map.of("samples", 100_000.0, "features", 101.0), "samples",
                "samples × features is 10100000; at most 10000000 values can be generated, so lower samples or "
                        + "features");
    }
}
