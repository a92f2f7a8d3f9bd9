package dev.regtrain.storage.file;

import dev.regtrain.common.StorageException;
import dev.regtrain.jobs.CheckpointKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** One checkpoint file of a job's folder, {@code <kind>-<epoch>.ckpt}, as its name says. */
record StoredCheckpoint(Path file, CheckpointKind kind, int epoch) {

    /** The name without extension, shared by the checkpoint and its {@code .json} description. */
    String base() {
        return kind.name().toLowerCase(Locale.ROOT) + "-" + String.format(Locale.ROOT, "%08d", epoch);
    }

    /** The checkpoint files in {@code dir} of a kind (all when null), newest epoch first; then final, periodic, best. */
    static List<StoredCheckpoint> in(Path dir, CheckpointKind kind) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(StoredCheckpoint::parse).flatMap(Optional::stream)
                    .filter(s -> kind == null || s.kind() == kind)
                    .sorted(Comparator.comparingInt(StoredCheckpoint::epoch).reversed()
                            .thenComparing(s -> s.kind() == CheckpointKind.FINAL ? 0
                                    : s.kind() == CheckpointKind.PERIODIC ? 1 : 2))
                    .toList();
        } catch (NoSuchFileException e) {
            return List.of(); // deleted meanwhile
        } catch (IOException e) {
            throw new StorageException("cannot list checkpoints", e);
        }
    }

    private static Optional<StoredCheckpoint> parse(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".ckpt") || name.startsWith(".")) {
            return Optional.empty();
        }
        int dash = name.indexOf('-');
        try {
            CheckpointKind kind = CheckpointKind.valueOf(name.substring(0, dash).toUpperCase(Locale.ROOT));
            int epoch = Integer.parseInt(name.substring(dash + 1, name.length() - 5));
            return Optional.of(new StoredCheckpoint(file, kind, epoch));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
