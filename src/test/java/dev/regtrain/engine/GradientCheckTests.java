package dev.regtrain.engine;

import dev.regtrain.engine.kernel.Kernels;
import dev.regtrain.engine.kernel.OjalgoKernel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Central differences (J(θ+ε) − J(θ−ε))/(2ε), ε = 1e−5, on the full objective including the penalty terms, against
 * the analytic gradient: relative error ‖g − ĝ‖/(‖g‖ + ‖ĝ‖) &lt; 1e−7 for every activation × output × penalty, with
 * biases penalised and not (MATH.md, Gradient check); with the ojalgo kernel and with the vector kernel.
 */
class GradientCheckTests {

    private static final double EPSILON = 1e-5;

    enum PenaltyKind { NONE, L1, L2, ELASTIC_NET, PER_LAYER }

    static Stream<Arguments> combinations() {
        List<Arguments> all = new ArrayList<>();
        for (Activation activation : Activation.values()) {
            for (Output output : Output.values()) {
                for (PenaltyKind penalty : PenaltyKind.values()) {
                    all.add(Arguments.of(activation, output, penalty, false));
                    all.add(Arguments.of(activation, output, penalty, true));
                }
            }
        }
        return all.stream();
    }

    /** Every activation, output and penalty with batch normalisation on both hidden layers, γ and β penalised or not. */
    static Stream<Arguments> batchNormCombinations() {
        List<Arguments> all = new ArrayList<>();
        for (Activation activation : Activation.values()) {
            for (Output output : Output.values()) {
                for (PenaltyKind penalty : PenaltyKind.values()) {
                    all.add(Arguments.of(activation, output, penalty, false));
                    all.add(Arguments.of(activation, output, penalty, true));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "batch norm: {0} hidden, {1} output, {2}, regularizeBatchNorm={3}")
    @MethodSource("batchNormCombinations")
    void batchNormalisationsBackwardPassMatchesCentralDifferences(Activation activation, Output output,
                                                                   PenaltyKind kind, boolean regularizeBatchNorm) {
        NetworkSpec spec = new NetworkSpec(3, List.of(new LayerSpec(5, activation, true),
                new LayerSpec(4, activation, true)), output, outputs(output), Initialization.AUTO);
        Network network = awayFromZero(spec, new Rng(13));
        PenaltySpec base = penalty(kind, false);
        PenaltySpec penalty = new PenaltySpec(base.l1(), base.l2(), false, base.l1Update(), 0, null, base.layers(),
                regularizeBatchNorm);
        Objective objective = new Objective(network, penalty, data(output), OjalgoKernel.INSTANCE);

        assertThat(relativeError(objective.gradient(), numeric(objective, network))).isLessThan(1e-7);
    }

    private static double[][] numeric(Objective objective, Network network) {
        List<Parameter> parameters = network.parameters();
        double[][] numeric = new double[parameters.size()][];
        for (int p = 0; p < parameters.size(); p++) {
            double[] w = parameters.get(p).values();
            numeric[p] = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                double saved = w[i];
                w[i] = saved + EPSILON;
                double plus = objective.value();
                w[i] = saved - EPSILON;
                double minus = objective.value();
                w[i] = saved;
                numeric[p][i] = (plus - minus) / (2 * EPSILON);
            }
        }
        return numeric;
    }

    /** Every combination with each kernel. */
    static Stream<Arguments> combinationsByKernel() {
        return Stream.of("ojalgo", "vector").flatMap(kernel -> combinations().map(combination -> {
            List<Object> values = new ArrayList<>(List.of(kernel));
            values.addAll(List.of(combination.get()));
            return Arguments.of(values.toArray());
        }));
    }

    @ParameterizedTest(name = "{0} kernel: {1} hidden, {2} output, {3}, regularizeBias={4}")
    @MethodSource("combinationsByKernel")
    void analyticGradientMatchesCentralDifferences(String kernel, Activation activation, Output output,
                                                   PenaltyKind kind, boolean regularizeBias) {
        Network network = network(activation, output);
        Objective objective = new Objective(network, penalty(kind, regularizeBias), data(output),
                Kernels.select(kernel));

        double[][] analytic = objective.gradient();
        double[][] numeric = new double[analytic.length][];
        List<Parameter> parameters = network.parameters();
        for (int p = 0; p < parameters.size(); p++) {
            double[] w = parameters.get(p).values();
            numeric[p] = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                double saved = w[i];
                w[i] = saved + EPSILON;
                double plus = objective.value();
                w[i] = saved - EPSILON;
                double minus = objective.value();
                w[i] = saved;
                numeric[p][i] = (plus - minus) / (2 * EPSILON);
            }
        }
        assertThat(relativeError(analytic, numeric)).isLessThan(1e-7);
    }

    /** The vector kernel sums in another order than ojalgo; the gradients still agree to 1e−12 relative. */
    @ParameterizedTest(name = "{0} hidden, {1} output, {2}, regularizeBias={3}")
    @MethodSource("combinations")
    void bothKernelsGiveTheSameAnalyticGradientAndObjective(Activation activation, Output output, PenaltyKind kind,
                                                            boolean regularizeBias) {
        Network network = network(activation, output);
        PenaltySpec penalty = penalty(kind, regularizeBias);
        Objective ojalgo = new Objective(network, penalty, data(output), OjalgoKernel.INSTANCE);
        Objective vector = new Objective(network, penalty, data(output), Kernels.select("vector"));

        double[][] expected = ojalgo.gradient();
        double[][] actual = vector.gradient();

        assertThat(Fixtures.relativeError(actual, expected)).isLessThan(1e-12);
        assertThat(vector.value()).isCloseTo(ojalgo.value(), withinPercentage(1e-10));
    }

    private static Examples data(Output output) {
        return output == Output.LINEAR
                ? Fixtures.regression(12, 3, outputs(output), 0.1, 7)
                : Fixtures.classification(12, 3, outputs(output), 0.5, 7);
    }

    private static int outputs(Output output) {
        return switch (output) {
            case SIGMOID -> 1;
            case SOFTMAX -> 3;
            case LINEAR -> 2;
        };
    }

    private static Network network(Activation activation, Output output) {
        NetworkSpec spec = new NetworkSpec(3, List.of(new LayerSpec(5, activation), new LayerSpec(4, activation)),
                output, outputs(output), activation.defaultInitialization());
        return awayFromZero(spec, new Rng(11));
    }

    /** Random weights and biases with |w| ≥ 0.1, so that L1's kink at 0 is never within ε. */
    private static Network awayFromZero(NetworkSpec spec, Rng rng) {
        Network network = Network.zeros(spec);
        for (Parameter p : network.parameters()) {
            double[] w = p.values();
            for (int i = 0; i < w.length; i++) {
                double magnitude = 0.1 + 0.6 * rng.nextDouble();
                w[i] = rng.nextDouble() < 0.5 ? -magnitude : magnitude;
            }
        }
        return network;
    }

    private static PenaltySpec penalty(PenaltyKind kind, boolean regularizeBias) {
        // λ values are large relative to m = 12 so that the penalty terms carry real weight in the check.
        return switch (kind) {
            case NONE -> new PenaltySpec(0, 0, regularizeBias, L1Update.SUBGRADIENT, 0, null, List.of());
            case L1 -> new PenaltySpec(0.7, 0, regularizeBias, L1Update.SUBGRADIENT, 0, null, List.of());
            case L2 -> new PenaltySpec(0, 1.3, regularizeBias, L1Update.SUBGRADIENT, 0, null, List.of());
            case ELASTIC_NET -> new PenaltySpec(0.7, 1.3, regularizeBias, L1Update.SUBGRADIENT, 0, null, List.of());
            case PER_LAYER -> new PenaltySpec(0.7, 1.3, regularizeBias, L1Update.SUBGRADIENT, 0, null,
                    java.util.Arrays.asList(new LayerPenalty(0.2, 3.0), null, new LayerPenalty(1.5, 0.0)));
        };
    }

    static double relativeError(double[][] a, double[][] b) {
        double difference = 0;
        double normA = 0;
        double normB = 0;
        for (int p = 0; p < a.length; p++) {
            for (int i = 0; i < a[p].length; i++) {
                double d = a[p][i] - b[p][i];
                difference += d * d;
                normA += a[p][i] * a[p][i];
                normB += b[p][i] * b[p][i];
            }
        }
        return Math.sqrt(difference) / (Math.sqrt(normA) + Math.sqrt(normB));
    }
}
