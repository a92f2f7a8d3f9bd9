package dev.regtrain.models.document;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * Where a served model came from (Tribuo's habit); the document's {@code jobId} and {@code epoch} complete it.
 *
 * @param request the job's request with every default filled in, as the job echoes it
 * @param datasetSha256 SHA-256 of the dataset the job trained on, in regtrain's binary dataset encoding (for an
 *                      upload, its stored {@code dataset.bin}); null for jobs trained before it was recorded
 * @param createdAt when the weights were saved (the checkpoint's time), so the same checkpoint gives the same bytes
 */
public record Provenance(Long seed,
                         @Schema(implementation = Object.class, description = "The job's request with every default "
                                 + "filled in, as the job echoes it") JsonNode request,
                         @Schema(description = "SHA-256 of the dataset the job trained on, in regtrain's binary "
                                 + "dataset encoding (an upload's stored dataset.bin); null for jobs trained before "
                                 + "it was recorded") String datasetSha256,
                         String serviceVersion, String serviceCommit,
                         @Schema(description = "When the weights were saved (the checkpoint's time)")
                         Instant createdAt) {
}
