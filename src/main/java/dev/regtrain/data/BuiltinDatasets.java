package dev.regtrain.data;

import dev.regtrain.engine.RandomPurpose;
import dev.regtrain.engine.Rng;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The built-in dataset generators, seeded by the job's seed through the {@link RandomPurpose#DATA} stream.
 * Classification labels are "0", "1", ...; features are named x1, x2, ...; a dataset is named after its generator.
 */
public final class BuiltinDatasets {

    /** The most values (samples × features) one generated dataset may hold: 80 MB of doubles. */
    public static final long MAX_VALUES = 10_000_000;

    private static final ParameterInfo SAMPLES = new ParameterInfo("samples", "number of rows", 500, 2, 100_000,
            true);

    private record Generator(GeneratorInfo info, BiFunction<Map<String, Double>, Rng, Dataset> make) {
    }

    private static final List<Generator> GENERATORS = List.of(
            new Generator(new GeneratorInfo("moons", Task.CLASSIFICATION,
                    "two interleaving half circles, as scikit-learn's make_moons", List.of(SAMPLES, noise(0.1))),
                    (p, rng) -> Generators.moons(integer(p, "samples"), p.get("noise"), rng)),
            new Generator(new GeneratorInfo("circles", Task.CLASSIFICATION,
                    "a small circle inside a large one, as scikit-learn's make_circles", List.of(SAMPLES,
                            noise(0.05), new ParameterInfo("factor", "radius of the inner circle relative to the outer",
                                    0.5, 0, 0.99, false))),
                    (p, rng) -> Generators.circles(integer(p, "samples"), p.get("noise"), p.get("factor"), rng)),
            new Generator(new GeneratorInfo("spirals", Task.CLASSIFICATION,
                    "interleaved spiral arms, one per class", List.of(SAMPLES, classes(10), noise(0.1))),
                    (p, rng) -> Generators.spirals(integer(p, "samples"), integer(p, "classes"), p.get("noise"), rng)),
            new Generator(new GeneratorInfo("xor", Task.CLASSIFICATION,
                    "four clusters at (±1, ±1); the label is the xor of the signs", List.of(SAMPLES, noise(0.1))),
                    (p, rng) -> Generators.xor(integer(p, "samples"), p.get("noise"), rng)),
            new Generator(new GeneratorInfo("blobs", Task.CLASSIFICATION,
                    "Gaussian clusters around random centres, as scikit-learn's make_blobs", List.of(SAMPLES,
                            classes(20), new ParameterInfo("features", "number of features", 2, 1, 1000, true),
                            new ParameterInfo("spread", "standard deviation of each cluster", 1.0, 0.01, 10, false))),
                    (p, rng) -> Generators.blobs(integer(p, "samples"), integer(p, "classes"), integer(p, "features"),
                            p.get("spread"), rng)),
            new Generator(new GeneratorInfo("sine", Task.REGRESSION,
                    "y = sin(x) + noise for x uniform in [-π, π]", List.of(SAMPLES, noise(0.1))),
                    (p, rng) -> Generators.sine(integer(p, "samples"), p.get("noise"), rng)),
            new Generator(new GeneratorInfo("shapes", Task.CLASSIFICATION,
                    "size×size grey images of circles, squares, triangles and crosses at random positions, scales "
                            + "and strokes (an image dataset: try augmentation on it)", List.of(SAMPLES,
                            new ParameterInfo("size", "image width and height in pixels", 16, 8, 64, true),
                            new ParameterInfo("classes", "number of shapes: circle, square, triangle, cross", 4, 2, 4,
                                    true),
                            new ParameterInfo("noise", "standard deviation of the Gaussian pixel noise", 0.1, 0, 1,
                                    false))),
                    (p, rng) -> ShapesGenerator.generate(integer(p, "samples"), integer(p, "size"),
                            integer(p, "classes"), p.get("noise"), rng)));

    private BuiltinDatasets() {
    }

    /** Every generator with its parameters, defaults and limits, in a fixed order. */
    public static List<GeneratorInfo> catalogue() {
        return GENERATORS.stream().map(Generator::info).toList();
    }

