package dev.regtrain.engine;

import dev.regtrain.engine.kernel.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/** A test runner that runs the parts in reverse order on a pool of three threads: any order, any thread. */
public final class ShuffledRunner implements TaskRunner, AutoCloseable {

    private final int parallelism;
    private final ExecutorService pool = Executors.newFixedThreadPool(3);
    public int runs;
    int maxParts;

    public ShuffledRunner(int parallelism) {
        this.parallelism = parallelism;
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    @Override
    public void run(int parts, IntConsumer part) {
        runs++;
        maxParts = Math.max(maxParts, parts);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = parts - 1; i >= 0; i--) {
            int index = i;
            futures.add(pool.submit(() -> part.accept(index)));
        }
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
