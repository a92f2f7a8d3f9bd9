package dev.regtrain.jobs.request;

import java.util.List;

/**
 * λ₁ and λ₂ in the objective's λ/m scaling, bias penalty, L1 update rule, decoupled weight decay, max-norm and
 * per-weight-layer overrides (one entry per weight layer, hidden layers then output; an entry may be null).
 */
public record PenaltyRequest(Double l1, Double l2, Boolean regularizeBias, String l1Update, Double weightDecay,
                             Double maxNorm, List<LayerPenaltyRequest> layers) {
}
