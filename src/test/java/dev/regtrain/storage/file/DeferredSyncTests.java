package dev.regtrain.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Forces in the background, in order, with a bound on what waits, and a barrier for what must come after. */
class DeferredSyncTests {

    private final List<Path> forced = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch disk = new CountDownLatch(1);
    private final DeferredSync sync = new DeferredSync(path -> {
        try {
            disk.await(30, TimeUnit.SECONDS); // the disk answers when the test lets it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        forced.add(path);
    });

    @AfterEach
    void letTheDiskGo() {
        disk.countDown();
        sync.close();
    }

    @Test
    void aWriterGoesOnWhileTheDiskCatchesUpAndADrainWaitsForEverythingAskedBefore() {
        sync.force(List.of(Path.of("a.ckpt"), Path.of("a.json")), Path.of("dir"));
        CompletableFuture<Void> drained = CompletableFuture.runAsync(sync::drain);

        assertThat(forced).as("the writer did not wait for the disk").isEmpty();
        assertThat(drained).as("the drain waits for the disk").isNotDone();
        disk.countDown();

        await().atMost(Duration.ofSeconds(10)).until(drained::isDone);
        assertThat(forced).containsExactly(Path.of("a.ckpt"), Path.of("a.json"), Path.of("dir"));
    }

    @Test
    void aWriterWaitsOnceTooManyForcesArePending() {
        for (int i = 0; i < DeferredSync.MAX_PENDING; i++) {
            sync.force(List.of(Path.of(i + ".ckpt")), Path.of("dir"));
        }
        CompletableFuture<Void> oneMore = CompletableFuture.runAsync(
                () -> sync.force(List.of(Path.of("late.ckpt")), Path.of("dir")));

        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> !oneMore.isDone());
        disk.countDown();

        await().atMost(Duration.ofSeconds(10)).until(oneMore::isDone);
        sync.drain();
        assertThat(forced).hasSize(2 * (DeferredSync.MAX_PENDING + 1)).contains(Path.of("late.ckpt"));
    }

    @Test
    void afterCloseAForceIsDoneInPlace() {
        disk.countDown();
        sync.close();

        sync.force(List.of(Path.of("b.ckpt")), Path.of("dir"));

        assertThat(forced).containsExactly(Path.of("b.ckpt"), Path.of("dir"));
    }
}
