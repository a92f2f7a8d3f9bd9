package dev.regtrain.storage.file;

import java.io.IOException;
import dev.regtrain.common.StorageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The JSON mapper for files: lenient about unknown fields (files outlive versions), and the id rule for paths. */
final class StorageJson {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private StorageJson() {
    }

    /**
     * Reads the record in {@code file.apply(entry)} for every entry of {@code root} that has one, leaving out the
     * service's own leftovers (names starting with a dot); a record that fails its checksum or cannot be read is
     * handed to {@code damaged} with what is wrong and skipped, so one damaged file never stops the service from
     * starting.
     */
    static <T> List<T> readAll(Path root, Function<Path, Path> file, Class<T> type,
                               BiConsumer<Path, String> damaged) {
        List<T> records = new ArrayList<>();
        try (Stream<Path> entries = Files.list(root)) {
            for (Path entry : entries.filter(e -> !e.getFileName().toString().startsWith(".")).toList()) {
                Path path = file.apply(entry);
                if (path == null || !Files.isRegularFile(path)) {
                    continue;
                }
                try {
                    records.add(ChecksummedJson.readRecord(AtomicFiles.read(path), type));
                } catch (ChecksummedJson.Damaged e) {
                    damaged.accept(path, e.getMessage());
                } catch (StorageException e) {
                    damaged.accept(path, "it cannot be read");
                }
            }
        } catch (IOException e) {
            throw new StorageException("cannot list " + root.getFileName(), e);
        }
        return records;
    }

    /** The directory of an id under a root; only service-issued ids are accepted, so no path can escape. */
    static Path directory(Path root, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a valid id");
        }
        return root.resolve(id);
    }
}
