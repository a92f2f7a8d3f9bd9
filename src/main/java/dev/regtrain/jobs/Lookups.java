package dev.regtrain.jobs;

import dev.regtrain.datasets.DatasetService;
import dev.regtrain.data.ImageShape;
import dev.regtrain.data.Task;
import dev.regtrain.models.document.ModelDocument;
import dev.regtrain.models.document.ModelDocuments;
import dev.regtrain.jobs.request.DatasetLookup;
import dev.regtrain.jobs.request.DatasetShape;
import dev.regtrain.common.Callers;
import dev.regtrain.common.InvalidRequestException;
import java.util.Optional;

/** What request resolution looks up: uploaded datasets' shapes and other jobs' checkpoints as model documents. */
final class Lookups implements DatasetLookup {

    private final DatasetService datasets;
    private final CheckpointStore checkpoints;
    private final JobStore store;
    private final Callers callers;

    Lookups(DatasetService datasets, CheckpointStore checkpoints, JobStore store, Callers callers) {
        this.datasets = datasets;
        this.checkpoints = checkpoints;
        this.store = store;
        this.callers = callers;
    }

    @Override
    public Optional<DatasetShape> uploaded(String id) {
        Optional<dev.regtrain.datasets.DatasetRecord> found = datasets.find(id);
        if (found.isPresent() && found.get().damaged() != null) {
            throw new InvalidRequestException("dataset.id", "dataset " + id + " is damaged: " + found.get().damaged());
        }
        return found.map(r -> new DatasetShape("dataset:" + id, r.rows(), r.features(),
                Task.valueOf(r.task().toUpperCase(java.util.Locale.ROOT)), r.classes(),
                r.imageShape() == null ? null : ImageShape.parse(r.imageShape())));
    }

    @Override
    public Optional<ModelDocument> checkpointModel(String jobId, String ref) {
        // another owner's job is, for a warm start, a job that does not exist
        if (store.find(jobId).filter(job -> callers.current().sees(job.owner())).isEmpty()) {
            return Optional.empty();
        }
        return checkpoints.load(jobId, ref).flatMap(loaded -> store.loadModelMeta(jobId).map(meta ->
                ModelDocuments.toDocument(jobId, loaded.info().epoch(), meta, loaded.state().network(),
                        loaded.state().parameters(), loaded.state().precision())));
    }
}
