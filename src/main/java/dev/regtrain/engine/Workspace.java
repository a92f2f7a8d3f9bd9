package dev.regtrain.engine;

import dev.regtrain.engine.kernel.MatrixKernel;
import dev.regtrain.engine.kernel.TaskRunner;
import dev.regtrain.engine.kernel.MatrixKernel.MatrixProduct;
import org.ojalgo.matrix.store.R064Store;

/**
 * Every buffer one forward and backward pass over {@code rows} examples needs, allocated once. Buffers are
 * column-major rows × units. Layer l reads out[l−1] (the previous activation after dropout) and writes act[l]; the
 * output layer writes its logits and then act[L] = a. With gradients bound, the backward pass fills them with the
 * mean data gradient of the batch, (1/B)·out[l−1]ᵀ·δ[l] and (1/B)·Σᵢ δ[l]ᵢ, where δ[L] = a − y (times each row's
 * weight with class weights). A batch-normalised layer uses the batch's statistics when gradients are bound (training
 * and the objective) and the running averages otherwise (inference).
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
    /** Whether batch-normalised layers use the batch's own statistics (with gradients) or the running averages. */
    final boolean batchStatistics;
    /** Per batch-normalised layer: ẑ (rows × units, with gradients), and μ, σ², 1/√(σ² + ε) of each unit. */
    final double[][] normalized;
    final double[][] batchMean;
    final double[][] batchVariance;
    final double[][] inverseStd;
    /** Each example's loss weight (class weights), indexed like the examples, or null; and this batch's rows'. */
    private double[] exampleWeights;
    double[] rowWeights;
    /** Label smoothing ε and the K it spreads over; 0 = targets as given. */
    private double labelSmoothing;
    /** Where a training pass records what its hidden units did, or null. */
    UnitActivity activity;
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
        this.batchStatistics = gradients != null;
        this.normalized = new double[layers][];
        this.batchMean = new double[layers][];
        this.batchVariance = new double[layers][];
        this.inverseStd = new double[layers][];
        for (int l = 1; l < layers; l++) {
            if (spec.batchNorm(l)) {
                int units = spec.units(l);
                normalized[l] = batchStatistics ? new double[rows * units] : null;
                batchMean[l] = new double[units];
                batchVariance[l] = new double[units];
                inverseStd[l] = new double[units];
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

    /**
     * Weights each example's loss: {@code weights[i]} for example i of the data this workspace gathers from (class
     * weights normalised so that the weighted mean is J's data term); null for none.
     */
    void weightExamples(double[] weights) {
        exampleWeights = weights;
        rowWeights = weights == null ? null : new double[rows];
    }

    /** Label smoothing: gathered targets become (1 − ε)·y + ε/K (MATH.md); 0 leaves them as they are. */
    void smoothLabels(double epsilon) {
        labelSmoothing = epsilon;
    }

    /** Records what the hidden units do in every forward pass (a training workspace); null for nothing. */
    void recordActivity(UnitActivity unitActivity) {
        activity = unitActivity;
    }

    /** Copies rows {@code order[from..from+rows)} of the examples into the input and target buffers. */
    void gather(Examples data, int[] order, int from) {
        parts.gather(data, order, from);
        LayerLoops.gather(targets.data, rows, data.targets(), data.outputs(), order, from, 0, rows);
        if (rowWeights != null) {
            for (int i = 0; i < rows; i++) {
                rowWeights[i] = exampleWeights[order == null ? from + i : order[from + i]];
            }
        }
        if (labelSmoothing > 0) {
            double keep = 1 - labelSmoothing;
            double spread = labelSmoothing / spec.output().smoothingClasses(spec.outputs());
            double[] y = targets.data;
            for (int i = 0; i < y.length; i++) {
                y[i] = keep * y[i] + spread;
            }
        }
    }

    /** After a training forward pass: each batch-normalised layer's running mean and variance follow the batch. */
    void updateRunningAverages() {
        for (int l = 1; l < layers; l++) {
            if (spec.batchNorm(l)) {
                BatchNorm.updateRunning(network.runningMean(l), network.runningVariance(l), batchMean[l],
                        batchVariance[l], rows);
            }
        }
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
        if (rowWeights == null) {
            for (int i = 0; i < d.length; i++) {
                d[i] = (a[i] - y[i]) * inverseRows; // ∂(mean ℓ)/∂z = (a − y)/B
            }
        } else {
            for (int i = 0; i < d.length; i++) {
                d[i] = (a[i] - y[i]) * (rowWeights[i % rows] * inverseRows); // ∂(mean w·ℓ)/∂z = w·(a − y)/B
            }
        }
        for (int l = layers; l >= 1; l--) {
            if (spec.batchNorm(l)) {
                parts.batchNormBackward(l); // dγ[l], dβ[l], and δ[l] from the gradient at y to the one at z
            }
            weightGradientProducts[l].compute(); // dW[l] = out[l−1]ᵀ·δ[l]
            if (!spec.batchNorm(l)) {
                parts.biasGradient(l); // db[l] = Σᵢ δ[l]ᵢ
            }
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

    /** Σ over the rows of ℓ(a, y) (times each row's weight, with class weights) after a forward pass. */
    double lossSum() {
        return rowWeights == null ? spec.output().lossSum(logits.data, targets.data, rows, spec.outputs())
                : spec.output().weightedLossSum(logits.data, targets.data, rowWeights, rows, spec.outputs());
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
