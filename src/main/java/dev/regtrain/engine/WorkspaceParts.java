package dev.regtrain.engine;

import static dev.regtrain.engine.kernel.TaskRunner.firstOf;

import dev.regtrain.engine.kernel.TaskRunner;
import java.util.function.IntConsumer;

/**
 * How a workspace's element-wise loops are cut into parts that its runner's threads share: each part works on a
 * contiguous share of the buffer's columns (units), elements or blocks of rows, so every element is computed by
 * exactly one part, with the same result whatever the number of parts. The parts are built once with the
 * workspace; a pass only runs them.
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
        this.biasGradientPart = new IntConsumer[layers + 1];
        this.throughActivationPart = new IntConsumer[layers + 1];
        this.batchNormBackwardPart = new IntConsumer[layers + 1];
        for (int l = 1; l <= layers; l++) {
            int layer = l;
            int units = spec.units(l);
            layerParts[l] = runner.partsFor(rows * units, PARALLEL_MIN_ELEMENTS, units);
            int parts = layerParts[l];
            if (l < layers) { // the output layer has its own loops (bias, output activation, loss)
                hiddenPart[l] = split(parts, units, (from, to) -> hidden(layer, from, to));
            }
            if (w.gradients != null) {
                biasGradientPart[l] = split(parts, units, (from, to) -> arithmetic.columnSums(w.delta[layer],
                        w.gradients.biases(layer), rows, from, to));
            }
            if (w.gradients != null && spec.batchNorm(l)) {
                batchNormBackwardPart[l] = split(parts, units, (from, to) -> arithmetic.batchNormBackward(w.delta[layer],
                        w.normalized[layer], w.network.gamma(layer), w.inverseStd[layer],
                        w.gradients.gamma(layer), w.gradients.beta(layer), rows, from, to));
            }
            if (w.gradients != null && l < layers) {
                throughActivationPart[l] = split(parts, units, (from, to) -> arithmetic.throughDropoutAndActivation(
                        w.delta[layer], w.mask[layer], spec.activation(layer), w.act[layer], from * rows, to * rows));
            }
        }
    }

    /** Work on the pieces (columns, elements, blocks of rows) [from, to) of a buffer. */
    @FunctionalInterface
    private interface Range {
        void apply(int from, int to);
    }

    /** Part i of {@code parts} runs {@code range} on its contiguous share of the {@code pieces} (TaskRunner.firstOf). */
    private static IntConsumer split(int parts, int pieces, Range range) {
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

    /** Hidden layer l after its product: bias, activation and, with a generator, dropout. */
    void hidden(int l, Rng dropout) {
        dropoutRng = dropout;
        runner.run(layerParts[l], hiddenPart[l]);
        dropoutRng = null;
    }

    /** db[l] = Σᵢ δ[l]ᵢ. */
    void biasGradient(int l) {
        runner.run(layerParts[l], biasGradientPart[l]);
    }

    /** dγ[l], dβ[l] and δ[l] from the gradient at y = γ·ẑ + β to the gradient at z[l] ({@link BatchNorm}). */
    void batchNormBackward(int l) {
        runner.run(layerParts[l], batchNormBackwardPart[l]);
    }

    /** δ[l] ⊙ M/(1 − p) ⊙ g'(z): from the gradient at out[l] to the gradient at z[l]. */
    void throughDropoutAndActivation(int l) {
        runner.run(layerParts[l], throughActivationPart[l]);
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
    }
}
