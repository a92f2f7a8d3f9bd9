package dev.regtrain.storage.file;

import dev.regtrain.common.DamageLog;
import dev.regtrain.common.StorageException;
import dev.regtrain.config.RegtrainProperties;
import dev.regtrain.webhooks.OutboxEntry;
import dev.regtrain.webhooks.OutboxStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The webhooks' outbox under {@code <data-dir>/outbox/}: one checksummed file per entry, named by its key (sequence
 * first, so the names sort in the order of writing). {@link #put} writes a temporary file, forces it to disk, renames
 * it over the entry and forces the directory: when it returns, the entry survives a crash or a power loss.
 */
@Component
@ConditionalOnProperty(name = "regtrain.store", havingValue = "file", matchIfMissing = true)
class FileOutboxStore implements OutboxStore {

    private static final Pattern KEY = Pattern.compile("[0-9]{19}-evt_[0-9a-f]{32}-[0-9a-f-]{36}");

    private final Path root;
    private final DamageLog damage;

    FileOutboxStore(RegtrainProperties properties, DamageLog damage) {
        this.root = AtomicFiles.prepareRoot(properties.dataDir(), "outbox");
        this.damage = damage;
    }

    private Path file(OutboxEntry entry) {
        if (!KEY.matcher(entry.key()).matches()) {
            throw new IllegalArgumentException("not an outbox key");
        }
        return root.resolve(entry.key() + ".json");
    }

    @Override
    public void put(OutboxEntry entry) {
        AtomicFiles.write(file(entry), ChecksummedJson.record(entry));
    }

    @Override
    public void remove(OutboxEntry entry) {
        try {
            Files.deleteIfExists(file(entry));
        } catch (IOException e) {
            throw new StorageException("cannot delete an outbox entry", e);
        }
    }

    @Override
    public List<OutboxEntry> all() {
        return StorageJson.readAll(root, file -> file.getFileName().toString().endsWith(".json") ? file : null,
                        OutboxEntry.class, (file, problem) -> damage.report("webhook-event",
                                file.getFileName().toString(), "its outbox entry is damaged (" + problem
                                        + ") and is not delivered"))
                .stream().sorted(Comparator.comparing(OutboxEntry::key)).toList();
    }
}
