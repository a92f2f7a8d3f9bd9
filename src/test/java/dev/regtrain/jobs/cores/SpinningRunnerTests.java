package dev.regtrain.jobs.cores;

import static dev.regtrain.jobs.cores.Parts.busy;
import static dev.regtrain.jobs.cores.Parts.threadsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class SpinningRunnerTests {

    @Test
    void everyPartRunsExactlyOnceInEveryCallAndTheWorkerTakesPart() {
        try (SpinningRunner runner = new SpinningRunner(2, 100_000, 0)) {
            Set<String> threads = ConcurrentHashMap.newKeySet();
            for (int call = 0; call < 2000; call++) {
                int parts = 1 + call % 9;
                AtomicIntegerArray counts = new AtomicIntegerArray(parts);
                runner.run(parts, i -> {
                    counts.incrementAndGet(i);
                    threads.add(Thread.currentThread().getName());
                    double x = 0;
                    for (int k = 0; k < 20_000; k++) {
                        x += Math.sqrt(k + i);
                    }
                    if (x < 0) {
                        throw new AssertionError();
                    }
                });
                for (int i = 0; i < parts; i++) {
                    assertThat(counts.get(i)).as("call %d part %d", call, i).isEqualTo(1);
                }
            }
            assertThat(threads).contains(Thread.currentThread().getName(), "spinning-runner-1");
        }
    }

    /**
     * A worker that holds a part for 3 ms (as if descheduled), twice within the burst window: the caller runs the next
     * calls alone. The attempts go on until a burst happened (on a busy machine two stalls may come further apart
     * than the window, which rightly counts as two lone stalls).
     */
    @Test
    void afterABurstOfStallsTheCallerRunsThePartsAloneForAWhile() {
        try (SpinningRunner runner = new SpinningRunner(2, 100_000, 60_000_000_000L)) {
            String caller = Thread.currentThread().getName();
            assertThat(runner.solo()).isFalse();
            for (int attempt = 0; attempt < 200 && !runner.solo(); attempt++) {
                runner.run(2, i -> busy(Thread.currentThread().getName().equals(caller) ? 1_000_000 : 3_000_000));
            }
            assertThat(runner.solo()).isTrue();
            assertThat(runner.stalls()).isGreaterThanOrEqualTo(2);
            assertThat(runner.stallNanos()).isGreaterThan(2 * SpinningRunner.STALL_NANOS);
            assertThat(runner.waitNanos()).isGreaterThanOrEqualTo(runner.stallNanos());
            long soloBefore = runner.soloJobs();
            long jobsBefore = runner.jobs();

            assertThat(threadsOf(runner, 50, false)).containsExactly(caller);
            assertThat(runner.soloJobs() - soloBefore).isEqualTo(50);
            assertThat(runner.jobs() - jobsBefore).isEqualTo(50);
        }
    }

    /**
     * The solo window starts short and doubles while bursts keep coming soon after a window ends (lasting
     * contention), up to the longest; a burst after a calm spell starts short again.
     */
    @Test
    void soloWindowsDoubleOnRelapsesUpToTheLongestAndStartShortAfterACalm() {
        long min = SpinningRunner.MIN_SOLO_NANOS;
        long max = SpinningRunner.SOLO_NANOS;
        long soon = SpinningRunner.RELAPSE_NANOS - 1;
        long later = SpinningRunner.RELAPSE_NANOS;

        assertThat(SpinningRunner.nextSoloWindow(min, soon, min, max)).isEqualTo(2 * min);
        assertThat(SpinningRunner.nextSoloWindow(2 * min, 0, min, max)).isEqualTo(4 * min);
        assertThat(SpinningRunner.nextSoloWindow(max / 2 + 1, soon, min, max)).isEqualTo(max);
        assertThat(SpinningRunner.nextSoloWindow(max, soon, min, max)).isEqualTo(max);
        assertThat(SpinningRunner.nextSoloWindow(max, later, min, max)).isEqualTo(min);
        assertThat(min).as("a quiet machine's lone burst costs a few milliseconds").isLessThan(max / 10);
        try (SpinningRunner runner = new SpinningRunner(2)) {
            assertThat(runner.soloWindowNanos()).as("the first window").isEqualTo(min);
        }
    }

    /** One stall is not contention: the worker keeps taking parts. */
    @Test
    void aLoneStallChangesNothing() {
        try (SpinningRunner runner = new SpinningRunner(2, 100_000, 60_000_000_000L)) {
            String caller = Thread.currentThread().getName();
            for (int attempt = 0; attempt < 200 && runner.stalls() < 1; attempt++) {
                runner.run(2, i -> busy(Thread.currentThread().getName().equals(caller) ? 1_000_000 : 3_000_000));
            }
            assertThat(runner.stalls()).isEqualTo(1);
            busy(SpinningRunner.STALL_BURST_NANOS);

            assertThat(threadsOf(runner, 500, false)).contains(caller, "spinning-runner-1");
        }
    }

    @Test
    void aFailingPartIsRethrownAfterTheOthersFinishAndTheRunnerStaysUsable() {
        try (SpinningRunner runner = new SpinningRunner(2)) {
            AtomicIntegerArray counts = new AtomicIntegerArray(6);
            assertThatThrownBy(() -> runner.run(6, i -> {
                counts.incrementAndGet(i);
                if (i == 3) {
                    throw new IllegalStateException("part 3");
                }
            })).isInstanceOf(IllegalStateException.class).hasMessage("part 3");
            for (int i = 0; i < 6; i++) {
                assertThat(counts.get(i)).isEqualTo(1);
            }

            AtomicIntegerArray again = new AtomicIntegerArray(4);
            runner.run(4, again::incrementAndGet);
            for (int i = 0; i < 4; i++) {
                assertThat(again.get(i)).isEqualTo(1);
            }
        }
    }

    /** A job's work holds its buffers (a product's, a trainer's): the runner must not keep them after the call. */
    @Test
    void aCallsWorkIsLetGoOnceItIsDone() {
        try (SpinningRunner runner = new SpinningRunner(2, 100_000, 0)) {
            WeakReference<double[]> buffer = runOnABuffer(runner);

            await().atMost(Duration.ofSeconds(10)).until(() -> {
                System.gc();
                return buffer.get() == null;
            });
        }
    }

    /** Runs a call whose work holds a buffer that nothing else refers to, and returns a weak reference to it. */
    private static WeakReference<double[]> runOnABuffer(SpinningRunner runner) {
        double[] buffer = new double[1 << 20];
        runner.run(4, i -> buffer[i] = i);
        return new WeakReference<>(buffer);
    }
}
