package dev.regtrain.engine;

import dev.regtrain.engine.kernel.MatrixKernel;
import dev.regtrain.engine.kernel.TaskRunner;
import static dev.regtrain.engine.kernel.TaskRunner.firstOf;

import dev.regtrain.engine.kernel.MatrixKernel.MatrixProduct;
import java.util.function.IntConsumer;
import org.ojalgo.matrix.store.R064Store;

/**
 * Every buffer one forward and backward pass over {@code rows} examples needs, allocated once. Buffers are
 * column-major rows × units. Layer l reads out[l−1] (the previous activation after dropout) and writes act[l]; the
 * output layer writes its logits and then act[L] = a. With gradients bound, the backward pass fills them with the
 * mean data gradient of the batch, (1/B)·out[l−1]ᵀ·δ[l] and (1/B)·Σᵢ δ[l]ᵢ, where δ[L] = a − y.
 */
final class Workspace {

    /** Element-wise loops split into parts of at least this many values (a few microseconds of work). */
    static final int PARALLEL_MIN_ELEMENTS = 4096;

    final int rows;
    private final NetworkSpec spec;
    private final Network network;
    private final int layers;
    final R064Store input;
    final R064Store targets;
    final R064Store logits;
    private final R064Store[] act;
    private final R064Store[] out;
    private final double[][] mask;
    private final double[] dropRate;
    /** Whether any layer's output is dropped, so that a forward pass needs a generator. */
    private final boolean drops;
    private final R064Store[] delta;
    private final Network gradients;
    private final MatrixProduct[] forwardProducts;
    private final MatrixProduct[] weightGradientProducts;
    private final MatrixProduct[] backwardProducts;
    private final TaskRunner runner;
    private final int gatherParts;
    private final int inputParts;
    private final int[] layerParts;
    private final IntConsumer gatherPart;
    private final IntConsumer inputDropoutPart;
    private final IntConsumer[] hiddenPart;
    private final IntConsumer[] biasGradientPart;
    private final IntConsumer[] throughActivationPart;
    /**
     * For a relu layer l, the units whose out[l] is not zero for the whole batch (the rest are flat or dropped, and
     * their δ is multiplied by zero), filled before the backward product that computes δ[l]; null for other layers.
     */
    private final int[][] liveUnits;
    private Examples gatherData;
    private int[] gatherOrder;
    private int gatherFrom;
    private Rng dropoutRng;

    /** A workspace whose element-wise loops run on the calling thread. */
    Workspace(Network network, int rows, double[] dropRates, Network gradients, MatrixKernel kernel) {
        this(network, rows, dropRates, gradients, kernel, TaskRunner.SEQUENTIAL);
    }

