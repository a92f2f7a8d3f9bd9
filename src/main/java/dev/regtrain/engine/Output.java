package dev.regtrain.engine;

/**
 * Output layer and its loss. All three pair an activation with its canonical loss, so the gradient of the summed loss
 * with respect to the logits is the same for each: ∂ℓ/∂z = a − y.
 * Buffers are column-major (rows × units): element (i, k) is at {@code i + k·rows}.
 */
public enum Output {
    /** One unit, a = σ(z), binary cross-entropy ℓ = −[y·log a + (1−y)·log(1−a)]. */
    SIGMOID {
        @Override
        double lossSum(double[] logits, double[] targets, int rows, int units) {
            double sum = 0;
            int n = rows * units;
            for (int i = 0; i < n; i++) {
                sum += sigmoidLoss(logits[i], targets[i]);
            }
            return sum;
        }

        @Override
        double weightedLossSum(double[] logits, double[] targets, double[] rowWeights, int rows, int units) {
            double sum = 0;
            for (int i = 0; i < rows; i++) {
                sum += rowWeights[i] * sigmoidLoss(logits[i], targets[i]);
            }
            return sum;
        }

        @Override
        void activate(double[] logits, double[] out, int rows, int units) {
            int n = rows * units;
            for (int i = 0; i < n; i++) {
                out[i] = Activation.sigmoid(logits[i]);
            }
        }
    },
    /** K units, a = softmax(z), cross-entropy ℓ = −Σₖ yₖ·log aₖ. */
    SOFTMAX {
        @Override
        double lossSum(double[] logits, double[] targets, int rows, int units) {
            double sum = 0;
            for (int i = 0; i < rows; i++) {
                sum += softmaxLoss(logits, targets, i, rows, units);
            }
            return sum;
        }

        @Override
        double weightedLossSum(double[] logits, double[] targets, double[] rowWeights, int rows, int units) {
            double sum = 0;
            for (int i = 0; i < rows; i++) {
                sum += rowWeights[i] * softmaxLoss(logits, targets, i, rows, units);
            }
            return sum;
        }

        @Override
        void activate(double[] logits, double[] out, int rows, int units) {
            for (int i = 0; i < rows; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < units; k++) {
                    max = Math.max(max, logits[i + k * rows]);
                }
                double expSum = 0;
                for (int k = 0; k < units; k++) {
                    double e = Math.exp(logits[i + k * rows] - max);
                    out[i + k * rows] = e;
                    expSum += e;
                }
                double inverse = 1.0 / expSum;
                for (int k = 0; k < units; k++) {
                    out[i + k * rows] *= inverse;
                }
            }
        }
    },
    /** Identity output, half squared error ℓ = ½‖a − y‖². */
    LINEAR {
        @Override
        double lossSum(double[] logits, double[] targets, int rows, int units) {
            double sum = 0;
            int n = rows * units;
            for (int i = 0; i < n; i++) {
                double d = logits[i] - targets[i];
                sum += 0.5 * d * d;
            }
            return sum;
        }

        @Override
        double weightedLossSum(double[] logits, double[] targets, double[] rowWeights, int rows, int units) {
            double sum = 0;
            for (int i = 0; i < rows; i++) {
                double rowSum = 0;
                for (int k = 0; k < units; k++) {
                    double d = logits[i + k * rows] - targets[i + k * rows];
                    rowSum += 0.5 * d * d;
                }
                sum += rowWeights[i] * rowSum;
            }
            return sum;
        }

        @Override
        void activate(double[] logits, double[] out, int rows, int units) {
            System.arraycopy(logits, 0, out, 0, rows * units);
        }
    };

    /** Σ over the rows of the per-example loss ℓ(a, y), computed from the logits z. */
    abstract double lossSum(double[] logits, double[] targets, int rows, int units);

    /** Σ over the rows of wᵢ·ℓ(aᵢ, yᵢ): each example's loss times its weight (class weights). */
    abstract double weightedLossSum(double[] logits, double[] targets, double[] rowWeights, int rows, int units);

    /**
     * The number of classes K that label smoothing spreads ε over: the units of a softmax, 2 for the single
     * probability of a sigmoid (MATH.md); 0 for a regression, which has no labels to smooth.
     */
    public int smoothingClasses(int units) {
        return switch (this) {
            case SIGMOID -> 2;
            case SOFTMAX -> units;
            case LINEAR -> 0;
        };
    }

    /** out = a = output activation of the logits. */
    abstract void activate(double[] logits, double[] out, int rows, int units);

    /** ℓ = max(z, 0) − z·y + log(1 + e^−|z|): binary cross-entropy from the logit, finite for any z. */
    static double sigmoidLoss(double z, double y) {
        return Math.max(z, 0.0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
    }

    /** −Σₖ yₖ·log softmax(z)ₖ = (Σₖ yₖ)·logsumexp(z) − Σₖ yₖ·zₖ for row i, with logsumexp shifted by max z. */
    private static double softmaxLoss(double[] logits, double[] targets, int i, int rows, int units) {
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

    public boolean isClassification() {
        return this != LINEAR;
    }
}
