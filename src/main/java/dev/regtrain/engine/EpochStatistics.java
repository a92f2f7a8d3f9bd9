package dev.regtrain.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Accumulates an epoch's mini-batch statistics, as trained, and turns them into its {@link EpochMetrics} row; the
 * data sums are kept as a validation pass keeps them ({@link Evaluator.Sums}), so both go through the same formulas.
 */
final class EpochStatistics<A> {

    private final NetworkValues<A> network;
    private final Arithmetic<A> arithmetic;
    private final Penalties penalties;
    private final int layers;
    private final boolean classification;
    private final Evaluator.Sums data;
    private int steps;
    private final double[] gradientNormSums;
    /** Per layer, Σᵢ g[i, j]² of each column j of this step's weight gradient (before any penalty term). */
    private final double[][] columnSquares;
    /** What the hidden units did this epoch; the training workspaces record into it. */
    final UnitActivity<A> activity;
    /** The index of W[l] in {@link Network#blocks()}, per layer. */
    private final int[] weightBlocks;

    EpochStatistics(NetworkValues<A> network, Penalties penalties) {
        this.network = network;
        this.arithmetic = network.arithmetic();
        this.penalties = penalties;
        NetworkSpec spec = network.spec();
        this.layers = spec.layerCount();
        this.classification = spec.output().isClassification();
        this.data = new Evaluator.Sums(spec);
        this.gradientNormSums = new double[layers + 1];
        this.columnSquares = new double[layers + 1][];
        for (int l = 1; l <= layers; l++) {
            columnSquares[l] = new double[spec.units(l)];
        }
        this.activity = new UnitActivity<>(spec, arithmetic);
        this.weightBlocks = new int[layers + 1];
        List<NetworkValues.Block<A>> blocks = network.blocks();
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).isWeights()) {
                weightBlocks[blocks.get(i).layer()] = i;
            }
        }
    }

    /** Resets the sums at the start of an epoch. */
    void startEpoch() {
        data.reset();
        steps = 0;
        Arrays.fill(gradientNormSums, 0);
        activity.reset();
    }

    /** Adds a mini-batch's data loss and predictions after its forward pass. */
    void add(Workspace<A> w, double loss) {
        data.add(w, loss);
        activity.addRows(w.rows);
    }

    /**
     * Stores Σᵢ g[i, j]² for the columns [fromColumn, toColumn) of layer {@code layer}'s weight gradient g
     * ({@code gradientRows} values per column); the trainer calls it from the part of the update that owns those
     * columns, while they are in cache, and then {@link #addStepNorms} once all columns are in.
     */
    void squareColumns(int layer, A gradient, int gradientRows, int fromColumn, int toColumn) {
        double[] squares = columnSquares[layer];
        for (int j = fromColumn; j < toColumn; j++) {
            squares[j] = arithmetic.squaredL2(gradient, j * gradientRows, (j + 1) * gradientRows);
        }
    }

    /**
     * Counts a step and adds ‖(1/B)·A[l−1]ᵀ·dZ[l]‖_F of each layer, summed over its columns in order: the same value
     * whichever threads squared which columns.
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

    /**
     * The epoch's row.
     *
     * @param trainObjective J at the end-of-epoch weights, or null when nothing monitors it
     * @param epochStart the values at the start of the epoch, for the update ratios
     */
    EpochMetrics row(int epoch, double seconds, double learningRate, Evaluator.Totals validation,
                     Double trainObjective, ParameterCopy<A> epochStart) {
        Evaluator.Totals train = data.totals();
        double dataLoss = train.meanLoss();
        double l1 = penalties.l1Value(network);
        double l2 = penalties.l2Value(network);
        Double trainAccuracy = classification ? train.accuracy() : null;
        Double trainRmse = classification ? null : train.rmse();
        Double valLoss = validation == null ? null : validation.meanLoss();
        Double valAccuracy = validation == null || !classification ? null : validation.accuracy();
        Double valRmse = validation == null || classification ? null : validation.rmse();
        return new EpochMetrics(epoch, seconds, learningRate, dataLoss + l1 + l2, dataLoss, l1 + l2, l1, l2,
                trainAccuracy, valLoss, valAccuracy, trainRmse, valRmse, trainObjective, layerMetrics(epochStart));
    }

    /** J's penalty terms at the current weights. */
    double penalty() {
        return penalties.l1Value(network) + penalties.l2Value(network);
    }

    private List<LayerMetrics> layerMetrics(ParameterCopy<A> epochStart) {
        List<LayerMetrics> rows = new ArrayList<>(layers);
        for (int l = 1; l <= layers; l++) {
            A w = network.weights(l);
            int length = arithmetic.length(w);
            long[] zeros = arithmetic.zeroCounts(w, LayerMetrics.NEAR_ZERO);
            double gradientNorm = steps == 0 ? Double.NaN : gradientNormSums[l] / steps;
            A shift = network.shift(l);
            rows.add(new LayerMetrics(l, Math.sqrt(arithmetic.squaredL2(w, 0, length)), arithmetic.l1(w),
                    (double) zeros[0] / length, (double) zeros[1] / length,
                    Math.sqrt(arithmetic.squaredL2(shift, 0, arithmetic.length(shift))), gradientNorm,
                    updateRatio(w, epochStart.block(weightBlocks[l])), activity.deadFraction(l),
                    activity.saturatedFraction(l)));
        }
        return rows;
    }

    /** ‖W_end − W_start‖_F / ‖W_start‖_F, or null when W_start is all zeros. */
    private Double updateRatio(A end, A start) {
        double difference = arithmetic.squaredDistance(end, start);
        double norm = arithmetic.squaredL2(start, 0, arithmetic.length(start));
        return norm == 0 ? null : Math.sqrt(difference / norm);
    }
}