    /**
     * @param dropRates drop probability for out[l], l = 0..L−1 (inputs, then each hidden layer), or null for none
     * @param gradients where the backward pass writes, or null for a forward-only workspace
     * @param runner threads that may share a layer's element-wise loops (with the same result on every element)
     */
    Workspace(Network network, int rows, double[] dropRates, Network gradients, MatrixKernel kernel,
              TaskRunner runner) {
        this.spec = network.spec();
        this.network = network;
        this.rows = rows;
        this.layers = spec.layerCount();
        this.gradients = gradients;
        this.input = store(spec.units(0));
        this.targets = store(spec.outputs());
        this.logits = store(spec.outputs());
        this.act = new R064Store[layers + 1];
        this.out = new R064Store[layers];
        this.mask = new double[layers][];
        this.dropRate = new double[layers];
        out[0] = input;
        for (int l = 1; l <= layers; l++) {
            act[l] = store(spec.units(l));
            if (l < layers) {
                out[l] = act[l];
            }
        }
        boolean anyDropped = false;
        for (int l = 0; l < layers && dropRates != null; l++) {
            dropRate[l] = dropRates[l];
            if (dropRate[l] > 0) {
                out[l] = store(spec.units(l));
                mask[l] = new double[rows * spec.units(l)];
                anyDropped = true;
            }
        }
        this.drops = anyDropped;
        this.forwardProducts = new MatrixProduct[layers + 1];
        for (int l = 1; l <= layers; l++) {
            R064Store target = l == layers ? logits : act[l];
            forwardProducts[l] = kernel.bind(target, out[l - 1], false, network.weights(l), false);
        }
        this.delta = new R064Store[layers + 1];
        this.weightGradientProducts = new MatrixProduct[layers + 1];
        this.backwardProducts = new MatrixProduct[layers + 1];
        if (gradients != null) {
            for (int l = 1; l <= layers; l++) {
                delta[l] = store(spec.units(l));
            }
            for (int l = 1; l <= layers; l++) {
                weightGradientProducts[l] = kernel.bind(gradients.weights(l), out[l - 1], true, delta[l], false);
                if (l > 1) {
                    backwardProducts[l] = kernel.bind(delta[l - 1], delta[l], false, network.weights(l), true);
                }
            }
        }
        this.runner = runner;
        int blocks = (rows + 7) / 8; // the gather copies eight rows at a time
        this.gatherParts = runner.partsFor(rows * spec.units(0), PARALLEL_MIN_ELEMENTS, blocks);
        this.gatherPart = split(gatherParts, blocks, (fromBlock, toBlock) -> LayerLoops.gather(input.data, rows,
                gatherData.features(), gatherData.inputs(), gatherOrder, gatherFrom, fromBlock * 8,
                Math.min(rows, toBlock * 8)));
        int inputs = rows * spec.units(0);
        this.inputParts = runner.partsFor(inputs, PARALLEL_MIN_ELEMENTS, inputs);
        this.inputDropoutPart = split(inputParts, inputs, (from, to) -> LayerLoops.drop(input.data, out[0].data,
                mask[0], dropRate[0], dropoutRng, from, to));
        this.layerParts = new int[layers + 1];
        this.hiddenPart = new IntConsumer[layers + 1];
        this.biasGradientPart = new IntConsumer[layers + 1];
        this.throughActivationPart = new IntConsumer[layers + 1];
        this.liveUnits = new int[layers + 1][];
        for (int l = 1; l <= layers; l++) {
            int layer = l;
            int units = spec.units(l);
            layerParts[l] = runner.partsFor(rows * units, PARALLEL_MIN_ELEMENTS, units);
            int parts = layerParts[l];
            if (l < layers) { // the output layer has its own loops (bias, output activation, loss)
                hiddenPart[l] = split(parts, units, (from, to) -> hidden(layer, from, to));
            }
            if (gradients != null) {
                biasGradientPart[l] = split(parts, units, (from, to) -> LayerLoops.columnSums(delta[layer].data,
                        gradients.biases(layer).data, rows, from, to));
            }
            if (gradients != null && l < layers && spec.activation(l) == Activation.RELU) {
                liveUnits[l] = new int[units];
            }
            if (gradients != null && l < layers) {
                throughActivationPart[l] = split(parts, units, (from, to) -> LayerLoops.throughDropoutAndActivation(
                        delta[layer].data, mask[layer], spec.activation(layer), act[layer].data, from * rows,
                        to * rows));
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

    /** Layer l after its product, for the columns [fromColumn, toColumn): bias, activation, dropout. */
    private void hidden(int l, int fromColumn, int toColumn) {
        LayerLoops.addBias(act[l].data, network.biases(l).data, rows, fromColumn, toColumn);
        spec.activation(l).applyInPlace(act[l].data, fromColumn * rows, toColumn * rows);
        if (mask[l] != null) {
            LayerLoops.drop(act[l].data, out[l].data, mask[l], dropRate[l], dropoutRng, fromColumn * rows,
                    toColumn * rows);
        }
    }

    private R064Store store(int columns) {
        return R064Store.FACTORY.make(rows, columns);
    }

    /** Copies rows {@code order[from..from+rows)} of the examples into the input and target buffers. */
    void gather(Examples data, int[] order, int from) {
        gatherData = data;
        gatherOrder = order;
        gatherFrom = from;
        runner.run(gatherParts, gatherPart);
        LayerLoops.gather(targets.data, rows, data.targets(), data.outputs(), order, from, 0, rows);
        gatherData = null;
        gatherOrder = null;
    }

    /**
     * Forward pass. With a generator, dropout draws a fresh mask M ~ Bernoulli(1 − p) per unit and example and
     * applies a ← a ⊙ M / (1 − p); without one (inference) nothing is dropped or rescaled.
     */
    void forward(Rng dropout) {
        if (dropout == null && drops) {
            throw new IllegalStateException("dropout needs a random generator");
        }
        dropoutRng = dropout;
        if (mask[0] != null) {
            runner.run(inputParts, inputDropoutPart);
            dropout.advance(mask[0].length);
        }
        for (int l = 1; l <= layers; l++) {
            forwardProducts[l].compute();
            if (l < layers) {
                runner.run(layerParts[l], hiddenPart[l]);
                if (mask[l] != null) {
                    dropout.advance(mask[l].length);
                }
            } else {
                LayerLoops.addBias(logits.data, network.biases(l).data, rows, 0, spec.outputs());
                spec.output().activate(logits.data, act[l].data, rows, spec.outputs());
            }
        }
        dropoutRng = null;
    }

    /** Backward pass after {@link #forward}: fills the bound gradients with the batch's mean data gradient. */
    void backward() {
        double[] a = act[layers].data;
        double[] y = targets.data;
        double[] d = delta[layers].data;
        double inverseRows = 1.0 / rows;
        for (int i = 0; i < d.length; i++) {
            d[i] = (a[i] - y[i]) * inverseRows; // ∂(mean ℓ)/∂z = (a − y)/B
        }
        for (int l = layers; l >= 1; l--) {
            weightGradientProducts[l].compute(); // dW[l] = out[l−1]ᵀ·δ[l]
            runner.run(layerParts[l], biasGradientPart[l]); // db[l] = Σᵢ δ[l]ᵢ
            if (l > 1) {
                computeBackward(l); // δ[l−1] = δ[l]·W[l]ᵀ, the gradient at out[l−1]
                // through the dropout (⊙ M/(1 − p)) and the activation (⊙ g'(z))
                runner.run(layerParts[l - 1], throughActivationPart[l - 1]);
            }
        }
    }

    /**
     * δ[l−1] = δ[l]·W[l]ᵀ; behind a relu layer only for its live units: a unit whose out[l−1] is zero in every row
     * has, in every row, relu's derivative or the dropout mask at zero, so its column of δ[l−1] becomes zeros
     * whatever the product gives, and the kernel may skip it (the same bits downstream; only a product that had
     * overflowed, from weights or gradients that already had, would have left NaNs there instead).
     */
    private void computeBackward(int l) {
        int[] live = liveUnits[l - 1];
        if (live == null) {
            backwardProducts[l].compute();
            return;
        }
        double[] values = out[l - 1].data;
        int count = 0;
        for (int j = 0; j < live.length; j++) {
            live[count] = j;
            count += LayerLoops.anyNonZero(values, j * rows, (j + 1) * rows) ? 1 : 0;
        }
        backwardProducts[l].computeColumns(live, count);
    }

    /** Σ over the rows of ℓ(a, y) after a forward pass. */
    double lossSum() {
        return spec.output().lossSum(logits.data, targets.data, rows, spec.outputs());
    }

    /** Number of rows whose predicted class matches the target's (argmax, or a ≥ ½ for one sigmoid unit). */
    int correctCount() {
        int units = spec.outputs();
        double[] a = act[layers].data;
        double[] y = targets.data;
        int correct = 0;
        for (int i = 0; i < rows; i++) {
            if (units == 1) {
                correct += (a[i] >= 0.5) == (y[i] >= 0.5) ? 1 : 0;
            } else {
                correct += argmax(a, i, units) == argmax(y, i, units) ? 1 : 0;
            }
        }
        return correct;
    }

    private int argmax(double[] values, int row, int units) {
        int best = 0;
        for (int k = 1; k < units; k++) {
            if (values[row + k * rows] > values[row + best * rows]) {
                best = k;
            }
        }
        return best;
    }

    /** Σ over rows and outputs of (a − y)². */
    double squaredErrorSum() {
        double[] a = act[layers].data;
        double[] y = targets.data;
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double e = a[i] - y[i];
            sum += e * e;
        }
        return sum;
    }

    /** act[l]: layer l's activation before dropout (for tests and inspection). */
    double[] activation(int layer) {
        return act[layer].data;
    }

    /** out[l]: what layer l + 1 reads, after dropout. */
    double[] layerOutput(int layer) {
        return out[layer].data;
    }

    /** The output activations a (rows × outputs, column-major) of the last forward pass. */
    double[] outputs() {
        return act[layers].data;
    }
}
