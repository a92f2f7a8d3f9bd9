package dev.regtrain.storage.file;

import dev.regtrain.config.RegtrainProperties;
import dev.regtrain.data.CorruptDatasetException;
import dev.regtrain.data.Dataset;
import dev.regtrain.data.DatasetCodec;
import dev.regtrain.datasets.DatasetRecord;
import dev.regtrain.datasets.DatasetStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Uploaded datasets under {@code <data-dir>/datasets/<id>/}: {@code dataset.bin} (versioned, checksummed) is
 * written first and {@code dataset.json} (the record) last, so a dataset exists only once it is complete.
 */
@Component
class FileDatasetStore implements DatasetStore {

    private static final Logger log = LoggerFactory.getLogger(FileDatasetStore.class);

    private final Path root;
    private final RegtrainProperties.Limits limits;

    FileDatasetStore(RegtrainProperties properties) {
        this.root = AtomicFiles.prepareRoot(properties.dataDir(), "datasets");
        this.limits = properties.limits();
    }

    @Override
    public void save(DatasetRecord record, Dataset data) {
        Path dir = StorageJson.directory(root, record.id());
        AtomicFiles.write(dir.resolve("dataset.bin"), DatasetCodec.encode(data));
        AtomicFiles.write(dir.resolve("dataset.json"), StorageJson.MAPPER.writeValueAsBytes(record));
    }

    @Override
    public List<DatasetRecord> loadAll() {
        return StorageJson.readAll(root, dir -> dir.resolve("dataset.json"), DatasetRecord.class, log);
    }

    @Override
    public Optional<Dataset> load(String id) {
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
        AtomicFiles.deleteTree(StorageJson.directory(root, id));
    }
}
