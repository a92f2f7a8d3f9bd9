package dev.regtrain.engine;

import dev.regtrain.engine.MatrixKernel.MatrixProduct;
import org.ojalgo.matrix.store.R064Store;

/**
 * Every buffer one forward and backward pass over {@code rows} examples needs, allocated once. Buffers are
 * column-major rows × units. Layer l reads out[l−1] (the previous activation after dropout) and writes act[l]; the
 * output layer writes its logits and then act[L] = a. With gradients bound, the backward pass fills them with the
 * mean data gradient of the batch, (1/B)·out[l−1]ᵀ·δ[l] and (1/B)·Σᵢ δ[l]ᵢ, where δ[L] = a − y.
 */
final class Workspace {

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
    private final R064Store[] delta;
    private final Network gradients;
    private final MatrixProduct[] forwardProducts;
    private final MatrixProduct[] weightGradientProducts;
    private final MatrixProduct[] backwardProducts;

    /**
     * @param dropRates drop probability for out[l], l = 0..L−1 (inputs, then each hidden layer), or null for none
     * @param gradients where the backward pass writes, or null for a forward-only workspace
     */
    Workspace(Network network, int rows, double[] dropRates, Network gradients, MatrixKernel kernel) {
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
        for (int l = 0; l < layers && dropRates != null; l++) {
            dropRate[l] = dropRates[l];
            if (dropRate[l] > 0) {
                out[l] = store(spec.units(l));
                mask[l] = new double[rows * spec.units(l)];
            }
        }
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
    }

    private R064Store store(int columns) {
        return R064Store.FACTORY.make(rows, columns);
    }

    /** Copies rows {@code order[from..from+rows)} of the examples into the input and target buffers. */
    void gather(Examples data, int[] order, int from) {
        gatherInto(input.data, data.features(), data.inputs(), order, from);
        gatherInto(targets.data, data.targets(), data.outputs(), order, from);
    }

    /**
     * Row-major examples into the column-major buffer, a transposition. Eight rows at a time, so that each column's
     * eight values fill one cache line of the target at once: writing row by row, 1 KB apart for 128 rows, kept
     * hundreds of lines open that all fell into a few cache sets, and took 2.4 times as long as copying the rows.
     */
    private void gatherInto(double[] target, double[] source, int width, int[] order, int from) {
        int i0 = 0;
        for (; i0 + 8 <= rows; i0 += 8) {
            int o0 = sourceOffset(order, from + i0, width);
            int o1 = sourceOffset(order, from + i0 + 1, width);
            int o2 = sourceOffset(order, from + i0 + 2, width);
            int o3 = sourceOffset(order, from + i0 + 3, width);
            int o4 = sourceOffset(order, from + i0 + 4, width);
            int o5 = sourceOffset(order, from + i0 + 5, width);
            int o6 = sourceOffset(order, from + i0 + 6, width);
            int o7 = sourceOffset(order, from + i0 + 7, width);
            for (int j = 0; j < width; j++) {
                int t = i0 + j * rows;
                target[t] = source[o0 + j];
                target[t + 1] = source[o1 + j];
                target[t + 2] = source[o2 + j];
                target[t + 3] = source[o3 + j];
                target[t + 4] = source[o4 + j];
                target[t + 5] = source[o5 + j];
                target[t + 6] = source[o6 + j];
                target[t + 7] = source[o7 + j];
            }
        }
        for (int i = i0; i < rows; i++) {
            int offset = sourceOffset(order, from + i, width);
            for (int j = 0; j < width; j++) {
                target[i + j * rows] = source[offset + j];
            }
        }
    }

    private static int sourceOffset(int[] order, int row, int width) {
        return (order == null ? row : order[row]) * width;
    }

    /**
     * Forward pass. With a generator, dropout draws a fresh mask M ~ Bernoulli(1 − p) per unit and example and
     * applies a ← a ⊙ M / (1 − p); without one (inference) nothing is dropped or rescaled.
     */
    void forward(Rng dropout) {
        if (mask[0] != null) {
            drop(input.data, out[0].data, mask[0], dropRate[0], dropout);
        }
        for (int l = 1; l <= layers; l++) {
            forwardProducts[l].compute();
            R064Store z = l == layers ? logits : act[l];
            addBias(z.data, network.biases(l).data, spec.units(l));
            if (l < layers) {
                spec.activation(l).applyInPlace(act[l].data, rows * spec.units(l));
                if (mask[l] != null) {
                    drop(act[l].data, out[l].data, mask[l], dropRate[l], dropout);
                }
            } else {
                spec.output().activate(logits.data, act[l].data, rows, spec.outputs());
            }
        }
    }

    private void addBias(double[] z, double[] bias, int units) {
        for (int j = 0; j < units; j++) {
            double b = bias[j];
            int offset = j * rows;
            for (int i = 0; i < rows; i++) {
                z[offset + i] += b;
            }
        }
    }

    /**
     * One draw u per element, in order: dropped (scale 0) when u &lt; rate, else kept (scale 1/(1 − p)). The draws come
     * in bulk, and the test is branch-free (the sign bit of u − rate, which is negative exactly when u &lt; rate): with
     * p = 0.5 a branch would be mispredicted every other element.
     */
    private void drop(double[] source, double[] target, double[] scales, double rate, Rng rng) {
        if (rng == null) {
            throw new IllegalStateException("dropout needs a random generator");
        }
        double keepScale = 1.0 / (1.0 - rate);
        rng.nextDoubles(scales, scales.length);
        for (int i = 0; i < scales.length; i++) {
            long dropped = Double.doubleToRawLongBits(scales[i] - rate) >>> 63;
            double scale = keepScale * (1 - dropped);
            scales[i] = scale;
            target[i] = source[i] * scale;
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
            columnSums(delta[l].data, gradients.biases(l).data, spec.units(l)); // db[l] = Σᵢ δ[l]ᵢ
            if (l > 1) {
                backwardProducts[l].compute(); // δ[l−1] = δ[l]·W[l]ᵀ, the gradient at out[l−1]
                double[] previous = delta[l - 1].data;
                if (mask[l - 1] != null) {
                    double[] scales = mask[l - 1];
                    for (int i = 0; i < previous.length; i++) {
                        previous[i] *= scales[i]; // through the dropout: ⊙ M/(1 − p)
                    }
                }
                spec.activation(l - 1).multiplyByDerivative(previous, act[l - 1].data, previous.length);
            }
        }
    }

    private void columnSums(double[] values, double[] sums, int columns) {
        for (int j = 0; j < columns; j++) {
            double sum = 0;
            int offset = j * rows;
            for (int i = 0; i < rows; i++) {
                sum += values[offset + i];
            }
            sums[j] = sum;
        }
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
