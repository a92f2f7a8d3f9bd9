package dev.regtrain.engine;

import dev.regtrain.engine.kernel.ElementLoops;
import dev.regtrain.engine.kernel.MatrixKernel;
import dev.regtrain.engine.kernel.MatrixKernel.MatrixProduct;
import org.ojalgo.matrix.store.R064Store;

/** {@link Arithmetic} in double precision: the engine's own loops. */
final class DoubleArithmetic extends Arithmetic<double[]> {

    @Override
    Precision precision() {
        return Precision.FLOAT64;
    }

    @Override
    double[] allocate(int length) {
        return new double[length];
    }

    @Override
    double[][] allocateArrays(int count) {
        return new double[count][];
    }

    @Override
    int length(double[] values) {
        return values.length;
    }

    @Override
    void load(double[] from, double[] to) {
        System.arraycopy(from, 0, to, 0, from.length);
    }

    @Override
    double[] toDoubles(double[] values) {
        return values.clone();
    }

    @Override
    double[] asDoubles(double[] values) {
        return values;
    }

    @Override
    MatrixProduct bind(MatrixKernel kernel, double[] target, int targetRows, double[] left, int leftRows,
                       boolean transposeLeft, double[] right, int rightRows, boolean transposeRight) {
        return kernel.bind(R064Store.wrap(target, targetRows), R064Store.wrap(left, leftRows), transposeLeft,
                R064Store.wrap(right, rightRows), transposeRight);
    }

    @Override
    double[] features(Examples data) {
        return data.features();
    }

    @Override
    void gather(double[] target, int rows, double[] source, int width, int[] order, int from, int fromRow, int toRow) {
        DoubleGather.gather(target, rows, source, width, order, from, fromRow, toRow);
    }

    @Override
    void gatherTargets(double[] target, int rows, double[] source, int width, int[] order, int from) {
        DoubleGather.gather(target, rows, source, width, order, from, 0, rows);
    }

    @Override
    void smoothLabels(double[] y, double keep, double spread) {
        for (int i = 0; i < y.length; i++) {
            y[i] = keep * y[i] + spread;
        }
    }

    @Override
    void augment(BatchAugmenter augmenter, double[] inputs, double[] targets, int rows, Rng rng,
                 double[][] scratch) {
        augmenter.augment(inputs, targets, rows, rng);
    }

    @Override
    void drop(double[] source, double[] target, double[] scales, double rate, Rng rng, int from, int to) {
        ElementLoops.drop(source, target, scales, rate, rng.state(), from, to);
    }

    @Override
    void addBias(double[] z, double[] bias, int rows, int fromColumn, int toColumn) {
        LayerLoops.addBias(z, bias, rows, fromColumn, toColumn);
    }

    @Override
    void activate(Activation activation, double[] values, int from, int to) {
        activation.applyInPlace(values, from, to);
    }

    @Override
    void throughDropoutAndActivation(double[] delta, double[] scales, Activation activation, double[] output,
                                     int from, int to) {
        LayerLoops.throughDropoutAndActivation(delta, scales, activation, output, from, to);
    }

    @Override
    boolean anyNonZero(double[] values, int from, int to) {
        return ElementLoops.anyNonZero(values, from, to);
    }

    @Override
    boolean anyPositive(double[] values, int from, int to) {
        return LayerLoops.anyPositive(values, from, to);
    }

