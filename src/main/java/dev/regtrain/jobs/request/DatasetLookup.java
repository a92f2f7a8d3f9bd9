package dev.regtrain.jobs.request;

import dev.regtrain.models.document.ModelDocument;
import java.util.Optional;

/** What request resolution may look up: uploaded datasets and other jobs' checkpoints. */
public interface DatasetLookup {

    /** The shape of an uploaded dataset, or empty when there is none with that id. */
    Optional<DatasetShape> uploaded(String id);

    /** The model document of another job's checkpoint ({@code best}, {@code latest} or an epoch), if it exists. */
    Optional<ModelDocument> checkpointModel(String jobId, String ref);
}
