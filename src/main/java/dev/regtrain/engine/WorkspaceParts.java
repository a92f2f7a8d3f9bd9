package dev.regtrain.engine;

import static dev.regtrain.engine.kernel.TaskRunner.firstOf;

import dev.regtrain.engine.kernel.LiveColumns;
import dev.regtrain.engine.kernel.MatrixKernel.ColumnWork;
import dev.regtrain.engine.kernel.MatrixKernel.MatrixProduct;
import dev.regtrain.engine.kernel.TaskRunner;
import java.util.function.IntConsumer;

/**
 * How a workspace's element-wise loops are cut into parts that its runner's threads share: each part works on a
 * contiguous share of the buffer's columns (units), elements or blocks of rows, so every element is computed by
 * exactly one part, with the same result whatever the number of parts. The parts are built once with the
 * workspace; a pass only runs them. The loops that follow a product column by column (bias, activation and dropout
 * after the forward product; dropout and activation after the backward one; the bias gradient beside the weight
 * gradient) are handed to the product instead, when its kernel can take them ({@code computeThen}): each of its
 * parts then runs them on its own columns as soon as it has written them, still in cache, without a second round of
 * parts and the wait for the slowest that each round costs. The bits are the same either way.
 */
final class WorkspaceParts<A> {

    /** Element-wise loops split into parts of at least this many values (a few microseconds of work). */
    static final int PARALLEL_MIN_ELEMENTS = 4096;

    private final Workspace<A> w;
    private final Arithmetic<A> arithmetic;
    private final TaskRunner runner;
    private final int gatherParts;
    private final IntConsumer gatherPart;
    private final int inputParts;
    private final IntConsumer inputDropoutPart;
    private final int[] layerParts;
    private final IntConsumer[] hiddenPart;
    private final ColumnWork[] hiddenColumns;
    private final ColumnWork[] throughActivationColumns;
    private final ColumnWork[] biasGradientColumns;
    private final IntConsumer[] biasGradientPart;
    private final IntConsumer[] throughActivationPart;
    private final IntConsumer[] batchNormBackwardPart;
    private A gatherFeatures;
    private int[] gatherOrder;
    private int gatherFrom;
    private Rng dropoutRng;

    WorkspaceParts(Workspace<A> w, TaskRunner runner) {
        this.w = w;
        this.arithmetic = w.arithmetic;
        this.runner = runner;
        int rows = w.rows;
        NetworkSpec spec = w.spec;
        int blocks = (rows + 7) / 8; // the gather copies eight rows at a time
        this.gatherParts = runner.partsFor(rows * spec.units(0), PARALLEL_MIN_ELEMENTS, blocks);
        this.gatherPart = split(gatherParts, blocks, (fromBlock, toBlock) -> arithmetic.gather(w.input, rows,
                gatherFeatures, spec.units(0), gatherOrder, gatherFrom, fromBlock * 8,
                Math.min(rows, toBlock * 8)));
        int inputs = rows * spec.units(0);
        this.inputParts = runner.partsFor(inputs, PARALLEL_MIN_ELEMENTS, inputs);
        this.inputDropoutPart = split(inputParts, inputs, (from, to) -> arithmetic.drop(w.input,
                w.out[0], w.mask[0], w.dropRate[0], dropoutRng, from, to));
        int layers = w.layers;
        this.layerParts = new int[layers + 1];
        this.hiddenPart = new IntConsumer[layers + 1];
        this.hiddenColumns = new ColumnWork[layers + 1];
        this.throughActivationColumns = new ColumnWork[layers + 1];
        this.biasGradientColumns = new ColumnWork[layers + 1];
        this.biasGradientPart = new IntConsumer[layers + 1];
        this.throughActivationPart = new IntConsumer[layers + 1];
        this.batchNormBackwardPart = new IntConsumer[layers + 1];
        for (int l = 1; l <= layers; l++) {
            int layer = l;
            int units = spec.units(l);
            layerParts[l] = runner.partsFor(rows * units, PARALLEL_MIN_ELEMENTS, units);
            int parts = layerParts[l];
            if (l < layers) { // the output layer has its own loops (bias, output activation, loss)
                hiddenColumns[l] = (from, to) -> hidden(layer, from, to);
                hiddenPart[l] = split(parts, units, hiddenColumns[l]);
            }
            if (w.gradients != null) {
                biasGradientColumns[l] = (from, to) -> arithmetic.columnSums(w.delta[layer],
                        w.gradients.biases(layer), rows, from, to);
                biasGradientPart[l] = split(parts, units, biasGradientColumns[l]);
            }
            if (w.gradients != null && spec.batchNorm(l)) {
                batchNormBackwardPart[l] = split(parts, units, (from, to) -> arithmetic.batchNormBackward(w.delta[layer],
                        w.normalized[layer], w.network.gamma(layer), w.inverseStd[layer],
                        w.gradients.gamma(layer), w.gradients.beta(layer), rows, from, to));
            }
            if (w.gradients != null && l < layers) {
                throughActivationColumns[l] = (from, to) -> arithmetic.throughDropoutAndActivation(w.delta[layer],
                        w.mask[layer], spec.activation(layer), w.act[layer], from * rows, to * rows);
                throughActivationPart[l] = split(parts, units, throughActivationColumns[l]);
            }
        }
    }

