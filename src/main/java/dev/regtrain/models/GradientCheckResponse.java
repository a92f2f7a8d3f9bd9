package dev.regtrain.models;

import dev.regtrain.engine.GradientCheck;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The gradient check's answer (API.md): per layer and overall, with the contract's verdict. */
@Schema(description = "Central differences against the analytic gradient on the job's exact objective. Verdict: OK "
        + "below 1e-7, CHECK up to 1e-4, WRONG above.")
public record GradientCheckResponse(
        @Schema(example = "best") String checkpoint,
        @Schema(example = "30") int epoch,
        @Schema(example = "1e-5") double epsilon,
        @Schema(example = "32") int examples,
        List<GradientCheck.LayerResult> layers,
        @Schema(example = "3.1e-9") double maxRelativeError,
        GradientCheck.Verdict verdict,
        String detail) {

    static GradientCheckResponse of(String checkpoint, int epoch, GradientCheck.Result result) {
        return new GradientCheckResponse(checkpoint, epoch, result.epsilon(), result.examples(), result.layers(),
                result.maxRelativeError(), result.verdict(), result.detail());
    }
}
