package dev.regtrain.engine;

import dev.regtrain.engine.kernel.ElementLoops;
import dev.regtrain.engine.kernel.MatrixKernel;
import dev.regtrain.engine.kernel.MatrixKernel.MatrixProduct;
import org.ojalgo.matrix.store.R032Store;

/**
 * {@link Arithmetic} in single precision: the double loops' twins on floats ({@link FloatLoops} has the layer's), with
 * the constants of a step (α, μ, λ/m, 1/B) rounded to float once. Dropout draws the same numbers as in double and
 * compares them in double, so a run drops the same units in either precision.
 */
final class FloatArithmetic extends Arithmetic<float[]> {

    @Override
    Precision precision() {
        return Precision.FLOAT32;
    }

    @Override
    float[] allocate(int length) {
        return new float[length];
    }

    @Override
    float[][] allocateArrays(int count) {
        return new float[count][];
    }

    @Override
    int length(float[] values) {
        return values.length;
    }

    @Override
    void load(double[] from, float[] to) {
        for (int i = 0; i < from.length; i++) {
            to[i] = (float) from[i];
        }
    }

    @Override
    double[] toDoubles(float[] values) {
        double[] copy = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i];
        }
        return copy;
    }

    @Override
    MatrixProduct bind(MatrixKernel kernel, float[] target, int targetRows, float[] left, int leftRows,
                       boolean transposeLeft, float[] right, int rightRows, boolean transposeRight) {
        return kernel.bind(R032Store.wrap(target, targetRows), R032Store.wrap(left, leftRows), transposeLeft,
                R032Store.wrap(right, rightRows), transposeRight);
    }

    @Override
    float[] features(Examples data) {
        return data.values().floats();
    }

    @Override
    void gather(float[] target, int rows, float[] source, int width, int[] order, int from, int fromRow, int toRow) {
        FloatGather.gather(target, rows, source, width, order, from, fromRow, toRow);
    }

    @Override
    void gatherTargets(float[] target, int rows, double[] source, int width, int[] order, int from) {
        FloatBatch.gatherTargets(target, rows, source, width, order, from);
    }

    @Override
    void smoothLabels(float[] y, double keep, double spread) {
        float k = (float) keep;
        float s = (float) spread;
        for (int i = 0; i < y.length; i++) {
            y[i] = k * y[i] + s;
        }
    }

    @Override
    void augment(BatchAugmenter augmenter, float[] inputs, float[] targets, int rows, Rng rng, double[][] scratch) {
        if (augmenter == BatchAugmenter.NONE) {
            return;
        }
        if (scratch[0] == null) {
            scratch[0] = new double[inputs.length];
            scratch[1] = new double[targets.length];
        }
        for (int i = 0; i < inputs.length; i++) {
            scratch[0][i] = inputs[i];
        }
        for (int i = 0; i < targets.length; i++) {
            scratch[1][i] = targets[i];
        }
        augmenter.augment(scratch[0], scratch[1], rows, rng);
        load(scratch[0], inputs);
        load(scratch[1], targets);
    }

    @Override
    void drop(float[] source, float[] target, float[] scales, double rate, Rng rng, int from, int to) {
        ElementLoops.drop(source, target, scales, rate, rng.state(), from, to);
    }

    @Override
    void addBias(float[] z, float[] bias, int rows, int fromColumn, int toColumn) {
        FloatBatch.addBias(z, bias, rows, fromColumn, toColumn);
    }

    @Override
    void activate(Activation activation, float[] values, int from, int to) {
        FloatLoops.activate(activation, values, from, to);
    }

    @Override
    void throughDropoutAndActivation(float[] delta, float[] scales, Activation activation, float[] output, int from,
                                     int to) {
        if (scales != null) {
            for (int i = from; i < to; i++) {
                delta[i] *= scales[i];
            }
        }
        FloatLoops.multiplyByDerivative(activation, delta, output, from, to);
    }

    @Override
    boolean anyNonZero(float[] values, int from, int to) {
        return ElementLoops.anyNonZero(values, from, to);
    }

    @Override
    boolean anyPositive(float[] values, int from, int to) {
        for (int i = from; i < to; i++) {
            if (values[i] > 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    double absoluteSum(float[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += Math.abs(values[i]);
        }
        return sum;
    }

    @Override
    void columnSums(float[] values, float[] sums, int rows, int fromColumn, int toColumn) {
        FloatBatch.columnSums(values, sums, rows, fromColumn, toColumn);
    }

    @Override
    void outputActivation(Output output, float[] logits, float[] activations, int rows, int units) {
        FloatLoops.outputActivation(output, logits, activations, rows, units);
    }

    @Override
    double lossSum(Output output, float[] logits, float[] targets, int rows, int units) {
        double sum = 0;
        for (int i = 0; i < rows; i++) {
            sum += FloatLoops.rowLoss(output, logits, targets, i, rows, units);
        }
        return sum;
    }

    @Override
    double weightedLossSum(Output output, float[] logits, float[] targets, double[] rowWeights, int rows, int units) {
        double sum = 0;
        for (int i = 0; i < rows; i++) {
            sum += rowWeights[i] * FloatLoops.rowLoss(output, logits, targets, i, rows, units);
        }
        return sum;
    }

    @Override
    void outputDelta(float[] a, float[] y, float[] d, double[] rowWeights, int rows) {
        FloatBatch.outputDelta(a, y, d, rowWeights, rows);
    }

    @Override
    int correctCount(float[] a, float[] y, int rows, int units) {
        return FloatBatch.correctCount(a, y, rows, units);
    }

    @Override
    double squaredErrorSum(float[] a, float[] y) {
        return FloatBatch.squaredErrorSum(a, y);
    }

    @Override
    void copyRows(float[] values, int rows, int units, double[] target, int fromRow) {
        FloatBatch.copyRows(values, rows, units, target, fromRow);
    }

    @Override
    void batchNormForward(float[] values, float[] normalized, float[] gamma, float[] beta, float[] mean,
                          float[] variance, float[] inverseStd, int rows, int fromColumn, int toColumn) {
        FloatLoops.batchNormForward(values, normalized, gamma, beta, mean, variance, inverseStd, rows, fromColumn,
                toColumn);
    }

    @Override
    void batchNormRunning(float[] values, float[] gamma, float[] beta, float[] runningMean, float[] runningVariance,
                          int rows, int fromColumn, int toColumn) {
        FloatLoops.batchNormRunning(values, gamma, beta, runningMean, runningVariance, rows, fromColumn, toColumn);
    }

    @Override
    void batchNormBackward(float[] delta, float[] normalized, float[] gamma, float[] inverseStd,
                           float[] gammaGradient, float[] betaGradient, int rows, int fromColumn, int toColumn) {
        FloatLoops.batchNormBackward(delta, normalized, gamma, inverseStd, gammaGradient, betaGradient, rows,
                fromColumn, toColumn);
    }

    @Override
    void updateRunning(float[] runningMean, float[] runningVariance, float[] mean, float[] variance, int rows) {
        FloatLoops.updateRunning(runningMean, runningVariance, mean, variance, rows);
    }

    @Override
    double squaredL2(float[] values, int from, int to) {
        return ElementLoops.squaredL2(values, from, to);
    }

    @Override
    double l1(float[] values) {
        return absoluteSum(values, 0, values.length);
    }

    @Override
    long[] zeroCounts(float[] values, double nearZero) {
        return FloatSteps.zeroCounts(values, nearZero);
    }

    @Override
    void addPenaltyGradient(float[] gradient, float[] weights, double c2, double c1, int from, int to) {
        FloatSteps.addPenaltyGradient(gradient, weights, c2, c1, from, to);
    }

    @Override
    void clamp(float[] values, double bound, int from, int to) {
        FloatSteps.clamp(values, bound, from, to);
    }

    @Override
    void scale(float[] values, double factor, int from, int to) {
        FloatSteps.scale(values, factor, from, to);
    }

    @Override
    void capColumnNorms(float[] weights, int rows, double cap, int fromColumn, int toColumn) {
        FloatSteps.capColumnNorms(weights, rows, cap, fromColumn, toColumn);
    }

    @Override
    void sgd(float[] w, float[] g, double alpha, double tau, int from, int to) {
        FloatSteps.sgd(w, g, alpha, tau, from, to);
    }

    @Override
    void momentum(float[] w, float[] g, float[] v, double alpha, double mu, double tau, boolean nesterov, int from,
                  int to) {
        FloatSteps.momentum(w, g, v, alpha, mu, tau, nesterov, from, to);
    }

    @Override
    void adam(float[] w, float[] g, float[] m, float[] v, double alpha, double beta1, double beta2, double epsilon,
              double firstCorrection, double secondCorrection, double threshold, int from, int to) {
        FloatSteps.adam(w, g, m, v, alpha, beta1, beta2, epsilon, firstCorrection, secondCorrection, threshold, from,
                to);
    }
}
