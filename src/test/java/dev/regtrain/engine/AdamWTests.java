package dev.regtrain.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code adamw} against its definition, written out here independently of the engine: Adam with bias correction on
 * the gradient of the smooth part of J, then the decoupled decay W ← W − α·wd·W on the weights (not the bias), after
 * the step (MATH.md; PyTorch's AdamW decays before its step, which differs by a term of order α²·wd).
 */
class AdamWTests {

    private static final Examples DATA = Fixtures.classification(40, 3, 1, 1.0, 77);
    private static final double ALPHA = 0.05;
    private static final double DECAY = 0.3;
    private static final int STEPS = 25;

    @Test
    void adamwIsAdamFollowedByTheDecoupledDecayOfTheWeights() {
        double[] theta = {0.4, -0.2, 0.1, 0.05}; // w₁, w₂, w₃, b
        double[] expected = reference(theta.clone());

        Network initial = Network.of(new NetworkSpec(3, List.of(), Output.SIGMOID, 1, Initialization.XAVIER),
                new double[][] {{0.4, -0.2, 0.1}, {0.05}});
        TrainingPlan plan = Fixtures.aPlan(3, Output.SIGMOID, 1)
                .penalty(new PenaltySpec(0, 0, false, L1Update.SUBGRADIENT, DECAY, null, List.of()))
                .optimizer(OptimizerSpec.of(OptimizerKind.ADAMW, ALPHA)).batchSize(0).shuffle(false).epochs(STEPS)
                .build();
        Network trained = Trainer.warmStart(plan, initial, DATA, null, EngineContext.DEFAULT)
                .run(TrainingListener.NONE, () -> false).model();

        assertThat(Fixtures.relativeError(LogisticRegressionOracleTests.parameters(trained), expected))
                .isLessThan(1e-12);
        assertThat(expected[0]).as("the decay made a difference").isNotCloseTo(
                reference(theta.clone(), 0)[0], org.assertj.core.data.Offset.offset(1e-3));
    }

    private static double[] reference(double[] theta) {
        return reference(theta, DECAY);
    }

    /** Full-batch AdamW on the mean binary cross-entropy of a logistic regression, {@link #STEPS} steps. */
    private static double[] reference(double[] theta, double decay) {
        int n = theta.length;
        double[] m = new double[n];
        double[] v = new double[n];
        double beta1 = 0.9;
        double beta2 = 0.999;
        for (int t = 1; t <= STEPS; t++) {
            double[] g = new double[n];
            for (int i = 0; i < DATA.rows(); i++) {
                double z = theta[3];
                for (int j = 0; j < 3; j++) {
                    z += DATA.features()[i * 3 + j] * theta[j];
                }
                double error = 1 / (1 + Math.exp(-z)) - DATA.targets()[i];
                for (int j = 0; j < 3; j++) {
                    g[j] += error * DATA.features()[i * 3 + j] / DATA.rows();
                }
                g[3] += error / DATA.rows();
            }
            for (int k = 0; k < n; k++) {
                m[k] = beta1 * m[k] + (1 - beta1) * g[k];
                v[k] = beta2 * v[k] + (1 - beta2) * g[k] * g[k];
                double mHat = m[k] / (1 - Math.pow(beta1, t));
                double vHat = v[k] / (1 - Math.pow(beta2, t));
                theta[k] -= ALPHA * mHat / (Math.sqrt(vHat) + 1e-8);
            }
            for (int k = 0; k < 3; k++) { // weights only: the bias is not decayed
                theta[k] -= ALPHA * decay * theta[k];
            }
        }
        return theta;
    }
}
