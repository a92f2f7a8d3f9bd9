package dev.regtrain.engine;

import dev.regtrain.engine.kernel.LiveColumns;
import dev.regtrain.engine.kernel.MatrixKernel;
import dev.regtrain.engine.kernel.MatrixKernel.MatrixProduct;
import dev.regtrain.engine.kernel.TaskRunner;

/**
 * Every buffer one forward and backward pass over {@code rows} examples needs, allocated once, in the precision of its
 * {@link Arithmetic} ({@code A} is {@code double[]} or {@code float[]}). Buffers are column-major rows × units. Layer l
 * reads out[l−1] (the previous activation after dropout) and writes act[l]; the output layer writes its logits and
 * then act[L] = a. With gradients bound, the backward pass fills them with the mean data gradient of the batch,
 * (1/B)·out[l−1]ᵀ·δ[l] and (1/B)·Σᵢ δ[l]ᵢ, where δ[L] = a − y (times each row's weight with class weights). A
 * batch-normalised layer uses the batch's statistics when gradients are bound (training and the objective) and the
 * running averages otherwise (inference).
 */
final class Workspace<A> {

    final Arithmetic<A> arithmetic;
    final int rows;
    final NetworkSpec spec;
    final NetworkValues<A> network;
    final int layers;
    final A input;
    final A targets;
    final A logits;
    final A[] act;
    final A[] out;
    final A[] mask;
    final double[] dropRate;
    /** Whether any layer's output is dropped, so that a forward pass needs a generator. */
    private final boolean drops;
    final A[] delta;
    final NetworkValues<A> gradients;
    private final MatrixProduct[] forwardProducts;
    private final MatrixProduct[] weightGradientProducts;
    private final MatrixProduct[] backwardProducts;
    private final WorkspaceParts<A> parts;
    /** Whether batch-normalised layers use the batch's own statistics (with gradients) or the running averages. */
    final boolean batchStatistics;
    /** Per batch-normalised layer: ẑ (rows × units, with gradients), and μ, σ², 1/√(σ² + ε) of each unit. */
    final A[] normalized;
    final A[] batchMean;
    final A[] batchVariance;
    final A[] inverseStd;
    /** Each example's loss weight (class weights), indexed like the examples, or null; and this batch's rows'. */
    private double[] exampleWeights;
    double[] rowWeights;
    /** Label smoothing ε and the K it spreads over; 0 = targets as given. */
    private double labelSmoothing;
    /** Double copies of the input and target buffers for an augmenter, when the precision is single. */
    private final double[][] augmentScratch = new double[2][];
    /** Where a training pass records what its hidden units did, or null. */
    UnitActivity<A> activity;
    /**
     * The units whose out[l] is not zero for the whole batch, l = 0..L−1 (the rest are flat or dropped), found once
     * per forward pass when anything reads them: the products that skip zeros (layer l + 1's forward product and
     * weight gradient) and, behind a relu layer, the backward product into δ[l], whose other columns are
     * multiplied by zero; null when nothing does.
     */
    final LiveColumns[] liveColumns;

    /** A double-precision workspace on {@code network} whose element-wise loops run on the calling thread. */
    static Workspace<double[]> of(Network network, int rows, double[] dropRates, Network gradients,
                                  MatrixKernel kernel) {
        return of(network, rows, dropRates, gradients, kernel, TaskRunner.SEQUENTIAL);
    }

    /** A double-precision workspace on {@code network} (and {@code gradients}, when not null). */
    static Workspace<double[]> of(Network network, int rows, double[] dropRates, Network gradients,
                                  MatrixKernel kernel, TaskRunner runner) {
        return new Workspace<>(NetworkValues.of(network), rows, dropRates,
                gradients == null ? null : NetworkValues.of(gradients), kernel, runner);
    }

