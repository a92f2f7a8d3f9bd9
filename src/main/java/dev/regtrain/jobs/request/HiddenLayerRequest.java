package dev.regtrain.jobs.request;

import io.swagger.v3.oas.annotations.media.Schema;
/** One hidden layer: units and activation ({@code relu|leaky_relu|tanh|sigmoid|linear}). */
@Schema(description = "A hidden layer")
public record HiddenLayerRequest(
        @Schema(description = "Number of units, at least 1", example = "64") Integer units,
        @Schema(allowableValues = {"relu", "leaky_relu", "tanh", "sigmoid", "linear"}, defaultValue = "relu",
                example = "relu") String activation) {
}
