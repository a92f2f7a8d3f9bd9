package dev.regtrain.engine;

/**
 * The element-wise loops of a layer in single precision, each the twin of a double loop of {@link Activation},
 * {@link Output} and {@link BatchNorm}: the same formulas on floats. Functions the JDK has only in double (exp, tanh,
 * log) are evaluated in double and rounded; sums over a batch's rows (batch statistics, bias gradients) and the loss
 * are accumulated in double, as PyTorch accumulates float reductions on the CPU.
 */
final class FloatLoops {

    private FloatLoops() {
    }

    /** values ← g(values) over [from, to). */
    static void activate(Activation activation, float[] values, int from, int to) {
        switch (activation) {
            case RELU -> {
                for (int i = from; i < to; i++) {
                    values[i] = Math.max(values[i], 0.0f);
                }
            }
            case LEAKY_RELU -> {
                float slope = (float) Activation.LEAKY_SLOPE;
                for (int i = from; i < to; i++) {
                    values[i] = values[i] > 0 ? values[i] : slope * values[i];
                }
            }
            case TANH -> {
                for (int i = from; i < to; i++) {
                    values[i] = (float) Math.tanh(values[i]);
                }
            }
            case SIGMOID -> {
                for (int i = from; i < to; i++) {
                    values[i] = (float) Activation.sigmoid(values[i]);
                }
            }
            case LINEAR -> {
                // g(z) = z
            }
        }
    }

    /**
     * δ ·= g'(z) over [from, to), from the activation's output a. relu's derivative is signum(a) = min(a·2⁷⁵·2⁷⁵, 1)
     * without a branch, as in double ({@link Activation}): the smallest positive float, 2⁻¹⁴⁹, becomes 2 or more.
     */
    static void multiplyByDerivative(Activation activation, float[] delta, float[] a, int from, int to) {
        switch (activation) {
            case RELU -> {
                for (int i = from; i < to; i++) {
                    delta[i] *= Math.min(a[i] * 0x1p75f * 0x1p75f, 1.0f);
                }
            }
            case LEAKY_RELU -> {
                float slope = (float) Activation.LEAKY_SLOPE;
                for (int i = from; i < to; i++) {
                    delta[i] *= a[i] > 0 ? 1.0f : slope;
                }
            }
            case TANH -> {
                for (int i = from; i < to; i++) {
                    delta[i] *= 1.0f - a[i] * a[i];
                }
            }
            case SIGMOID -> {
                for (int i = from; i < to; i++) {
                    delta[i] *= a[i] * (1.0f - a[i]);
                }
            }
            case LINEAR -> {
                // g'(z) = 1
            }
        }
    }

    /** The output activation (sigmoid, softmax with the max subtracted, identity) of column-major logits. */
    static void outputActivation(Output output, float[] logits, float[] out, int rows, int units) {
        switch (output) {
            case SIGMOID -> {
                for (int i = 0; i < rows * units; i++) {
                    out[i] = (float) Activation.sigmoid(logits[i]);
                }
            }
            case SOFTMAX -> {
                for (int i = 0; i < rows; i++) {
                    float max = Float.NEGATIVE_INFINITY;
                    for (int k = 0; k < units; k++) {
                        max = Math.max(max, logits[i + k * rows]);
                    }
                    double expSum = 0;
                    for (int k = 0; k < units; k++) {
                        expSum += Math.exp(logits[i + k * rows] - max);
                    }
                    double inverse = 1.0 / expSum;
                    for (int k = 0; k < units; k++) {
                        out[i + k * rows] = (float) (Math.exp(logits[i + k * rows] - max) * inverse);
                    }
                }
            }
            case LINEAR -> System.arraycopy(logits, 0, out, 0, rows * units);
        }
    }

