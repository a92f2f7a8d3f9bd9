package dev.regtrain.jobs.request;

import io.swagger.v3.oas.annotations.media.Schema;
/** Epochs, mini-batch size (0 = full batch) and the optimizer with its hyper-parameters. */
@Schema(description = "How to train")
public record TrainingRequest(
        @Schema(defaultValue = "100", example = "200") Integer epochs,
        @Schema(description = "Examples per mini-batch; 0 = full batch", defaultValue = "32", example = "32")
        Integer batchSize,
        @Schema(allowableValues = {"sgd", "momentum", "nesterov", "adam", "adamw"}, defaultValue = "sgd",
                example = "momentum") String optimizer,
        @Schema(description = "α; default 0.01, or 0.001 for adam and adamw", example = "0.05") Double learningRate,
        @Schema(description = "μ for momentum and nesterov", defaultValue = "0.9") Double momentum,
        @Schema(defaultValue = "0.9") Double beta1,
        @Schema(defaultValue = "0.999") Double beta2,
        @Schema(defaultValue = "1e-8") Double epsilon,
        @Schema(description = "Reshuffle the training examples every epoch", defaultValue = "true") Boolean shuffle) {
}
