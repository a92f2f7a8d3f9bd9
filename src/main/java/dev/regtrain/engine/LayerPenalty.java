package dev.regtrain.engine;

/** A per-weight-layer override of λ₁ and λ₂ (in the objective's λ/m scaling). */
public record LayerPenalty(double l1, double l2) {

    public LayerPenalty {
        if (!(l1 >= 0) || !(l2 >= 0) || Double.isInfinite(l1) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("penalty strengths must be finite and ≥ 0");
        }
    }
}
