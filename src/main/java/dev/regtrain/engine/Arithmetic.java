package dev.regtrain.engine;

import dev.regtrain.engine.kernel.MatrixKernel;
import dev.regtrain.engine.kernel.MatrixKernel.MatrixProduct;

/**
 * The element-wise arithmetic of one {@link Precision} over its arrays {@code A} ({@code double[]} or
 * {@code float[]}): everything a training step, an inference pass and an optimizer step do to a buffer besides the
 * matrix products. The workspace, the update and the trainer are written once against this class; {@link #DOUBLE}
 * runs the engine's loops in double precision ({@link LayerLoops}, {@link BatchNorm}, {@link Activation}, {@link
 * Output}, the optimizers' rules), {@link #FLOAT} the same loops in single precision. Sums that only report
 * (losses, accuracy, norms of the metrics rows) are accumulated in double in both.
 */
abstract class Arithmetic<A> {

    static final Arithmetic<double[]> DOUBLE = new DoubleArithmetic();
    static final Arithmetic<float[]> FLOAT = new FloatArithmetic();

    /** The arithmetic of a precision. */
    static Arithmetic<?> of(Precision precision) {
        return precision == Precision.FLOAT32 ? FLOAT : DOUBLE;
    }

    abstract Precision precision();

    abstract A allocate(int length);

    abstract int length(A values);

    /** An array of {@code count} arrays of this precision (a {@code double[][]} or {@code float[][]}), all null. */
    abstract A[] allocateArrays(int count);

    /** to[i] = from[i], rounded to this precision. */
    abstract void load(double[] from, A to);

    /** A copy in double precision (exact). */
    abstract double[] toDoubles(A values);

    /** The values in double precision: the array itself when it is one (nothing copied), else a widened copy. */
    double[] asDoubles(A values) {
        return toDoubles(values);
    }

    final void copy(A from, A to) {
        System.arraycopy(from, 0, to, 0, length(from));
    }

    /** Binds target (rows × …) = op(left) · op(right) on the kernel; every array is column-major with the rows given. */
    abstract MatrixProduct bind(MatrixKernel kernel, A target, int targetRows, A left, int leftRows,
                                boolean transposeLeft, A right, int rightRows, boolean transposeRight);

    // ---- a mini-batch's buffers (Workspace)

    /**
     * The examples' features as an array of this precision. They must be held in it ({@link Examples#inPrecision}):
     * the trainer converts its examples once, so that no batch converts them again.
     */
    abstract A features(Examples data);

    /**
     * Rows [fromRow, toRow) of the examples' features {@code order[from..]} (row-major, {@code width} values each,
     * from {@link #features}) into the column-major target.
     */
    abstract void gather(A target, int rows, A source, int width, int[] order, int from, int fromRow, int toRow);

    /** The batch's targets, rows {@code order[from..from+rows)} of the examples' (row-major, in double), likewise. */
    abstract void gatherTargets(A target, int rows, double[] source, int width, int[] order, int from);

    /** y ← keep·y + spread (label smoothing). */
    abstract void smoothLabels(A targets, double keep, double spread);

    /**
     * Runs the augmenter on the batch; it works in double precision, so single precision hands it copies in
     * {@code scratch} (two arrays the caller keeps, allocated here on first use) and rounds its result.
     */
    abstract void augment(BatchAugmenter augmenter, A inputs, A targets, int rows, Rng rng, double[][] scratch);

    /**
     * Inverted dropout of the elements [from, to) by the block of draws {@code rng} is about to make, taken without
     * advancing it ({@link dev.regtrain.engine.kernel.ElementLoops#drop}, the same decisions in both precisions).
     */
    abstract void drop(A source, A target, A scales, double rate, Rng rng, int from, int to);

    abstract void addBias(A z, A bias, int rows, int fromColumn, int toColumn);

    /** values ← g(values) for the elements [from, to). */
    abstract void activate(Activation activation, A values, int from, int to);