    /**
     * Generates a dataset. Missing (or null) parameters take their default.
     *
     * @throws InvalidParameterException for an unknown generator (parameter {@code builtin}), an unknown parameter, a
     *         value out of range or not whole where a whole number is needed (parameter = its name), fewer samples
     *         than classes or more than {@link #MAX_VALUES} values in all (parameter {@code samples})
     */
    public static Dataset generate(String name, Map<String, Double> parameters, long seed) {
        Generator generator = generator(name);
        return generator.make().apply(withDefaults(name, parameters), Rng.of(seed, RandomPurpose.DATA));
    }

    /**
     * The parameters with every default filled in, in the catalogue's order, after the checks of
     * {@link #generate}: what a job echoes, and what it will generate.
     */
    public static Map<String, Double> withDefaults(String name, Map<String, Double> parameters) {
        Generator generator = generator(name);
        Map<String, Double> resolved = resolve(generator.info(), parameters == null ? Map.of() : parameters);
        long values = (long) integer(resolved, "samples") * inputs(resolved);
        if (values > MAX_VALUES) {
            throw new InvalidParameterException("samples", "samples × features is " + values + "; at most "
                    + MAX_VALUES + " values can be generated, so lower samples or features");
        }
        if (resolved.containsKey("classes") && integer(resolved, "samples") < integer(resolved, "classes")) {
            throw new InvalidParameterException("samples", "samples must be at least classes ("
                    + integer(resolved, "classes") + ") so that every class has a row; got " + integer(resolved,
                    "samples"));
        }
        return resolved;
    }

    /** The shape of what {@link #generate} makes from these (resolved) parameters, without generating it. */
    public static DatasetDescription describe(String name, Map<String, Double> parameters) {
        Map<String, Double> p = withDefaults(name, parameters);
        GeneratorInfo info = generator(name).info();
        int rows = integer(p, "samples");
        if (info.task() == Task.REGRESSION) {
            return new DatasetDescription(rows, 1, Task.REGRESSION, null, null);
        }
        int classes = p.containsKey("classes") ? integer(p, "classes") : 2;
        if (name.equals("shapes")) {
            int size = integer(p, "size");
            return new DatasetDescription(rows, size * size, Task.CLASSIFICATION,
                    ShapesGenerator.SHAPES.subList(0, classes), new ImageShape(size, size, 1));
        }
        List<String> labels = java.util.stream.IntStream.range(0, classes).mapToObj(Integer::toString).toList();
        return new DatasetDescription(rows, inputs(p), Task.CLASSIFICATION, labels, null);
    }

    /** Features per row: {@code features}, size² for images, else 2. */
    private static int inputs(Map<String, Double> parameters) {
        if (parameters.containsKey("size")) {
            return integer(parameters, "size") * integer(parameters, "size");
        }
        return parameters.containsKey("features") ? integer(parameters, "features") : 2;
    }

    private static Generator generator(String name) {
        return GENERATORS.stream().filter(g -> g.info().name().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidParameterException("builtin", "unknown generator "
                        + (name == null ? "(none given)" : Texts.quote(name)) + "; available: "
                        + GENERATORS.stream().map(g -> g.info().name()).collect(Collectors.joining(", "))));
    }

    private static Map<String, Double> resolve(GeneratorInfo info, Map<String, Double> given) {
        for (String key : new TreeSet<>(given.keySet())) {
            if (info.parameters().stream().noneMatch(p -> p.name().equals(key))) {
                throw new InvalidParameterException(key, "unknown parameter " + Texts.quote(key) + " for "
                        + info.name() + "; its parameters are " + info.parameters().stream()
                        .map(ParameterInfo::name).collect(Collectors.joining(", ")));
            }
        }
        Map<String, Double> resolved = new LinkedHashMap<>();
        for (ParameterInfo p : info.parameters()) {
            Double value = given.get(p.name());
            double v = value == null ? p.defaultValue() : value;
            boolean inRange = v >= p.min() && v <= p.max(); // false for NaN
            if (!inRange || (p.integer() && v != Math.rint(v))) {
                throw new InvalidParameterException(p.name(), p.name() + " must be " + p.range() + "; got "
                        + Texts.number(v));
            }
            resolved.put(p.name(), v);
        }
        return resolved;
    }

    private static int integer(Map<String, Double> parameters, String name) {
        return (int) (double) parameters.get(name);
    }

    private static ParameterInfo noise(double defaultValue) {
        return new ParameterInfo("noise", "standard deviation of the Gaussian noise added to each feature",
                defaultValue, 0, 5, false);
    }

    private static ParameterInfo classes(int max) {
        return new ParameterInfo("classes", "number of classes", 3, 2, max, true);
    }
}
