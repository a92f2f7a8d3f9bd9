package dev.regtrain.jobs.cores;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regtrain.engine.kernel.TaskRunner;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;

/** What the runner tests have parts do, and which threads ran them. */
final class Parts {

    private Parts() {
    }

    /** Spins for about {@code nanos}, as a part that computes would, without sleeping. */
    static void busy(long nanos) {
        long until = System.nanoTime() + nanos;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    /**
     * The names of the threads that ran {@code calls} calls of 4 busy parts (50 µs each); with
     * {@code checkEachPartRanOnce}, each call must have run every part exactly once.
     */
    static Set<String> threadsOf(TaskRunner runner, int calls, boolean checkEachPartRanOnce) {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        for (int call = 0; call < calls; call++) {
            AtomicIntegerArray counts = new AtomicIntegerArray(4);
            runner.run(4, i -> {
                counts.incrementAndGet(i);
                threads.add(Thread.currentThread().getName());
                busy(50_000);
            });
            for (int i = 0; checkEachPartRanOnce && i < 4; i++) {
                assertThat(counts.get(i)).as("call %d part %d", call, i).isEqualTo(1);
            }
        }
        return threads;
    }
}
