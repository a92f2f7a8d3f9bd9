package dev.regtrain.storage.file;

import dev.regtrain.config.RegtrainProperties;
import dev.regtrain.idempotency.IdempotencyRecord;
import dev.regtrain.idempotency.IdempotencyStore;
import dev.regtrain.common.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Idempotency-Keys under {@code <data-dir>/idempotency/}, one file per key, named by the key's SHA-256. */
@Component
class FileIdempotencyStore implements IdempotencyStore {

    private static final Logger log = LoggerFactory.getLogger(FileIdempotencyStore.class);

    private final Path root;

    FileIdempotencyStore(RegtrainProperties properties) {
        this.root = AtomicFiles.prepareRoot(properties.dataDir(), "idempotency");
    }

    private Path file(String scope, String key) {
        return root.resolve(scope + "-" + Sha256.hex(key.getBytes(StandardCharsets.UTF_8)) + ".json");
    }

    @Override
    public List<IdempotencyRecord> loadAll() {
        return StorageJson.readAll(root, file -> file.getFileName().toString().endsWith(".json") ? file : null,
                IdempotencyRecord.class, log);
    }

    @Override
    public void save(IdempotencyRecord record) {
        AtomicFiles.write(file(record.scope(), record.key()), StorageJson.MAPPER.writeValueAsBytes(record));
    }

    @Override
    public void delete(String scope, String key) {
        try {
            Files.deleteIfExists(file(scope, key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete an idempotency record", e);
        }
    }
}
