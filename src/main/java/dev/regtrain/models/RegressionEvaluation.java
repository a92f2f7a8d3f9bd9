package dev.regtrain.models;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A regression model on a dataset: the data loss ½·mean (a − y)² (no penalty), RMSE, MAE and R² (null when the
 * targets do not vary).
 */
@Schema(description = "A regression's evaluation")
public record RegressionEvaluation(@Schema(example = "100") int rows, @Schema(example = "0.012") double loss,
                                   @Schema(example = "0.155") double rmse, @Schema(example = "0.12") double mae,
                                   @Schema(example = "0.93") Double r2) {
}