    /** δ ⊙ M (the dropout scales, when not null) ⊙ g'(z), g' from the activation's output. */
    abstract void throughDropoutAndActivation(A delta, A scales, Activation activation, A output, int from, int to);

    abstract boolean anyNonZero(A values, int from, int to);

    abstract boolean anyPositive(A values, int from, int to);

    /** Σ|values| over [from, to), in double. */
    abstract double absoluteSum(A values, int from, int to);

    /** sums[j] = Σᵢ values[i, j] for the columns [fromColumn, toColumn). */
    abstract void columnSums(A values, A sums, int rows, int fromColumn, int toColumn);

    abstract void outputActivation(Output output, A logits, A activations, int rows, int units);

    /** Σ over the rows of ℓ, from the logits, in double. */
    abstract double lossSum(Output output, A logits, A targets, int rows, int units);

    abstract double weightedLossSum(Output output, A logits, A targets, double[] rowWeights, int rows, int units);

    /** δ[L] = (a − y)/B, times each row's weight when there are weights. */
    abstract void outputDelta(A activations, A targets, A delta, double[] rowWeights, int rows);

    abstract int correctCount(A activations, A targets, int rows, int units);

    abstract double squaredErrorSum(A activations, A targets);

    /** Copies the rows of a column-major rows × units buffer into the row-major target from row {@code fromRow}. */
    abstract void copyRows(A values, int rows, int units, double[] target, int fromRow);

    // ---- batch normalisation ({@link BatchNorm})

    abstract void batchNormForward(A values, A normalized, A gamma, A beta, A mean, A variance, A inverseStd,
                                   int rows, int fromColumn, int toColumn);

    abstract void batchNormRunning(A values, A gamma, A beta, A runningMean, A runningVariance, int rows,
                                   int fromColumn, int toColumn);

    abstract void batchNormBackward(A delta, A normalized, A gamma, A inverseStd, A gammaGradient, A betaGradient,
                                    int rows, int fromColumn, int toColumn);

    abstract void updateRunning(A runningMean, A runningVariance, A mean, A variance, int rows);

    // ---- norms, penalties and optimizer steps

    /** Σ values² over [from, to), in double. */
    abstract double squaredL2(A values, int from, int to);

    /** Σ|values|, in double. */
    abstract double l1(A values);

    /** How many values are exactly 0, and how many have |v| below the threshold, as {zeros, nearZeros}. */
    abstract long[] zeroCounts(A values, double nearZero);

    /** Σ (end − start)², in double: the sum {@link #squaredErrorSum} adds, of the weights' shift. */
    final double squaredDistance(A end, A start) {
        return squaredErrorSum(end, start);
    }

    /** g += c₂·w + c₁·sign(w) over [from, to) (c₁ = 0: the L2 term alone). */
    abstract void addPenaltyGradient(A gradient, A weights, double c2, double c1, int from, int to);

    /** gᵢ ← min(max(gᵢ, −bound), bound). */
    abstract void clamp(A values, double bound, int from, int to);

    /** values ← factor·values over [from, to). */
    abstract void scale(A values, double factor, int from, int to);

    /** Scales each column of W (rows values each) whose L2 norm exceeds the cap back to the cap. */
    abstract void capColumnNorms(A weights, int rows, double cap, int fromColumn, int toColumn);

    /** SGD: w ← w − α·g, soft-thresholded by τ when τ &gt; 0. */
    abstract void sgd(A w, A g, double alpha, double tau, int from, int to);

    /** Momentum or Nesterov: v ← μ·v + g, w ← w − α·v (or − α·(g + μ·v)), soft-thresholded by τ when τ &gt; 0. */
    abstract void momentum(A w, A g, A v, double alpha, double mu, double tau, boolean nesterov, int from, int to);

    /** Adam with bias corrections c₁ = 1 − β₁ᵗ and c₂ = 1 − β₂ᵗ; proximal L1 by η·threshold per weight. */
    abstract void adam(A w, A g, A m, A v, double alpha, double beta1, double beta2, double epsilon,
                       double firstCorrection, double secondCorrection, double threshold, int from, int to);
}
