package dev.regtrain.engine;

/**
 * The penalty part of the objective and the constraints applied after each step, for m training examples:
 * (λ₂/(2m))·Σₗ‖W[l]‖²_F + (λ₁/m)·Σₗ‖W[l]‖₁ (plus the same on b[l] with {@code regularizeBias}, and on γ[l] and β[l]
 * with {@code regularizeBatchNorm}).
 */
final class Penalties {

    private final PenaltySpec spec;
    private final double examples;

    Penalties(PenaltySpec spec, int examples) {
        this.spec = spec;
        this.examples = examples;
    }

    /**
     * Whether the penalties and weight decay touch this parameter: weights always, biases only with
     * {@code regularizeBias}, γ and β only with {@code regularizeBatchNorm}.
     */
    boolean applies(Parameter p) {
        return switch (p.kind()) {
            case WEIGHTS -> true;
            case BIASES -> spec.regularizeBias();
            case GAMMA, BETA -> spec.regularizeBatchNorm();
            case RUNNING_MEAN, RUNNING_VARIANCE -> false;
        };
    }

    /** (λ₁/m)·Σ|w| over the penalised parameters. */
    double l1Value(Network network) {
        double total = 0;
        for (Parameter p : network.parameters()) {
            double lambda = spec.l1(p.layer());
            if (lambda > 0 && applies(p)) {
                total += lambda / examples * Norms.l1(p.values());
            }
        }
        return total;
    }

    /** (λ₂/(2m))·Σw² over the penalised parameters. */
    double l2Value(Network network) {
        double total = 0;
        for (Parameter p : network.parameters()) {
            double lambda = spec.l2(p.layer());
            if (lambda > 0 && applies(p)) {
                total += lambda / (2 * examples) * Norms.squaredL2(p.values());
            }
        }
        return total;
    }

    /** grad += (λ₂/m)·w + (λ₁/m)·sign(w), the L1 part only for subgradient L1; sign(0) = 0. */
    void addGradient(Parameter p, double[] gradient) {
        addGradient(p, gradient, 0, gradient.length);
    }

    /** The same for elements [from, to) only. */
    void addGradient(Parameter p, double[] gradient, int from, int to) {
        if (!applies(p)) {
            return;
        }
        double c2 = spec.l2(p.layer()) / examples;
        double c1 = spec.l1Update() == L1Update.SUBGRADIENT ? spec.l1(p.layer()) / examples : 0.0;
        if (c1 == 0 && c2 == 0) {
            return;
        }
        double[] w = p.values();
        if (c1 == 0) {
            for (int i = from; i < to; i++) {
                gradient[i] += c2 * w[i];
            }
        } else {
            for (int i = from; i < to; i++) {
                gradient[i] += c2 * w[i] + c1 * Math.signum(w[i]);
            }
        }
    }

    /** λ₁ of the parameter's layer (whether or not it applies to the parameter). */
    double l1(Parameter p) {
        return spec.l1(p.layer());
    }

    /** λ₁/m when the L1 term is handled by soft-thresholding for this parameter, else 0. */
    double proximalThreshold(Parameter p) {
        return spec.l1Update() == L1Update.PROXIMAL && applies(p) ? spec.l1(p.layer()) / examples : 0.0;
    }

    /**
     * After the optimizer step, for the columns [fromColumn, toColumn): decoupled weight decay W ← W − α·wd·W, then
     * the max-norm cap, which scales each column j of W[l] (the incoming weights of unit j) with ‖W[:,j]‖₂ &gt; c back
     * to norm c (each column on its own).
     */
    void afterStep(Parameter p, double learningRate, int fromColumn, int toColumn) {
        double[] w = p.values();
        if (spec.weightDecay() > 0 && applies(p)) {
            double factor = 1.0 - learningRate * spec.weightDecay();
            for (int i = fromColumn * p.rows(); i < toColumn * p.rows(); i++) {
                w[i] *= factor;
            }
        }
        if (spec.maxNorm() != null && p.isWeights()) {
            double cap = spec.maxNorm();
            for (int j = fromColumn; j < toColumn; j++) {
                int from = j * p.rows();
                double squared = 0;
                for (int i = from; i < from + p.rows(); i++) {
                    squared += w[i] * w[i];
                }
                double norm = Math.sqrt(squared);
                if (norm > cap) {
                    double scale = cap / norm;
                    for (int i = from; i < from + p.rows(); i++) {
                        w[i] *= scale;
                    }
                }
            }
        }
    }
}
