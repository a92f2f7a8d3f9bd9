package dev.regtrain.jobs.request;

import io.swagger.v3.oas.annotations.media.Schema;
/** A periodic checkpoint every {@code everyEpochs} epochs (0 = only best and final), keeping the last few. */
@Schema(description = "Periodic checkpoints; the best and the final checkpoint are always kept")
public record CheckpointRequest(
        @Schema(description = "A checkpoint every N epochs; 0 = only best and final", defaultValue = "10")
        Integer everyEpochs,
        @Schema(description = "How many periodic checkpoints to keep", defaultValue = "3") Integer keepLast) {
}
