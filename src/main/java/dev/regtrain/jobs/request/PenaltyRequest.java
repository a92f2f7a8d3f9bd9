package dev.regtrain.jobs.request;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * λ₁ and λ₂ in the objective's λ/m scaling, bias penalty, L1 update rule, decoupled weight decay, max-norm and
 * per-weight-layer overrides (one entry per weight layer, hidden layers then output; an entry may be null), and
 * whether batch normalisation's γ and β are penalised.
 */
@Schema(description = "J = (1/m)·Σℓ + (l2/(2m))·Σ‖W‖²_F + (l1/m)·Σ‖W‖₁; see the README for conversions from Keras, "
        + "PyTorch and scikit-learn")
public record PenaltyRequest(
        @Schema(description = "λ₁ in the λ/m scaling", defaultValue = "0", example = "0.0") Double l1,
        @Schema(description = "λ₂ in the λ/m scaling", defaultValue = "0", example = "0.5") Double l2,
        @Schema(description = "Penalise biases like weights", defaultValue = "false") Boolean regularizeBias,
        @Schema(description = "subgradient adds (λ₁/m)·sign(w) to the gradient; proximal soft-thresholds after each "
                + "step (exact zeros)") String l1Update,
        @Schema(description = "Decoupled decay after each step, W ← W − α·weightDecay·W", defaultValue = "0")
        Double weightDecay,
        @Schema(description = "Cap on the L2 norm of each unit's incoming weights; null = none") Double maxNorm,
        @Schema(description = "Per weight layer (hidden layers, then output) an override {l1, l2} or null; null = none")
        List<LayerPenaltyRequest> layers,
        @Schema(description = "Penalise batch normalisation's γ and β like weights", defaultValue = "false")
        Boolean regularizeBatchNorm) {

    /** Penalties that leave batch normalisation's γ and β alone. */
    public PenaltyRequest(Double l1, Double l2, Boolean regularizeBias, String l1Update, Double weightDecay,
                          Double maxNorm, List<LayerPenaltyRequest> layers) {
        this(l1, l2, regularizeBias, l1Update, weightDecay, maxNorm, layers, null);
    }
}
