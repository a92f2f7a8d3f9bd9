package dev.regtrain.storage.file;

import dev.regtrain.config.RegtrainProperties;
import dev.regtrain.data.CorruptDatasetException;
import dev.regtrain.data.Dataset;
import dev.regtrain.data.DatasetCodec;
import dev.regtrain.datasets.DatasetRecord;
import dev.regtrain.datasets.DatasetStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Uploaded datasets under {@code <data-dir>/datasets/<id>/}: {@code dataset.bin} (versioned, checksummed) is
 * written first and {@code dataset.json} (the record) last, so a dataset exists only once it is complete. The records
 * are read once at start into an index that lists; the files stay the truth.
 */
@Component
class FileDatasetStore implements DatasetStore {

    private static final Logger log = LoggerFactory.getLogger(FileDatasetStore.class);

    private final Path root;
    private final RegtrainProperties.Limits limits;
    private final Map<String, DatasetRecord> index = new ConcurrentHashMap<>();

    FileDatasetStore(RegtrainProperties properties) {
        this.root = AtomicFiles.prepareRoot(properties.dataDir(), "datasets");
        this.limits = properties.limits();
        StorageJson.readAll(root, dir -> dir.resolve("dataset.json"), DatasetRecord.class, log)
                .forEach(r -> index.put(r.id(), r));
    }

    /** Writes the data, then the record; if either fails, nothing of the dataset is left behind. */
    @Override
    public void save(DatasetRecord record, Dataset data) {
        Path dir = StorageJson.directory(root, record.id());
        try {
            AtomicFiles.write(dir.resolve("dataset.bin"), DatasetCodec.encode(data));
            AtomicFiles.write(dir.resolve("dataset.json"), StorageJson.MAPPER.writeValueAsBytes(record));
        } catch (RuntimeException e) {
            AtomicFiles.deleteTree(dir);
            throw e;
        }
        index.put(record.id(), record);
    }

    @Override
    public Optional<DatasetRecord> find(String id) {
        return Optional.ofNullable(index.get(id));
    }

    @Override
    public List<DatasetRecord> list() {
        return index.values().stream().sorted(Comparator.comparing(DatasetRecord::createdAt).reversed()
                .thenComparing(DatasetRecord::id)).toList();
    }

    @Override
    public Optional<Dataset> load(String id) {
        if (!index.containsKey(id)) {
            return Optional.empty();
        }
        Path file = StorageJson.directory(root, id).resolve("dataset.bin");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(DatasetCodec.decode(AtomicFiles.read(file), limits.maxRows(), limits.maxColumns()));
        } catch (CorruptDatasetException e) {
            log.error("dataset {} is damaged: {}", id, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void delete(String id) {
        index.remove(id);
        AtomicFiles.deleteTree(StorageJson.directory(root, id));
    }
}
