package dev.regtrain.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regtrain.common.StorageFullException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes that stream into a temporary file and replace the target in one step, or not at all. */
class AtomicFilesTests {

    @TempDir
    Path dir;

    @Test
    void streamedContentReplacesTheTargetWhole() throws Exception {
        Path target = dir.resolve("state.ckpt");
        Files.writeString(target, "old");

        AtomicFiles.write(target, out -> {
            for (int i = 0; i < 1000; i++) {
                out.write(("piece " + i + "\n").getBytes());
            }
        });

        assertThat(Files.readAllLines(target)).hasSize(1000).startsWith("piece 0").endsWith("piece 999");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void contentThatFailsMidwayLeavesTheOldFileAndNoTemporaryOne() throws Exception {
        Path target = dir.resolve("state.ckpt");
        Files.writeString(target, "old");

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write(new byte[100_000]);
            throw new UncheckedIOException(new IOException("No space left on device"));
        })).isInstanceOf(StorageFullException.class).hasMessageContaining("state.ckpt")
                .hasRootCauseMessage("No space left on device");

        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(leftovers()).isEmpty();
    }

    private java.util.List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
