package dev.regtrain.jobs.request;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Hidden layers, output ({@link Choice#OUTPUT}) and initialisation ({@link Choice#INIT}). */
@Schema(description = "The network: hidden layers, output and initialisation")
public record NetworkRequest(
        @Schema(description = "Hidden layers; none gives logistic, softmax or linear regression", defaultValue = "[]")
        List<HiddenLayerRequest> hidden,
        @Schema(description = "sigmoid (binary cross-entropy) for two classes, softmax (cross-entropy) for more, linear "
                + "(half squared error) for regression; auto picks by the dataset") String output,
        @Schema(description = "he for relu-like activations, xavier otherwise; auto picks by the first hidden layer")
        String init) {
}