    /** Row i's loss ℓ(a, y) from the logits, in double (Output's formulas). */
    static double rowLoss(Output output, float[] logits, float[] targets, int i, int rows, int units) {
        switch (output) {
            case SIGMOID -> {
                double sum = 0;
                for (int k = 0; k < units; k++) {
                    sum += Output.sigmoidLoss(logits[i + k * rows], targets[i + k * rows]);
                }
                return sum;
            }
            case SOFTMAX -> {
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < units; k++) {
                    max = Math.max(max, logits[i + k * rows]);
                }
                double expSum = 0;
                double targetSum = 0;
                double targetDotLogits = 0;
                for (int k = 0; k < units; k++) {
                    double z = logits[i + k * rows];
                    double y = targets[i + k * rows];
                    expSum += Math.exp(z - max);
                    targetSum += y;
                    targetDotLogits += y * z;
                }
                return targetSum * (max + Math.log(expSum)) - targetDotLogits;
            }
            default -> {
                double sum = 0;
                for (int k = 0; k < units; k++) {
                    double d = (double) logits[i + k * rows] - targets[i + k * rows];
                    sum += 0.5 * d * d;
                }
                return sum;
            }
        }
    }

    static void batchNormForward(float[] values, float[] normalized, float[] gamma, float[] beta, float[] mean,
                                 float[] variance, float[] inverseStd, int rows, int fromColumn, int toColumn) {
        for (int j = fromColumn; j < toColumn; j++) {
            int offset = j * rows;
            double sum = 0;
            for (int i = offset; i < offset + rows; i++) {
                sum += values[i];
            }
            float mu = (float) (sum / rows);
            double squares = 0;
            for (int i = offset; i < offset + rows; i++) {
                float centred = values[i] - mu;
                squares += centred * centred;
            }
            float sigma2 = (float) (squares / rows);
            float inverse = (float) (1.0 / Math.sqrt(sigma2 + BatchNorm.EPSILON));
            float g = gamma[j];
            float b = beta[j];
            for (int i = offset; i < offset + rows; i++) {
                float zHat = (values[i] - mu) * inverse;
                normalized[i] = zHat;
                values[i] = g * zHat + b;
            }
            mean[j] = mu;
            variance[j] = sigma2;
            inverseStd[j] = inverse;
        }
    }

    static void batchNormRunning(float[] values, float[] gamma, float[] beta, float[] runningMean,
                                 float[] runningVariance, int rows, int fromColumn, int toColumn) {
        for (int j = fromColumn; j < toColumn; j++) {
            int offset = j * rows;
            float mu = runningMean[j];
            float inverse = (float) (1.0 / Math.sqrt(runningVariance[j] + BatchNorm.EPSILON));
            float g = gamma[j];
            float b = beta[j];
            for (int i = offset; i < offset + rows; i++) {
                values[i] = g * ((values[i] - mu) * inverse) + b;
            }
        }
    }

    static void batchNormBackward(float[] delta, float[] normalized, float[] gamma, float[] inverseStd,
                                  float[] gammaGradient, float[] betaGradient, int rows, int fromColumn, int toColumn) {
        for (int j = fromColumn; j < toColumn; j++) {
            int offset = j * rows;
            double dBeta = 0;
            double dGamma = 0;
            for (int i = offset; i < offset + rows; i++) {
                dBeta += delta[i];
                dGamma += delta[i] * normalized[i];
            }
            betaGradient[j] = (float) dBeta;
            gammaGradient[j] = (float) dGamma;
            float scale = gamma[j] * inverseStd[j];
            float meanBeta = (float) (dBeta / rows);
            float meanGamma = (float) (dGamma / rows);
            for (int i = offset; i < offset + rows; i++) {
                delta[i] = scale * (delta[i] - meanBeta - normalized[i] * meanGamma);
            }
        }
    }

    static void updateRunning(float[] runningMean, float[] runningVariance, float[] mean, float[] variance,
                              int rows) {
        if (rows < 2) {
            return;
        }
        float momentum = (float) BatchNorm.MOMENTUM;
        float rest = (float) (1 - BatchNorm.MOMENTUM);
        float correction = (float) rows / (rows - 1);
        for (int j = 0; j < runningMean.length; j++) {
            runningMean[j] = momentum * runningMean[j] + rest * mean[j];
            runningVariance[j] = momentum * runningVariance[j] + rest * variance[j] * correction;
        }
    }
}
