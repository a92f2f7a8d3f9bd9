package dev.regtrain.jobs;

import java.time.Instant;

/**
 * A stored checkpoint.
 *
 * @param ref how to ask for it: {@code best} for the best checkpoint, else its epoch
 * @param monitorValue the monitored value at that epoch (null when the epoch had none, and for checkpoints written
 *                     before periodic and final ones carried it)
 */
public record CheckpointInfo(String ref, int epoch, CheckpointKind kind, Double monitorValue, Instant createdAt,
                             long sizeBytes, String sha256) {
}
