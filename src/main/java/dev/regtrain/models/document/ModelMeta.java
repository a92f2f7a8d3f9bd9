package dev.regtrain.models.document;

import java.util.List;

/**
 * What a job's models share besides their weights: the task, the raw input width, the class labels and the
 * standardisation fitted on the training split.
 */
public record ModelMeta(String task, int inputs, List<String> classes, StandardizationDocument standardization) {
}
