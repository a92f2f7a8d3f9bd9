package dev.regtrain.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Penalties and weight constraints, MATH.md: λ₁ and λ₂ in the λ/m scaling, biases penalised only with
 * {@code regularizeBias}, batch normalisation's γ and β only with {@code regularizeBatchNorm}, subgradient or
 * proximal L1, decoupled weight decay, and an optional max-norm cap.
 *
 * @param layers per weight layer (1..L, index 0 = layer 1) an override or null; an empty list means no overrides
 * @param maxNorm cap c on each unit's incoming-weight norm, or null for none
 */
public record PenaltySpec(double l1, double l2, boolean regularizeBias, L1Update l1Update, double weightDecay,
                          Double maxNorm, List<LayerPenalty> layers, boolean regularizeBatchNorm) {

    public static final PenaltySpec NONE = new PenaltySpec(0, 0, false, L1Update.SUBGRADIENT, 0, null, List.of());

    public PenaltySpec {
        new LayerPenalty(l1, l2); // same checks
        Objects.requireNonNull(l1Update, "l1Update");
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weightDecay must be finite and ≥ 0");
        }
        if (maxNorm != null && !(maxNorm > 0 && maxNorm < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("maxNorm must be positive and finite");
        }
        layers = layers == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(layers));
    }

    /** Penalties that leave batch normalisation's γ and β alone. */
    public PenaltySpec(double l1, double l2, boolean regularizeBias, L1Update l1Update, double weightDecay,
                       Double maxNorm, List<LayerPenalty> layers) {
        this(l1, l2, regularizeBias, l1Update, weightDecay, maxNorm, layers, false);
    }

    /** The same penalties with L1 as a subgradient term of the gradient (the smooth form a gradient check needs). */
    public PenaltySpec withSubgradientL1() {
        return new PenaltySpec(l1, l2, regularizeBias, L1Update.SUBGRADIENT, weightDecay, maxNorm, layers,
                regularizeBatchNorm);
    }

    /** λ₁ for weight layer l (1-based): the override if there is one, else the global value. */
    public double l1(int layer) {
        LayerPenalty override = override(layer);
        return override == null ? l1 : override.l1();
    }

    /** λ₂ for weight layer l (1-based). */
    public double l2(int layer) {
        LayerPenalty override = override(layer);
        return override == null ? l2 : override.l2();
    }

    private LayerPenalty override(int layer) {
        return layer - 1 < layers.size() ? layers.get(layer - 1) : null;
    }
}
