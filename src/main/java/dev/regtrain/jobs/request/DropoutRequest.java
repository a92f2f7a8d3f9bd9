package dev.regtrain.jobs.request;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Drop probabilities in [0, 1): for the inputs, and for the hidden layers either one number for all or one per
 * layer. Resolved, {@code hidden} always has one rate per hidden layer.
 */
@Schema(description = "Inverted dropout, training only. A rate is the probability of dropping a unit, in [0, 1).")
public record DropoutRequest(
        @Schema(description = "Drop probability of the inputs", defaultValue = "0") Double input,
        @Schema(description = "One drop probability for every hidden layer, or a list with one per hidden layer",
                example = "[0.5, 0.5]")
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<Double> hidden) {
}
