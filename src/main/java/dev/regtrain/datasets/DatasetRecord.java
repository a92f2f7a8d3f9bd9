package dev.regtrain.datasets;

import java.time.Instant;
import java.util.List;

/** An uploaded dataset as the API lists it; {@code classes} is null for regression. */
public record DatasetRecord(String id, String name, int rows, int features, String task, List<String> classes,
                            String imageShape, Instant createdAt) {
}
