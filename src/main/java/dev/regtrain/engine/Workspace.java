package dev.regtrain.engine;

import dev.regtrain.engine.kernel.MatrixKernel;
import dev.regtrain.engine.kernel.TaskRunner;
import dev.regtrain.engine.kernel.MatrixKernel.MatrixProduct;
import org.ojalgo.matrix.store.R064Store;

/**
 * Every buffer one forward and backward pass over {@code rows} examples needs, allocated once. Buffers are
 * column-major rows × units. Layer l reads out[l−1] (the previous activation after dropout) and writes act[l]; the
 * output layer writes its logits and then act[L] = a. With gradients bound, the backward pass fills them with the
 * mean data gradient of the batch, (1/B)·out[l−1]ᵀ·δ[l] and (1/B)·Σᵢ δ[l]ᵢ, where δ[L] = a − y.
 */
final class Workspace {

    final int rows;
    final NetworkSpec spec;
    final Network network;
    final int layers;
    final R064Store input;
    final R064Store targets;
    final R064Store logits;
    final R064Store[] act;
    final R064Store[] out;
    final double[][] mask;
    final double[] dropRate;
    /** Whether any layer's output is dropped, so that a forward pass needs a generator. */
    private final boolean drops;
    final R064Store[] delta;
    final Network gradients;
    private final MatrixProduct[] forwardProducts;
    private final MatrixProduct[] weightGradientProducts;
    private final MatrixProduct[] backwardProducts;
    private final WorkspaceParts parts;
    /**
     * For a relu layer l, the units whose out[l] is not zero for the whole batch (the rest are flat or dropped, and
     * their δ is multiplied by zero), filled before the backward product that computes δ[l]; null for other layers.
     */
    private final int[][] liveUnits;

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
        this.liveUnits = new int[layers + 1][];
        for (int l = 1; l < layers && gradients != null; l++) {
            if (spec.activation(l) == Activation.RELU) {
                liveUnits[l] = new int[spec.units(l)];
            }
        }
        this.parts = new WorkspaceParts(this, runner);
    }

    private R064Store store(int columns) {
        return R064Store.FACTORY.make(rows, columns);
    }

    /** Copies rows {@code order[from..from+rows)} of the examples into the input and target buffers. */
    void gather(Examples data, int[] order, int from) {
        parts.gather(data, order, from);
        LayerLoops.gather(targets.data, rows, data.targets(), data.outputs(), order, from, 0, rows);
    }

    /**
     * Forward pass. With a generator, dropout draws a fresh mask M ~ Bernoulli(1 − p) per unit and example and
     * applies a ← a ⊙ M / (1 − p); without one (inference) nothing is dropped or rescaled.
     */
    void forward(Rng dropout) {
        if (dropout == null && drops) {
            throw new IllegalStateException("dropout needs a random generator");
        }
        if (mask[0] != null) {
            parts.dropInputs(dropout);
            dropout.advance(mask[0].length);
        }
        for (int l = 1; l <= layers; l++) {
            forwardProducts[l].compute();
            if (l < layers) {
                parts.hidden(l, dropout);
                if (mask[l] != null) {
                    dropout.advance(mask[l].length);
                }
            } else {
                LayerLoops.addBias(logits.data, network.biases(l).data, rows, 0, spec.outputs());
                spec.output().activate(logits.data, act[l].data, rows, spec.outputs());
            }
        }
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
            parts.biasGradient(l); // db[l] = Σᵢ δ[l]ᵢ
            if (l > 1) {
                computeBackward(l); // δ[l−1] = δ[l]·W[l]ᵀ, the gradient at out[l−1]
                // through the dropout (⊙ M/(1 − p)) and the activation (⊙ g'(z))
                parts.throughDropoutAndActivation(l - 1);
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
