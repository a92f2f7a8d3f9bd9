package dev.regtrain.datasets;

import dev.regtrain.common.ApiNames;
import dev.regtrain.common.Audit;
import dev.regtrain.common.Caller;
import dev.regtrain.common.Callers;
import dev.regtrain.common.InvalidRequestException;
import dev.regtrain.common.NotFoundException;
import dev.regtrain.common.Owner;
import dev.regtrain.config.RegtrainProperties;
import dev.regtrain.data.CsvDatasetReader;
import dev.regtrain.data.CsvOptions;
import dev.regtrain.data.Dataset;
import dev.regtrain.data.DatasetCodec;
import dev.regtrain.data.ImageShape;
import dev.regtrain.data.TaskChoice;
import dev.regtrain.models.document.ModelDocuments;
import dev.regtrain.security.StorageQuota;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Uploaded datasets: parse and store a CSV upload, list, look up and load them. */
@Service
public class DatasetService {

    private final DatasetStore store;
    private final RegtrainProperties.Limits limits;
    private final Clock clock;
    /** Who calls: another owner's dataset is, for them, one that does not exist (404, and unknown as a reference). */
    private final Callers callers;
    private final StorageQuota quota;

    public DatasetService(DatasetStore store, RegtrainProperties properties, Clock clock, Callers callers,
                          StorageQuota quota) {
        this.store = store;
        this.quota = quota;
        this.limits = properties.limits();
        this.clock = clock;
        this.callers = callers;
    }

    /**
     * Parses a CSV body (streamed: limits stop the read as soon as they are exceeded) and stores the dataset, unless
     * it would take its owner beyond the storage quota (refused before the body is read when the owner already holds
     * the quota, else once its stored size is known; nothing of it is stored).
     *
     * @param label the label column, or null for the last one
     * @param task {@code auto}, {@code classification} or {@code regression}
     * @param imageShape e.g. {@code 28x28}, or null
     */
    public DatasetRecord upload(InputStream body, String name, String label, String task, String imageShape) {
        return upload(body, name, label, task, imageShape, UUID.randomUUID().toString());
    }

    /** Uploads with an id chosen by the caller (an Idempotency-Key's claim chooses it before the dataset exists). */
    public DatasetRecord upload(InputStream body, String name, String label, String task, String imageShape,
                                String id) {
        TaskChoice choice;
        try {
            choice = task == null ? TaskChoice.AUTO : ApiNames.parse(TaskChoice.class, task);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("task", "must be one of " + String.join(", ",
                    ApiNames.of(TaskChoice.class)) + "; got '" + task + "'");
        }
        ImageShape shape = null;
        if (imageShape != null) {
            try {
                shape = ImageShape.parse(imageShape);
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("imageShape", e.getMessage());
            }
        }
        if (name != null && name.length() > 200) {
            throw new InvalidRequestException("name", "must be at most 200 characters");
        }
        String datasetName = name == null || name.isBlank() ? "dataset" : name;
        Owner owner = callers.current().owner();
        quota.admit(owner);
        Dataset data = CsvDatasetReader.read(body, new CsvOptions(datasetName, label, choice, shape,
                limits.maxRows(), limits.maxColumns(), limits.maxUploadBytes().toBytes()));
        DatasetRecord record = new DatasetRecord(id, datasetName, data.rows(),
                data.inputs(), ModelDocuments.name(data.task()), data.classes(),
                data.imageShape() == null ? null : data.imageShape().toString(), clock.instant(), owner);
        quota.store(owner, () -> DatasetCodec.encodedSize(data), () -> {
            store.save(record, data);
            return record;
        });
        Audit.log(callers.current(), "dataset", "create", id);
        return record;
    }

    /** Newest first. */
    public List<DatasetRecord> list() {
        Caller caller = callers.current();
        return store.list().stream().filter(d -> caller.sees(d.owner())).toList();
    }

    public Optional<DatasetRecord> find(String id) {
        Caller caller = callers.current();
        return id == null ? Optional.empty() : store.find(id).filter(d -> caller.sees(d.owner()));
    }

    public DatasetRecord get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("no dataset with id '" + id + "'"));
    }

    public Dataset load(String id) {
        get(id);
        return store.load(id).orElseThrow(() -> new NotFoundException("the data of dataset '" + id + "' is missing"));
    }

    /** Removes a dataset; callers check first that no queued or running job uses it. */
    public void remove(String id) {
        get(id);
        store.delete(id);
        Audit.log(callers.current(), "dataset", "delete", id);
    }
}