    /**
     * Part i of {@code parts} runs {@code range} on its contiguous share of the {@code pieces} (columns, elements or
     * blocks of rows; TaskRunner.firstOf).
     */
    private static IntConsumer split(int parts, int pieces, ColumnWork range) {
        return part -> range.apply(firstOf(part, parts, pieces), firstOf(part + 1, parts, pieces));
    }

    /** Copies rows {@code order[from..from+rows)} of the features ({@link Arithmetic#features}) into the input buffer. */
    void gather(A features, int[] order, int from) {
        gatherFeatures = features;
        gatherOrder = order;
        gatherFrom = from;
        runner.run(gatherParts, gatherPart);
        gatherFeatures = null;
        gatherOrder = null;
    }

    /** Inverted dropout on the inputs, out[0] = x ⊙ M/(1 − p). */
    void dropInputs(Rng dropout) {
        dropoutRng = dropout;
        runner.run(inputParts, inputDropoutPart);
        dropoutRng = null;
    }

    /**
     * Lists the live columns of out[0] (the inputs after dropout), when anything reads them, on the calling thread:
     * most columns stop at their first value, and a round of parts would cost more than the scan.
     */
    void findLiveInputs() {
        LiveColumns live = w.liveColumns[0];
        if (live != null) {
            markLive(0, 0, live.width());
            live.collect();
        }
    }

    /**
     * Hidden layer l: its product z = out[l−1]·W[l], then bias, activation and, with a generator, dropout, on each
     * part's columns as soon as the product has written them (or in parts of their own after it, with a kernel that
     * cannot hand them over); then the list of its live units, when anything reads it.
     */
    void hidden(int l, MatrixProduct product, Rng dropout) {
        dropoutRng = dropout;
        try {
            if (!product.computeThen(hiddenColumns[l])) {
                product.compute();
                runner.run(layerParts[l], hiddenPart[l]);
            }
        } finally {
            dropoutRng = null;
        }
        if (w.liveColumns[l] != null) {
            w.liveColumns[l].collect();
        }
    }

    /** Marks which of the columns [fromColumn, toColumn) of out[l] hold a non-zero, when anything reads them. */
    private void markLive(int l, int fromColumn, int toColumn) {
        LiveColumns live = w.liveColumns[l];
        if (live != null) {
            int rows = w.rows;
            A values = w.out[l];
            for (int j = fromColumn; j < toColumn; j++) {
                live.mark(j, arithmetic.anyNonZero(values, j * rows, (j + 1) * rows));
            }
        }
    }

    /**
     * The backward product into δ[l] (its columns {@code live[0..count)}, or all of them when {@code live} is null),
     * then δ[l] ⊙ M/(1 − p) ⊙ g'(z) on each part's columns as soon as the product has written them.
     */
    void backwardThroughActivation(int l, MatrixProduct product, int[] live, int count) {
        boolean handedOver = live == null ? product.computeThen(throughActivationColumns[l])
                : product.computeColumnsThen(live, count, throughActivationColumns[l]);
        if (!handedOver) {
            if (live == null) {
                product.compute();
            } else {
                product.computeColumns(live, count);
            }
            runner.run(layerParts[l], throughActivationPart[l]);
        }
    }

    /**
     * The weight gradient's product dW[l] = out[l−1]ᵀ·δ[l], then db[l] = Σᵢ δ[l]ᵢ over each part's columns (units of
     * layer l) once the product has used them.
     */
    void weightAndBiasGradient(int l, MatrixProduct product) {
        if (!product.computeThen(biasGradientColumns[l])) {
            product.compute();
            runner.run(layerParts[l], biasGradientPart[l]);
        }
    }

    /** dγ[l], dβ[l] and δ[l] from the gradient at y = γ·ẑ + β to the gradient at z[l] ({@link BatchNorm}). */
    void batchNormBackward(int l) {
        runner.run(layerParts[l], batchNormBackwardPart[l]);
    }

    /**
     * Layer l after its product, for the columns [fromColumn, toColumn): bias (or batch normalisation), activation,
     * dropout; with a unit-activity record, what the units did, while the columns are in cache.
     */
    private void hidden(int l, int fromColumn, int toColumn) {
        int rows = w.rows;
        A z = w.act[l];
        if (!w.spec.batchNorm(l)) {
            arithmetic.addBias(z, w.network.biases(l), rows, fromColumn, toColumn);
        } else if (w.batchStatistics) {
            arithmetic.batchNormForward(z, w.normalized[l], w.network.gamma(l), w.network.beta(l), w.batchMean[l],
                    w.batchVariance[l], w.inverseStd[l], rows, fromColumn, toColumn);
        } else {
            arithmetic.batchNormRunning(z, w.network.gamma(l), w.network.beta(l), w.network.runningMean(l),
                    w.network.runningVariance(l), rows, fromColumn, toColumn);
        }
        UnitActivity<A> activity = w.activity;
        if (activity != null) {
            activity.beforeActivation(l, z, rows, fromColumn, toColumn);
        }
        arithmetic.activate(w.spec.activation(l), z, fromColumn * rows, toColumn * rows);
        if (activity != null) {
            activity.afterActivation(l, z, rows, fromColumn, toColumn);
        }
        if (w.mask[l] != null) {
            arithmetic.drop(w.act[l], w.out[l], w.mask[l], w.dropRate[l], dropoutRng, fromColumn * rows,
                    toColumn * rows);
        }
        markLive(l, fromColumn, toColumn);
    }
}
