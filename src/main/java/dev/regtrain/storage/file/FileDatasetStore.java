package dev.regtrain.storage.file;

import dev.regtrain.config.RegtrainProperties;
import dev.regtrain.data.CorruptDatasetException;
import dev.regtrain.data.Dataset;
import dev.regtrain.data.DatasetCodec;
import dev.regtrain.datasets.DatasetRecord;
import dev.regtrain.datasets.DatasetStore;
import java.nio.file.Files;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import dev.regtrain.common.DamageLog;
import dev.regtrain.common.Owner;
import dev.regtrain.common.DamagedDataException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Uploaded datasets under {@code <data-dir>/datasets/<id>/}: {@code dataset.bin} (versioned, checksummed) is
 * written first and {@code dataset.json} (the record, checksummed) last, so a dataset exists only once it is
 * complete. The records are read once at start into an index that lists; the files stay the truth. A record that is
 * damaged is set aside ({@code dataset.json.damaged}) and reported; a dataset whose data does not read back intact is
 * listed with what is wrong ({@code damaged}) and cannot be trained on.
 */
@Component
@ConditionalOnProperty(name = "regtrain.store", havingValue = "file", matchIfMissing = true)
class FileDatasetStore implements DatasetStore {

    private static final Logger log = LoggerFactory.getLogger(FileDatasetStore.class);

    private final Path root;
    private final RegtrainProperties.Limits limits;
    private final Map<String, DatasetRecord> index = new ConcurrentHashMap<>();
    private final DamageLog damage;
    private final VerifiedFiles verified = new VerifiedFiles();

    FileDatasetStore(RegtrainProperties properties, DamageLog damage) {
        this.root = AtomicFiles.prepareRoot(properties.dataDir(), "datasets");
        this.limits = properties.limits();
        this.damage = damage;
        StorageJson.readAll(root, dir -> dir.resolve("dataset.json"), DatasetRecord.class, this::setAside)
                .forEach(r -> index.put(r.id(), r));
    }

    private void setAside(Path record, String problem) {
        String id = record.getParent().getFileName().toString();
        damage.report("dataset", id, "its record (dataset.json) is damaged: " + problem + "; it is not listed, and "
                + "its files were kept (dataset.json.damaged)");
        try {
            Files.move(record, record.resolveSibling("dataset.json.damaged"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            log.warn("dataset {}: its damaged record could not be set aside: {}", id, e.getMessage());
        }
    }

    /** The record as stored, with what is wrong when its data does not read back intact. */
    private DatasetRecord checked(DatasetRecord record) {
        if (verified.intact(StorageJson.directory(root, record.id()).resolve("dataset.bin"))) {
            return record;
        }
        String problem = "its data (dataset.bin) does not read back intact; it cannot be trained on";
        damage.report("dataset", record.id(), problem);
        return record.withDamage(problem);
    }

    /** Writes the data, then the record; if either fails, nothing of the dataset is left behind. */
    @Override
    public void save(DatasetRecord record, Dataset data) {
        Path dir = StorageJson.directory(root, record.id());
        try {
            AtomicFiles.write(dir.resolve("dataset.bin"), DatasetCodec.encode(data));
            AtomicFiles.write(dir.resolve("dataset.json"), ChecksummedJson.record(record));
        } catch (RuntimeException e) {
            AtomicFiles.deleteTree(dir);
            throw e;
        }
        index.put(record.id(), record);
    }

    @Override
    public Optional<DatasetRecord> find(String id) {
        return Optional.ofNullable(index.get(id)).map(this::checked);
    }

    @Override
    public List<DatasetRecord> list() {
        return index.values().stream().sorted(Comparator.comparing(DatasetRecord::createdAt).reversed()
                .thenComparing(DatasetRecord::id)).map(this::checked).toList();
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
            String problem = "its data (dataset.bin) does not read back intact; it cannot be trained on";
            damage.report("dataset", id, problem);
            throw new DamagedDataException("dataset " + id + " is damaged: " + problem);
        }
    }

    /** The sizes of the owner's data files (each file's size from the file system, not read). */
    @Override
    public long storedBytes(Owner owner) {
        long bytes = 0;
        for (DatasetRecord record : index.values()) {
            if (owner.equals(record.owner())) {
                bytes += AtomicFiles.sizeIfExists(StorageJson.directory(root, record.id()).resolve("dataset.bin"));
            }
        }
        return bytes;
    }

    @Override
    public void delete(String id) {
        index.remove(id);
        Path dir = StorageJson.directory(root, id);
        AtomicFiles.deleteTree(dir);
        verified.forget(dir);
        damage.forget("dataset", id);
    }
}
