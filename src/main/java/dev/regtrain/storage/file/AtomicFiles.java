package dev.regtrain.storage.file;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import dev.regtrain.common.StorageException;
import dev.regtrain.common.StorageFullException;

/**
 * Crash-safe file operations: a write goes to a temporary file in the same directory, is forced to disk, renamed over
 * the target in one atomic step, and the directory is forced too. A reader sees the old file or the new one, never a
 * torn mix.
 */
final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * The exception a failed write becomes: {@link StorageFullException} when the file system has no room left
     * (ENOSPC, EDQUOT), else {@link StorageException}; the message names what was written, never a path.
     */
    static StorageException failure(String what, IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("No space left on device") || message.contains("Disk quota exceeded")) {
                return new StorageFullException("the data directory is full: could not write " + what, e);
            }
        }
        return new StorageException("could not write " + what + ": " + e.getClass().getSimpleName(), e);
    }

    /** What writes a file's content, in one pass, to the stream it is given. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    static void write(Path target, byte[] bytes) {
        write(target, out -> out.write(bytes));
    }

    /**
     * Writes {@code content} as the new {@code target}, streamed into the temporary file (so nothing of it need be in
     * memory at once). A failure of the content's own (an {@link UncheckedIOException} from a sink it writes through)
     * is handled as one of the file's: the temporary file is removed and the target stays as it was.
     */
    static void write(Path target, Content content) {
        write(target, content, true);
    }

    /**
     * As {@link #write(Path, Content)}; unless {@code forced}, neither the file nor the rename is forced to disk here:
     * the caller has them forced later ({@link DeferredSync}), and until then a power loss may leave the target torn.
     */
    static void write(Path target, Content content, boolean forced) {
        Path directory = target.getParent();
        Path temporary = directory.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(directory);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                content.writeTo(Channels.newOutputStream(channel));
                if (forced) {
                    channel.force(true);
                }
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            if (forced) {
                forceDirectory(directory);
            }
        } catch (IOException | UncheckedIOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the temporary file is cleaned at the next start
            }
            IOException cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
            throw failure(describe(target), cause);
        }
    }

    /** Forces a directory's entries (a rename) to disk, where the platform allows it. */
    static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some platforms cannot open directories; the rename is still atomic there
        }
    }

    /**
     * Gives {@code existing}'s content a second name, atomically: a hard link (no second write of a large checkpoint),
     * or a copy where the file system has no links.
     */
    static void link(Path existing, Path target) {
        link(existing, target, true);
    }

    /** As {@link #link(Path, Path)}; unless {@code forced}, the new name is not forced to disk here. */
    static void link(Path existing, Path target, boolean forced) {
        Path directory = target.getParent();
        Path temporary = directory.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try {
                Files.createLink(temporary, existing);
            } catch (UnsupportedOperationException | IOException e) {
                Files.copy(existing, temporary);
                if (forced) {
                    force(temporary);
                }
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            if (forced) {
                forceDirectory(directory);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the temporary file is cleaned at the next start
            }
            throw failure(describe(target), e);
        }
    }

    /** Appends bytes to a file (not forced: callers force when the data must survive a power loss). */
    static void append(Path target, byte[] bytes) {
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw failure(describe(target), e);
        }
    }

    static void force(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        } catch (IOException e) {
            throw failure(describe(file), e);
        }
    }

    /** What a file is, for a message: its name within the job, dataset or key folder ({@code job.json}, …). */
    static String describe(Path file) {
        return file.getFileName().toString();
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new StorageException("could not read " + describe(file), e);
        }
    }

    /** A file's size from the file system (the file is not read), 0 when it does not exist. */
    static long sizeIfExists(Path file) {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new StorageException("could not read the size of " + describe(file), e);
        }
    }

    /** Deletes a directory tree: first renamed aside, so a crash midway never leaves a half-deleted live entry. */
    static void deleteTree(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        Path trash = directory.resolveSibling(".deleted-" + directory.getFileName() + "-" + UUID.randomUUID());
        try {
            Files.move(directory, trash, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory(directory.getParent());
            removeTree(trash);
        } catch (NoSuchFileException e) {
            // already gone
        } catch (IOException e) {
            throw new StorageException("could not delete " + describe(directory), e);
        }
    }

    /**
     * The store's directory {@code name} under the data directory, created if missing and cleaned of what interrupted
     * writes and deletions left behind.
     */
    static Path prepareRoot(Path dataDir, String name) {
        Path root = dataDir.resolve(name);
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new StorageException("cannot create the " + name + " directory", e);
        }
        cleanLeftovers(root);
        return root;
    }

    /**
     * Removes leftovers of interrupted writes ({@code .*.tmp}) and deletions ({@code .deleted-*}) anywhere under a
     * directory: in a job's checkpoints as much as at the top.
     */
    static void cleanLeftovers(Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                    if (dir.getFileName().toString().startsWith(".deleted-")) {
                        removeTree(dir);
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    String name = file.getFileName().toString();
                    if (name.startsWith(".") && name.endsWith(".tmp")) {
                        Files.deleteIfExists(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new StorageException("could not clean " + describe(directory), e);
        }
    }

    private static void removeTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(path);
                } catch (DirectoryNotEmptyException e) {
                    // a concurrent writer; the next start removes it
                }
            }
        }
    }
}