    /**
     * @param dropRates drop probability for out[l], l = 0..L−1 (inputs, then each hidden layer), or null for none
     * @param gradients where the backward pass writes, or null for a forward-only workspace
     * @param runner threads that may share a layer's element-wise loops (with the same result on every element)
     */
    Workspace(NetworkValues<A> network, int rows, double[] dropRates, NetworkValues<A> gradients, MatrixKernel kernel,
              TaskRunner runner) {
        this.arithmetic = network.arithmetic();
        this.spec = network.spec();
        this.network = network;
        this.rows = rows;
        this.layers = spec.layerCount();
        this.gradients = gradients;
        this.input = buffer(spec.units(0));
        this.targets = buffer(spec.outputs());
        this.logits = buffer(spec.outputs());
        this.act = arithmetic.allocateArrays(layers + 1);
        this.out = arithmetic.allocateArrays(layers);
        this.mask = arithmetic.allocateArrays(layers);
        this.dropRate = new double[layers];
        out[0] = input;
        for (int l = 1; l <= layers; l++) {
            act[l] = buffer(spec.units(l));
            if (l < layers) {
                out[l] = act[l];
            }
        }
        boolean anyDropped = false;
        for (int l = 0; l < layers && dropRates != null; l++) {
            dropRate[l] = dropRates[l];
            if (dropRate[l] > 0) {
                out[l] = buffer(spec.units(l));
                mask[l] = buffer(spec.units(l));
                anyDropped = true;
            }
        }
        this.drops = anyDropped;
        this.forwardProducts = new MatrixProduct[layers + 1];
        for (int l = 1; l <= layers; l++) {
            A target = l == layers ? logits : act[l];
            forwardProducts[l] = arithmetic.bind(kernel, target, rows, out[l - 1], rows, false, network.weights(l),
                    spec.units(l - 1), false);
        }
        this.delta = arithmetic.allocateArrays(layers + 1);
        this.weightGradientProducts = new MatrixProduct[layers + 1];
        this.backwardProducts = new MatrixProduct[layers + 1];
        if (gradients != null) {
            for (int l = 1; l <= layers; l++) {
                delta[l] = buffer(spec.units(l));
            }
            for (int l = 1; l <= layers; l++) {
                weightGradientProducts[l] = arithmetic.bind(kernel, gradients.weights(l), spec.units(l - 1),
                        out[l - 1], rows, true, delta[l], rows, false);
                if (l > 1) {
                    backwardProducts[l] = arithmetic.bind(kernel, delta[l - 1], rows, delta[l], rows, false,
                            network.weights(l), spec.units(l - 1), true);
                }
            }
        }
        this.batchStatistics = gradients != null;
        this.normalized = arithmetic.allocateArrays(layers);
        this.batchMean = arithmetic.allocateArrays(layers);
        this.batchVariance = arithmetic.allocateArrays(layers);
        this.inverseStd = arithmetic.allocateArrays(layers);
        for (int l = 1; l < layers; l++) {
            if (spec.batchNorm(l)) {
                int units = spec.units(l);
                normalized[l] = batchStatistics ? buffer(units) : null;
                batchMean[l] = arithmetic.allocate(units);
                batchVariance[l] = arithmetic.allocate(units);
                inverseStd[l] = arithmetic.allocate(units);
            }
        }
        this.liveColumns = new LiveColumns[layers];
        for (int l = 0; l < layers; l++) {
            LiveColumns list = new LiveColumns(spec.units(l));
            boolean read = forwardProducts[l + 1].readLiveColumns(list);
            read |= gradients != null && weightGradientProducts[l + 1].readLiveColumns(list);
            read |= skipsDeadUnitsBackward(l) && backwardProducts[l + 1].computesChosenColumns();
            liveColumns[l] = read ? list : null;
        }
        this.parts = new WorkspaceParts<>(this, runner);
    }

