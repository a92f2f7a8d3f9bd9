package dev.regtrain.storage.file;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forces files to disk on a thread of its own, so that a training thread that has written a periodic or best
 * checkpoint goes on while the disk catches up: an fsync costs milliseconds, about as much as an epoch of a small
 * job, and a checkpoint takes three or four. Until its files are forced, a power loss (not a crash of the process:
 * the page cache outlives that) may leave a checkpoint torn or empty under its final name; its checksum then tells
 * ({@link VerifiedFiles}), and the previous intact checkpoint is used. At most {@link #MAX_PENDING} forces wait at
 * once: a writer beyond them waits for the disk. {@link #drain} waits for every force asked for before it, so that a
 * job's final checkpoint, forced in place, comes after all of its earlier ones are on disk.
 */
final class DeferredSync implements AutoCloseable {

    static final int MAX_PENDING = 16;

    private static final Logger log = LoggerFactory.getLogger(DeferredSync.class);

    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "regtrain-file-sync");
        t.setDaemon(true);
        return t;
    });
    private final Semaphore room = new Semaphore(MAX_PENDING);
    private final Consumer<Path> forcer;

    DeferredSync() {
        this(DeferredSync::forceFileOrDirectory);
    }

    /** @param forcer forces one file or directory to disk (tests watch and hold it) */
    DeferredSync(Consumer<Path> forcer) {
        this.forcer = forcer;
    }

    /** Has {@code files}, then their {@code directory} (their names), forced to disk soon, in the order asked. */
    void force(List<Path> files, Path directory) {
        room.acquireUninterruptibly();
        try {
            thread.execute(() -> {
                try {
                    files.forEach(forcer);
                    forcer.accept(directory);
                } catch (RuntimeException e) {
                    log.warn("could not force {} to disk: {}; a power loss could tear it (its checksum would tell)",
                            files, e.getMessage());
                } finally {
                    room.release();
                }
            });
        } catch (RejectedExecutionException e) { // closed: force here
            room.release();
            files.forEach(forcer);
            forcer.accept(directory);
        }
    }

    /** Waits until every force asked for before this call is done. */
    void drain() {
        try {
            thread.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RejectedExecutionException e) {
            // closed: every force was done by close
        }
    }

    /** Does the forces still waiting, then stops the thread. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("files were still being forced to disk after 30 s; the rest is left to the system");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void forceFileOrDirectory(Path path) {
        if (java.nio.file.Files.isDirectory(path)) {
            AtomicFiles.forceDirectory(path);
        } else {
            AtomicFiles.force(path);
        }
    }
}
