package dev.regtrain.models.document;

import java.util.List;

/**
 * What a job's models share besides their weights: the task, the raw input width, the class labels, the
 * standardisation fitted on the training split, and the digest of the dataset (see {@link Provenance}; null in
 * metadata written before it was recorded).
 */
public record ModelMeta(String task, int inputs, List<String> classes, StandardizationDocument standardization,
                        String datasetSha256) {

    public ModelMeta(String task, int inputs, List<String> classes, StandardizationDocument standardization) {
        this(task, inputs, classes, standardization, null);
    }
}
