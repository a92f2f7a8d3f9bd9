package dev.regtrain.engine;

import dev.regtrain.engine.kernel.OjalgoKernel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Label smoothing and class weights (MATH.md) against direct implementations of their definitions: per-example
 * losses computed here from the network's predictions, and the gradients by central differences.
 */
class LossTests {

    private static final Examples BINARY = Fixtures.classification(30, 3, 1, 0.5, 41);
    private static final Examples THREE_CLASSES = Fixtures.classification(30, 3, 3, 0.5, 42);

    private static Examples data(Output output) {
        return output == Output.SIGMOID ? BINARY : THREE_CLASSES;
    }

    private static Network network(Output output) {
        NetworkSpec spec = new NetworkSpec(3, List.of(new LayerSpec(5, Activation.TANH)), output,
                output == Output.SIGMOID ? 1 : 3, Initialization.AUTO);
        return Network.initialise(spec, new Rng(9));
    }

    /** ℓ of example i, directly from the predicted probabilities, against the given target row. */
    private static double loss(double[] predictions, double[] target, int i, int units) {
        if (units == 1) {
            double a = predictions[i];
            return -(target[0] * Math.log(a) + (1 - target[0]) * Math.log(1 - a));
        }
        double sum = 0;
        for (int k = 0; k < units; k++) {
            sum -= target[k] * Math.log(predictions[i * units + k]);
        }
        return sum;
    }

    private static double[] target(Examples data, int i, double epsilon) {
        int units = data.outputs();
        int classes = units == 1 ? 2 : units;
        double[] y = new double[units];
        for (int k = 0; k < units; k++) {
            y[k] = (1 - epsilon) * data.targets()[i * units + k] + epsilon / classes;
        }
        return y;
    }

    private static int label(Examples data, int i) {
        if (data.outputs() == 1) {
            return (int) data.targets()[i];
        }
        for (int k = 0; k < data.outputs(); k++) {
            if (data.targets()[i * data.outputs() + k] == 1) {
                return k;
            }
        }
        throw new IllegalStateException();
    }

    @ParameterizedTest
    @EnumSource(value = Output.class, names = {"SIGMOID", "SOFTMAX"})
    void labelSmoothingTrainsOnTargetsMovedTowardsTheUniformDistribution(Output output) {
        Examples data = data(output);
        Network network = network(output);
        double epsilon = 0.2;
        double[] predictions = Predictor.predict(network, data.features(), data.rows(), OjalgoKernel.INSTANCE);
        double expected = 0;
        for (int i = 0; i < data.rows(); i++) {
            expected += loss(predictions, target(data, i, epsilon), i, data.outputs());
        }
        expected /= data.rows();

        Objective smoothed = new Objective(network, PenaltySpec.NONE, new LossSpec(epsilon, ClassWeights.NONE), data,
                data.rows(), OjalgoKernel.INSTANCE);

        assertThat(smoothed.dataLoss()).isCloseTo(expected, within(1e-13));
    }

    @ParameterizedTest
    @EnumSource(value = Output.class, names = {"SIGMOID", "SOFTMAX"})
    void classWeightsNormaliseTheDataTermByTheSumOfTheWeights(Output output) {
        Examples data = data(output);
        Network network = network(output);
        List<Double> weights = output == Output.SIGMOID ? List.of(0.5, 3.0) : List.of(1.0, 0.25, 4.0);
        double[] predictions = Predictor.predict(network, data.features(), data.rows(), OjalgoKernel.INSTANCE);
        double weighted = 0;
        double total = 0;
        for (int i = 0; i < data.rows(); i++) {
            double w = weights.get(label(data, i));
            weighted += w * loss(predictions, target(data, i, 0), i, data.outputs());
            total += w;
        }

        Objective objective = new Objective(network, PenaltySpec.NONE, new LossSpec(0, ClassWeights.of(weights)),
                data, data.rows(), OjalgoKernel.INSTANCE);

        assertThat(objective.dataLoss()).isCloseTo(weighted / total, within(1e-13));
    }

