package dev.regtrain.jobs.request;

/** λ₁ and λ₂ for one weight layer; a missing value keeps the global one. */
public record LayerPenaltyRequest(Double l1, Double l2) {
}