    /** A rows × columns buffer. */
    private A buffer(int columns) {
        return arithmetic.allocate(rows * columns);
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
    void recordActivity(UnitActivity<A> unitActivity) {
        activity = unitActivity;
    }

    /** Copies rows {@code order[from..from+rows)} of the examples into the input and target buffers. */
    void gather(Examples data, int[] order, int from) {
        parts.gather(arithmetic.features(data), order, from);
        arithmetic.gatherTargets(targets, rows, data.targets(), data.outputs(), order, from);
        if (rowWeights != null) {
            for (int i = 0; i < rows; i++) {
                rowWeights[i] = exampleWeights[order == null ? from + i : order[from + i]];
            }
        }
        if (labelSmoothing > 0) {
            double keep = 1 - labelSmoothing;
            double spread = labelSmoothing / spec.output().smoothingClasses(spec.outputs());
            arithmetic.smoothLabels(targets, keep, spread);
        }
    }

    /** Runs the augmenter on the gathered batch (training only). */
    void augment(BatchAugmenter augmenter, Rng rng) {
        arithmetic.augment(augmenter, input, targets, rows, rng, augmentScratch);
    }

    /** After a training forward pass: each batch-normalised layer's running mean and variance follow the batch. */
    void updateRunningAverages() {
        for (int l = 1; l < layers; l++) {
            if (spec.batchNorm(l)) {
                arithmetic.updateRunning(network.runningMean(l), network.runningVariance(l), batchMean[l],
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
            dropout.advance(arithmetic.length(mask[0]));
        }
        parts.findLiveInputs();
        for (int l = 1; l <= layers; l++) {
            if (l < layers) {
                parts.hidden(l, forwardProducts[l], dropout);
                if (mask[l] != null) {
                    dropout.advance(arithmetic.length(mask[l]));
                }
            } else {
                forwardProducts[l].compute();
                arithmetic.addBias(logits, network.biases(l), rows, 0, spec.outputs());
                arithmetic.outputActivation(spec.output(), logits, act[l], rows, spec.outputs());
            }
        }
    }

    /** Backward pass after {@link #forward}: fills the bound gradients with the batch's mean data gradient. */
    void backward() {
        arithmetic.outputDelta(act[layers], targets, delta[layers], rowWeights, rows);
        for (int l = layers; l >= 1; l--) {
            if (spec.batchNorm(l)) {
                parts.batchNormBackward(l); // dγ[l], dβ[l], and δ[l] from the gradient at y to the one at z
            }
            if (spec.batchNorm(l)) {
                weightGradientProducts[l].compute(); // dW[l] = out[l−1]ᵀ·δ[l] (β[l] stands for the bias)
            } else {
                parts.weightAndBiasGradient(l, weightGradientProducts[l]); // dW[l] and db[l] = Σᵢ δ[l]ᵢ
            }
            if (l > 1) {
                computeBackward(l); // δ[l−1] = δ[l]·W[l]ᵀ, the gradient at out[l−1], then through the dropout
                // (⊙ M/(1 − p)) and the activation (⊙ g'(z)): the gradient at z[l−1]
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
        LiveColumns live = skipsDeadUnitsBackward(l - 1) ? liveColumns[l - 1] : null;
        parts.backwardThroughActivation(l - 1, backwardProducts[l], live == null ? null : live.columns(),
                live == null ? 0 : live.count());
    }

    /** Whether the backward product into δ[l] may compute only the live units' columns: behind a relu hidden layer. */
    private boolean skipsDeadUnitsBackward(int l) {
        return gradients != null && l >= 1 && spec.activation(l) == Activation.RELU;
    }

    /** Σ over the rows of ℓ(a, y) (times each row's weight, with class weights) after a forward pass. */
    double lossSum() {
        return rowWeights == null ? arithmetic.lossSum(spec.output(), logits, targets, rows, spec.outputs())
                : arithmetic.weightedLossSum(spec.output(), logits, targets, rowWeights, rows, spec.outputs());
    }

    /** act[l]: layer l's activation before dropout (for tests and inspection). */
    A activation(int layer) {
        return act[layer];
    }

    /** out[l]: what layer l + 1 reads, after dropout. */
    A layerOutput(int layer) {
        return out[layer];
    }

    /** The output activations a (rows × outputs, column-major) of the last forward pass. */
    A outputs() {
        return act[layers];
    }
}