    @Test
    void balancedClassWeightsAreTheRowsOverClassesTimesTheClassCount() {
        Examples data = THREE_CLASSES;
        int[] counts = new int[3];
        for (int i = 0; i < data.rows(); i++) {
            counts[label(data, i)]++;
        }

        double[] balanced = ClassWeights.BALANCED.exampleWeights(data);
        double[] explicit = ClassWeights.of(List.of(30.0 / (3 * counts[0]), 30.0 / (3 * counts[1]),
                30.0 / (3 * counts[2]))).exampleWeights(data);

        // With balanced weights Σᵢ w_{yᵢ} = m, so the normalised weights are w_{yᵢ} themselves.
        for (int i = 0; i < data.rows(); i++) {
            assertThat(balanced[i]).isCloseTo(30.0 / (3 * counts[label(data, i)]), within(1e-14));
        }
        assertThat(balanced).containsExactly(explicit, within(1e-14));
    }

    @Test
    void classWeightsThatGiveEveryExampleWeightZeroAreRefused() {
        assertThatThrownBy(() -> ClassWeights.of(List.of(0.0, 0.0)).exampleWeights(BINARY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(value = Output.class, names = {"SIGMOID", "SOFTMAX"})
    void theGradientWithSmoothingClassWeightsAndPenaltiesMatchesCentralDifferences(Output output) {
        Examples data = data(output);
        NetworkSpec spec = new NetworkSpec(3, List.of(new LayerSpec(5, Activation.TANH, true),
                new LayerSpec(4, Activation.SIGMOID)), output, data.outputs(), Initialization.AUTO);
        Network network = Network.initialise(spec, new Rng(4));
        LossSpec loss = new LossSpec(0.15, output == Output.SIGMOID ? ClassWeights.of(List.of(0.7, 2.0))
                : ClassWeights.BALANCED);
        PenaltySpec penalty = new PenaltySpec(0, 2.0, true, L1Update.SUBGRADIENT, 0, null, List.of(), true);
        Objective objective = new Objective(network, penalty, loss, data, 100, OjalgoKernel.INSTANCE);

        double[][] analytic = objective.gradient();
        double[][] numeric = new double[analytic.length][];
        for (int p = 0; p < analytic.length; p++) {
            double[] w = network.parameters().get(p).values();
            numeric[p] = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                double saved = w[i];
                w[i] = saved + 1e-5;
                double plus = objective.value();
                w[i] = saved - 1e-5;
                double minus = objective.value();
                w[i] = saved;
                numeric[p][i] = (plus - minus) / 2e-5;
            }
        }

        assertThat(GradientCheckTests.relativeError(analytic, numeric)).isLessThan(1e-7);
    }

    @Test
    void theValidationLossKeepsThePlainLabelsAndTheTrainingLossTheSmoothedOnes() {
        Examples train = Fixtures.classification(60, 3, 3, 0.5, 43);
        TrainingPlan plan = Fixtures.aPlan(3, Output.SOFTMAX, 3).hidden(5, Activation.TANH)
                .loss(new LossSpec(0.3, ClassWeights.NONE)).batchSize(0).shuffle(false).epochs(2).build();
        Runs runs = new Runs(1);

        Network model = Trainer.start(plan, train, THREE_CLASSES, EngineContext.DEFAULT).run(runs, () -> false)
                .model();

        double plain = new Objective(model, PenaltySpec.NONE, THREE_CLASSES, OjalgoKernel.INSTANCE).dataLoss();
        assertThat(runs.rows.get(1).valLoss()).isCloseTo(plain, within(1e-14));
        Network afterOne = runs.states.get(0).toNetwork();
        double smoothedTrain = new Objective(afterOne, PenaltySpec.NONE, new LossSpec(0.3, ClassWeights.NONE), train,
                train.rows(), OjalgoKernel.INSTANCE).dataLoss();
        assertThat(runs.rows.get(1).trainDataLoss()).as("the full batch of epoch 2, before its step")
                .isCloseTo(smoothedTrain, within(1e-14));
    }
}
