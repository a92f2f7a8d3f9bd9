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
     * Whether the penalties and weight decay touch a block of this kind: weights always, biases only with
     * {@code regularizeBias}, γ and β only with {@code regularizeBatchNorm}.
     */
    boolean applies(Parameter.Kind kind) {
        return switch (kind) {
            case WEIGHTS -> true;
            case BIASES -> spec.regularizeBias();
            case GAMMA, BETA -> spec.regularizeBatchNorm();
            case RUNNING_MEAN, RUNNING_VARIANCE -> false;
        };
    }

    boolean applies(Parameter p) {
        return applies(p.kind());
    }

    /** (λ₁/m)·Σ|w| over the penalised parameters. */
    double l1Value(Network network) {
        return l1Value(NetworkValues.of(network));
    }

    /** (λ₂/(2m))·Σw² over the penalised parameters. */
    double l2Value(Network network) {
        return l2Value(NetworkValues.of(network));
    }

    <A> double l1Value(NetworkValues<A> network) {
        double total = 0;
        for (NetworkValues.Block<A> p : network.parameters()) {
            double lambda = spec.l1(p.layer());
            if (lambda > 0 && applies(p.kind())) {
                total += lambda / examples * network.arithmetic().l1(p.values());
            }
        }
        return total;
    }

    <A> double l2Value(NetworkValues<A> network) {
        double total = 0;
        Arithmetic<A> arithmetic = network.arithmetic();
        for (NetworkValues.Block<A> p : network.parameters()) {
            double lambda = spec.l2(p.layer());
            if (lambda > 0 && applies(p.kind())) {
                total += lambda / (2 * examples) * arithmetic.squaredL2(p.values(), 0, arithmetic.length(p.values()));
            }
        }
        return total;
    }

    /** grad += (λ₂/m)·w + (λ₁/m)·sign(w), the L1 part only for subgradient L1; sign(0) = 0. */
    void addGradient(Parameter p, double[] gradient) {
        addGradient(Arithmetic.DOUBLE, p.layer(), p.kind(), p.values(), gradient, 0, gradient.length);
    }

    /** The same for the elements [from, to) of a block's gradient only. */
    <A> void addGradient(Arithmetic<A> arithmetic, int layer, Parameter.Kind kind, A weights, A gradient, int from,
                         int to) {
        if (!applies(kind)) {
            return;
        }
        double c2 = spec.l2(layer) / examples;
        double c1 = spec.l1Update() == L1Update.SUBGRADIENT ? spec.l1(layer) / examples : 0.0;
        if (c1 == 0 && c2 == 0) {
            return;
        }
        arithmetic.addPenaltyGradient(gradient, weights, c2, c1, from, to);
    }

    /** λ₁ of the parameter's layer (whether or not it applies to the parameter). */
    double l1(Parameter p) {
        return spec.l1(p.layer());
    }

    /** λ₁/m when the L1 term is handled by soft-thresholding for this block, else 0. */
    double proximalThreshold(int layer, Parameter.Kind kind) {
        return spec.l1Update() == L1Update.PROXIMAL && applies(kind) ? spec.l1(layer) / examples : 0.0;
    }

    /**
     * After the optimizer step, for the columns [fromColumn, toColumn): decoupled weight decay W ← W − α·wd·W, then
     * the max-norm cap, which scales each column j of W[l] (the incoming weights of unit j) with ‖W[:,j]‖₂ &gt; c back
     * to norm c (each column on its own).
     */
    <A> void afterStep(Arithmetic<A> arithmetic, NetworkValues.Block<A> p, double learningRate, int fromColumn,
                       int toColumn) {
        if (spec.weightDecay() > 0 && applies(p.kind())) {
            double factor = 1.0 - learningRate * spec.weightDecay();
            arithmetic.scale(p.values(), factor, fromColumn * p.rows(), toColumn * p.rows());
        }
        if (spec.maxNorm() != null && p.isWeights()) {
            arithmetic.capColumnNorms(p.values(), p.rows(), spec.maxNorm(), fromColumn, toColumn);
        }
    }
}
