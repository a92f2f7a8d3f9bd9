package dev.regtrain.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A 2-2-1 network (relu hidden, sigmoid output) trained for two SGD steps on one example, worked out by hand.
 * x = (1, 2), y = 1, m = B = 1, α = 0.5, L2 with λ = 0.1 (so λ/m = 0.1), biases start at 0 and are not penalised.
 * W[1] = [[0.1, −0.2], [0.3, 0.4]] (row i = input i, column j = unit j), W[2] = [[0.5], [−0.6]].
 */
class GoldenExampleTests {

    private static final double TOLERANCE = 1e-15;

    private final NetworkSpec spec = new NetworkSpec(2, List.of(new LayerSpec(2, Activation.RELU)), Output.SIGMOID, 1,
            Initialization.HE);
    private final Examples example = new Examples(new double[] {1, 2}, new double[] {1}, 1, 2, 1);

    private TrainingOutcome trainTwoSteps(List<EpochMetrics> rows) {
        // Column-major: W[1] column j holds the incoming weights of unit j.
        Network initial = Network.of(spec, new double[][] {{0.1, 0.3, -0.2, 0.4}, {0, 0}, {0.5, -0.6}, {0}});
        TrainingPlan plan = Fixtures.aPlan(2, Output.SIGMOID, 1).hidden(2, Activation.RELU)
                .optimizer(OptimizerSpec.sgd(0.5)).l2(0.1).batchSize(0).epochs(2).shuffle(false).build();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onEpoch(EpochMetrics row, LiveState state) {
                rows.add(row);
            }
        };
        return Trainer.warmStart(plan, initial, example, null, EngineContext.DEFAULT).run(listener, () -> false);
    }

    @Test
    void twoStepsMatchTheHandComputation() {
        List<EpochMetrics> rows = new ArrayList<>();
        Network after = trainTwoSteps(rows).model();

        // Step 1, forward: z[1] = x·W[1] = (1·0.1 + 2·0.3, 1·(−0.2) + 2·0.4) = (0.7, 0.6); a[1] = relu = (0.7, 0.6).
        // z[2] = 0.7·0.5 + 0.6·(−0.6) = −0.01; a[2] = σ(−0.01) = 0.497500020833125.
        // ℓ = log(1 + e^0.01) = 0.698159680507862 (y = 1).
        // Backward: dz[2] = a − y = −0.502499979166875.
        //   dW[2] = a[1]ᵀ·dz[2] = (0.7, 0.6)·(−0.5025) = (−0.351749985416813, −0.301499987500125); db[2] = −0.5025.
        //   da[1] = dz[2]·W[2]ᵀ = (−0.251249989583438, 0.301499987500125); both units active, so dz[1] = da[1].
        //   dW[1] = xᵀ·dz[1] = [[−0.251249989583438, 0.301499987500125], [−0.502499979166875, 0.602999975000250]].
        // Update W ← W − α·(dW + (λ/m)·W), b ← b − α·db:
        //   W[1][0][0] = 0.1 − 0.5·(−0.2512499896 + 0.01) = 0.220624994791719
        //   W[1][1][0] = 0.3 − 0.5·(−0.5024999792 + 0.03) = 0.536249989583438
        //   W[1][0][1] = −0.2 − 0.5·(0.3014999875 − 0.02) = −0.340749993750063
        //   W[1][1][1] = 0.4 − 0.5·(0.6029999750 + 0.04) = 0.078500012499875
        //   b[1] = (0.125624994791719, −0.150749993750063); W[2] = (0.650874992708406, −0.419250006249937);
        //   b[2] = 0.251249989583438.
        // Step 2, forward: z[1] = (0.2206 + 2·0.5362 + 0.1256, −0.3407 + 2·0.0785 − 0.1507) = (1.41874996875031,
        // −0.334499962500375): unit 2 is now off. z[2] = 1.41875·0.650875 + 0.251250 = 1.17467886514885;
        // a[2] = 0.763989701061956; ℓ = log(1 + e^−1.17468) = 0.269200970191874.
        // Backward: dz[2] = −0.236010298938044; dW[2] = (−0.334839604243102, 0); dz[1] = (−0.153613201600408, 0).
        //   dW[1] = [[−0.153613201600408, 0], [−0.307226403200816, 0]].
        // Update: unit 2's incoming weights only decay, W ← (1 − αλ/m)·W = 0.95·W:
        //   W[1] = [[0.286400345852337, −0.323712494062559], [0.663050691704674, 0.074575011874881]]
        //   b[1] = (0.202431595591923, −0.150749993750063); W[2] = (0.785751045194537, −0.398287505937441);
        //   b[2] = 0.369255139052459.
        double[][] expected = {
            {0.28640034585233687, 0.6630506917046737, -0.3237124940625594, 0.07457501187488123},
            {0.2024315955919228, -0.1507499937500625},
            {0.7857510451945368, -0.3982875059374406},
            {0.36925513905245944}};
        for (int p = 0; p < expected.length; p++) {
            double[] actual = after.parameters().get(p).values();
            for (int i = 0; i < expected[p].length; i++) {
                assertThat(actual[i]).as("%s[%d]", after.parameters().get(p), i).isCloseTo(expected[p][i], within(TOLERANCE));
            }
        }
    }

    @Test
    void metricsRowsCarryTheDataLossAsTrainedAndThePenaltyAtTheEndOfTheEpoch() {
        List<EpochMetrics> rows = new ArrayList<>();
        trainTwoSteps(rows);

        // Epoch 1: ℓ before the step; penalty (λ/(2m))·Σw² after it, over W[1] and W[2] only:
        // 0.05·(0.2206² + 0.5362² + 0.3407² + 0.0785² + 0.6509² + 0.4193²) = 0.0528960536865986.
        assertThat(rows.get(0).trainDataLoss()).isCloseTo(0.6981596805078623, within(1e-15));
        assertThat(rows.get(0).l2Penalty()).isCloseTo(0.05289605368659858, within(1e-15));
        assertThat(rows.get(0).trainLoss()).isCloseTo(0.6981596805078623 + 0.05289605368659858, within(1e-15));
        assertThat(rows.get(0).trainAccuracy()).isEqualTo(0.0); // a = 0.4975 < ½ while y = 1
        assertThat(rows.get(1).trainDataLoss()).isCloseTo(0.2692009701918741, within(1e-15));
        assertThat(rows.get(1).trainAccuracy()).isEqualTo(1.0);
        // Step 2's data gradient of W[1] is [[−0.1536, 0], [−0.3072, 0]]: its Frobenius norm.
        assertThat(rows.get(1).layers().get(0).gradientNorm())
                .isCloseTo(Math.hypot(0.15361320160040806, 0.3072264032008161), within(1e-15));
    }
}
