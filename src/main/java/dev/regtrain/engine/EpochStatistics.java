package dev.regtrain.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Accumulates an epoch's batch statistics and turns them into its {@link EpochMetrics} row. */
final class EpochStatistics {

    /** Running sums over the epoch's mini-batches, as trained. */
    final class Batches {
        private double lossSum;
        private long correct;
        private double squaredErrorSum;
        private int rows;
        private int steps;
        private final double[] gradientNormSums = new double[layers + 1];
        /** Per layer, Σᵢ g[i, j]² of each column j of this step's weight gradient (before any penalty term). */
        private final double[][] columnSquares = new double[layers + 1][];

        void add(Workspace w, double loss) {
            lossSum += loss;
            rows += w.rows;
            if (classification) {
                correct += w.correctCount();
            } else {
                squaredErrorSum += w.squaredErrorSum();
            }
        }

        /**
         * Stores Σᵢ g[i, j]² for the columns [fromColumn, toColumn) of layer {@code layer}'s weight gradient g; the
         * trainer calls it from the part of the update that owns those columns, while they are in cache, and then
         * {@link #addStepNorms} once all columns are in.
         */
        void squareColumns(int layer, double[] gradient, int rows, int fromColumn, int toColumn) {
            double[] squares = columnSquares[layer];
            for (int j = fromColumn; j < toColumn; j++) {
                squares[j] = Norms.squaredL2(gradient, j * rows, (j + 1) * rows);
            }
        }

        /**
         * Counts a step and adds ‖(1/B)·A[l−1]ᵀ·dZ[l]‖_F of each layer, summed over its columns in order: the same
         * value whichever threads squared which columns.
         */
        void addStepNorms() {
            steps++;
            for (int l = 1; l <= layers; l++) {
                double sum = 0;
                for (double square : columnSquares[l]) {
                    sum += square;
                }
                gradientNormSums[l] += Math.sqrt(sum);
            }
        }

        /** The sums as the totals a validation pass gives, so both are turned into metrics by the same formulas. */
        Evaluator.Totals totals() {
            return new Evaluator.Totals(lossSum, correct, squaredErrorSum, rows, outputs);
        }

        private void reset() {
            lossSum = 0;
            correct = 0;
            squaredErrorSum = 0;
            rows = 0;
            steps = 0;
            Arrays.fill(gradientNormSums, 0);
        }
    }

    private final Network network;
    private final Network gradients;
    private final Penalties penalties;
    private final int layers;
    private final int outputs;
    private final boolean classification;
    /** The one set of running sums, reset at the start of every epoch. */
    final Batches batches;

    EpochStatistics(Network network, Network gradients, Penalties penalties) {
        this.network = network;
        this.gradients = gradients;
        this.penalties = penalties;
        this.layers = network.spec().layerCount();
        this.outputs = network.spec().outputs();
        this.classification = network.spec().output().isClassification();
        this.batches = new Batches();
        for (int l = 1; l <= layers; l++) {
            batches.columnSquares[l] = new double[network.spec().units(l)];
        }
    }

    void startEpoch() {
        batches.reset();
    }

    EpochMetrics row(int epoch, double seconds, double learningRate, Batches b, Evaluator.Totals validation) {
        Evaluator.Totals train = b.totals();
        double dataLoss = train.meanLoss();
        double l1 = penalties.l1Value(network);
        double l2 = penalties.l2Value(network);
        Double trainAccuracy = classification ? train.accuracy() : null;
        Double trainRmse = classification ? null : train.rmse();
        Double valLoss = validation == null ? null : validation.meanLoss();
        Double valAccuracy = validation == null || !classification ? null : validation.accuracy();
        Double valRmse = validation == null || classification ? null : validation.rmse();
        return new EpochMetrics(epoch, seconds, learningRate, dataLoss + l1 + l2, dataLoss, l1 + l2, l1, l2,
                trainAccuracy, valLoss, valAccuracy, trainRmse, valRmse, layerMetrics(b));
    }

    private List<LayerMetrics> layerMetrics(Batches b) {
        List<LayerMetrics> rows = new ArrayList<>(layers);
        for (int l = 1; l <= layers; l++) {
            double[] w = network.weights(l).data;
            int zeros = 0;
            int nearZeros = 0;
            for (double v : w) {
                zeros += v == 0.0 ? 1 : 0;
                nearZeros += Math.abs(v) < LayerMetrics.NEAR_ZERO ? 1 : 0;
            }
            double gradientNorm = b.steps == 0 ? Double.NaN : b.gradientNormSums[l] / b.steps;
            rows.add(new LayerMetrics(l, Math.sqrt(Norms.squaredL2(w)), Norms.l1(w), (double) zeros / w.length,
                    (double) nearZeros / w.length, Math.sqrt(Norms.squaredL2(network.biases(l).data)), gradientNorm));
        }
        return rows;
    }
}
