package dev.regtrain.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A network without hidden layers is logistic regression, a convex problem with one optimum. Full-batch training
 * must reach the optimum that an independent solver finds for the same objective.
 */
class LogisticRegressionOracleTests {

    private static final Examples DATA = Fixtures.classification(200, 6, 1, 1.0, 2024);

    @Test
    void l2LogisticRegressionConvergesToNewtonsOptimum() {
        double lambda2 = 20.0; // λ/m = 0.1
        TrainingPlan plan = Fixtures.aPlan(6, Output.SIGMOID, 1).l2(lambda2)
                .optimizer(OptimizerSpec.sgd(2.0)).batchSize(0).epochs(3000).build();

        TrainingOutcome outcome = Trainer.start(plan, DATA, null, EngineContext.DEFAULT).run(TrainingListener.NONE, () -> false);

        double[] expected = ConvexOracles.newtonL2(DATA, lambda2);
        assertThat(Fixtures.relativeError(parameters(outcome.model()), expected)).isLessThan(1e-6);
    }

    @ParameterizedTest
    @EnumSource(value = OptimizerKind.class, names = {"SGD", "MOMENTUM", "NESTEROV", "ADAM"})
    void proximalL1ReachesTheIndependentSolversOptimum(OptimizerKind kind) {
        double lambda1 = 16.0; // λ/m = 0.08: strong enough to zero some of the six weights
        double learningRate = switch (kind) {
            case SGD -> 2.0;
            case MOMENTUM, NESTEROV -> 0.2;
            default -> 0.01;
        };
        TrainingPlan plan = Fixtures.aPlan(6, Output.SIGMOID, 1).l1(lambda1, L1Update.PROXIMAL)
                .optimizer(OptimizerSpec.of(kind, learningRate)).batchSize(0).epochs(6000).build();

        TrainingOutcome outcome = Trainer.start(plan, DATA, null, EngineContext.DEFAULT).run(TrainingListener.NONE, () -> false);

        double[] expected = ConvexOracles.fistaL1(DATA, lambda1);
        double[] actual = parameters(outcome.model());
        assertThat(zeros(expected)).as("the optimum itself is sparse").isGreaterThanOrEqualTo(2);
        assertThat(Fixtures.relativeError(actual, expected)).isLessThan(1e-6);
        for (int j = 0; j < 6; j++) {
            assertThat(actual[j] == 0.0).as("weight %d is exactly zero iff it is at the optimum", j)
                    .isEqualTo(expected[j] == 0.0);
        }
    }

    private static int zeros(double[] theta) {
        int count = 0;
        for (int j = 0; j < theta.length - 1; j++) {
            count += theta[j] == 0 ? 1 : 0;
        }
        return count;
    }

    /** {w₁..w_n, b} of a network without hidden layers. */
    static double[] parameters(Network network) {
        List<Parameter> p = network.parameters();
        double[] w = p.get(0).values();
        double[] theta = java.util.Arrays.copyOf(w, w.length + 1);
        theta[w.length] = p.get(1).values()[0];
        return theta;
    }
}
