package dev.regtrain.jobs.request;

import io.swagger.v3.oas.annotations.media.Schema;
/** λ₁ and λ₂ for one weight layer; a missing value keeps the global one. */
@Schema(description = "λ₁ and λ₂ for one weight layer; a missing value keeps the global one")
public record LayerPenaltyRequest(Double l1, Double l2) {
}
