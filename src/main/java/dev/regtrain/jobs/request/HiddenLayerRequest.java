package dev.regtrain.jobs.request;

import io.swagger.v3.oas.annotations.media.Schema;

/** One hidden layer: units, activation (one of {@link Choice#ACTIVATION}) and batch normalisation. */
@Schema(description = "A hidden layer")
public record HiddenLayerRequest(
        @Schema(description = "Number of units, at least 1", example = "64") Integer units,
        @Schema(description = "The activation of its units", example = "relu") String activation,
        @Schema(description = "Batch normalisation before the activation (MATH.md): the layer's bias is replaced by "
                + "a trained scale γ and shift β, and inference uses running averages of the batch statistics",
                defaultValue = "false") Boolean batchNorm) {

    /** A layer without batch normalisation. */
    public HiddenLayerRequest(Integer units, String activation) {
        this(units, activation, null);
    }
}
