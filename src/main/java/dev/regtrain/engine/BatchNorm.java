package dev.regtrain.engine;

/**
 * Batch normalisation of a hidden layer's pre-activations z (MATH.md), over column-major rows × units buffers, each
 * loop over a range of columns (units) so that the threads of a workspace can share a layer. For a mini-batch of B
 * rows and unit j: μ = mean(z), σ² = mean((z − μ)²) (biased), ẑ = (z − μ)/√(σ² + ε), y = γ·ẑ + β. At inference
 * y = γ·(z − μ_r)/√(σ²_r + ε) + β with the running averages μ_r ← ρ·μ_r + (1 − ρ)·μ and
 * σ²_r ← ρ·σ²_r + (1 − ρ)·σ²·B/(B − 1).
 */
public final class BatchNorm {

    /** ε under the square root. */
    public static final double EPSILON = 1e-5;
    /** ρ of the running averages. */
    public static final double MOMENTUM = 0.9;

    private BatchNorm() {
    }

    /**
     * Training form, in place: z (in {@code values}) becomes y = γ·ẑ + β; ẑ goes to {@code normalized}, and μ, σ²
     * and 1/√(σ² + ε) of each column to {@code mean}, {@code variance} and {@code inverseStd}.
     */
    static void forwardBatch(double[] values, double[] normalized, double[] gamma, double[] beta, double[] mean,
                             double[] variance, double[] inverseStd, int rows, int fromColumn, int toColumn) {
        for (int j = fromColumn; j < toColumn; j++) {
            int offset = j * rows;
            double sum = 0;
            for (int i = offset; i < offset + rows; i++) {
                sum += values[i];
            }
            double mu = sum / rows;
            double squares = 0;
            for (int i = offset; i < offset + rows; i++) {
                double centred = values[i] - mu;
                squares += centred * centred;
            }
            double sigma2 = squares / rows;
            double inverse = 1.0 / Math.sqrt(sigma2 + EPSILON);
            double g = gamma[j];
            double b = beta[j];
            for (int i = offset; i < offset + rows; i++) {
                double zHat = (values[i] - mu) * inverse;
                normalized[i] = zHat;
                values[i] = g * zHat + b;
            }
            mean[j] = mu;
            variance[j] = sigma2;
            inverseStd[j] = inverse;
        }
    }

    /** Inference form, in place: z becomes γ·(z − μ_r)/√(σ²_r + ε) + β. */
    static void forwardRunning(double[] values, double[] gamma, double[] beta, double[] runningMean,
                               double[] runningVariance, int rows, int fromColumn, int toColumn) {
        for (int j = fromColumn; j < toColumn; j++) {
            int offset = j * rows;
            double mu = runningMean[j];
            double inverse = 1.0 / Math.sqrt(runningVariance[j] + EPSILON);
            double g = gamma[j];
            double b = beta[j];
            for (int i = offset; i < offset + rows; i++) {
                values[i] = g * ((values[i] - mu) * inverse) + b;
            }
        }
    }

    /**
     * The backward pass through y = γ·ẑ + β with μ and σ² functions of the batch. With δ = ∂L/∂y (L the batch's
     * mean loss, so the 1/B is already inside δ): ∂L/∂β = Σᵢ δᵢ, ∂L/∂γ = Σᵢ δᵢ·ẑᵢ, and
     * ∂L/∂zᵢ = γ/√(σ² + ε)·(δᵢ − (∂L/∂β + ẑᵢ·∂L/∂γ)/B), which replaces δ in place.
     */
    static void backward(double[] delta, double[] normalized, double[] gamma, double[] inverseStd,
                         double[] gammaGradient, double[] betaGradient, int rows, int fromColumn, int toColumn) {
        for (int j = fromColumn; j < toColumn; j++) {
            int offset = j * rows;
            double dBeta = 0;
            double dGamma = 0;
            for (int i = offset; i < offset + rows; i++) {
                dBeta += delta[i];
                dGamma += delta[i] * normalized[i];
            }
            betaGradient[j] = dBeta;
            gammaGradient[j] = dGamma;
            double scale = gamma[j] * inverseStd[j];
            double meanBeta = dBeta / rows;
            double meanGamma = dGamma / rows;
            for (int i = offset; i < offset + rows; i++) {
                delta[i] = scale * (delta[i] - meanBeta - normalized[i] * meanGamma);
            }
        }
    }

    /**
     * μ_r ← ρ·μ_r + (1 − ρ)·μ and σ²_r ← ρ·σ²_r + (1 − ρ)·σ²·B/(B − 1) for every unit, after a training batch of
     * B rows; a batch of one row has no unbiased variance and leaves both unchanged.
     */
    static void updateRunning(double[] runningMean, double[] runningVariance, double[] mean, double[] variance,
                              int rows) {
        if (rows < 2) {
            return;
        }
        double correction = (double) rows / (rows - 1);
        for (int j = 0; j < runningMean.length; j++) {
            runningMean[j] = MOMENTUM * runningMean[j] + (1 - MOMENTUM) * mean[j];
            runningVariance[j] = MOMENTUM * runningVariance[j] + (1 - MOMENTUM) * variance[j] * correction;
        }
    }
}