    @Override
    double absoluteSum(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += Math.abs(values[i]);
        }
        return sum;
    }

    @Override
    void columnSums(double[] values, double[] sums, int rows, int fromColumn, int toColumn) {
        LayerLoops.columnSums(values, sums, rows, fromColumn, toColumn);
    }

    @Override
    void outputActivation(Output output, double[] logits, double[] activations, int rows, int units) {
        output.activate(logits, activations, rows, units);
    }

    @Override
    double lossSum(Output output, double[] logits, double[] targets, int rows, int units) {
        return output.lossSum(logits, targets, rows, units);
    }

    @Override
    double weightedLossSum(Output output, double[] logits, double[] targets, double[] rowWeights, int rows,
                           int units) {
        return output.weightedLossSum(logits, targets, rowWeights, rows, units);
    }

    @Override
    void outputDelta(double[] a, double[] y, double[] d, double[] rowWeights, int rows) {
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
    }

    @Override
    int correctCount(double[] activations, double[] targets, int rows, int units) {
        return Scores.correctCount(activations, targets, rows, units);
    }

    @Override
    double squaredErrorSum(double[] activations, double[] targets) {
        return Scores.squaredErrorSum(activations, targets);
    }

    @Override
    void copyRows(double[] values, int rows, int units, double[] target, int fromRow) {
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < units; k++) {
                target[(fromRow + i) * units + k] = values[i + k * rows];
            }
        }
    }

    @Override
    void batchNormForward(double[] values, double[] normalized, double[] gamma, double[] beta, double[] mean,
                          double[] variance, double[] inverseStd, int rows, int fromColumn, int toColumn) {
        BatchNorm.forwardBatch(values, normalized, gamma, beta, mean, variance, inverseStd, rows, fromColumn,
                toColumn);
    }

    @Override
    void batchNormRunning(double[] values, double[] gamma, double[] beta, double[] runningMean,
                          double[] runningVariance, int rows, int fromColumn, int toColumn) {
        BatchNorm.forwardRunning(values, gamma, beta, runningMean, runningVariance, rows, fromColumn, toColumn);
    }

    @Override
    void batchNormBackward(double[] delta, double[] normalized, double[] gamma, double[] inverseStd,
                           double[] gammaGradient, double[] betaGradient, int rows, int fromColumn, int toColumn) {
        BatchNorm.backward(delta, normalized, gamma, inverseStd, gammaGradient, betaGradient, rows, fromColumn,
                toColumn);
    }

    @Override
    void updateRunning(double[] runningMean, double[] runningVariance, double[] mean, double[] variance, int rows) {
        BatchNorm.updateRunning(runningMean, runningVariance, mean, variance, rows);
    }

    @Override
    double squaredL2(double[] values, int from, int to) {
        return Norms.squaredL2(values, from, to);
    }

    @Override
    double l1(double[] values) {
        return Norms.l1(values);
    }

    @Override
    long[] zeroCounts(double[] values, double nearZero) {
        return DoubleSteps.zeroCounts(values, nearZero);
    }

    @Override
    void addPenaltyGradient(double[] gradient, double[] w, double c2, double c1, int from, int to) {
        DoubleSteps.addPenaltyGradient(gradient, w, c2, c1, from, to);
    }

    @Override
    void clamp(double[] g, double bound, int from, int to) {
        DoubleSteps.clamp(g, bound, from, to);
    }

    @Override
    void scale(double[] values, double factor, int from, int to) {
        DoubleSteps.scale(values, factor, from, to);
    }

    @Override
    void capColumnNorms(double[] w, int rows, double cap, int fromColumn, int toColumn) {
        DoubleSteps.capColumnNorms(w, rows, cap, fromColumn, toColumn);
    }

    @Override
    void sgd(double[] w, double[] g, double alpha, double tau, int from, int to) {
        DoubleSteps.sgd(w, g, alpha, tau, from, to);
    }

    @Override
    void momentum(double[] w, double[] g, double[] v, double alpha, double mu, double tau, boolean nesterov,
                  int from, int to) {
        DoubleSteps.momentum(w, g, v, alpha, mu, tau, nesterov, from, to);
    }

    @Override
    void adam(double[] w, double[] g, double[] m, double[] v, double alpha, double beta1, double beta2,
              double epsilon, double firstCorrection, double secondCorrection, double threshold, int from, int to) {
        DoubleSteps.adam(w, g, m, v, alpha, beta1, beta2, epsilon, firstCorrection, secondCorrection, threshold, from,
                to);
    }
}
