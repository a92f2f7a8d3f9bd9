package dev.regtrain.jobs.cores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class SharedCoresTests {

    private static Set<String> threadsOf(SharedCores cores, int calls) {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        for (int call = 0; call < calls; call++) {
            AtomicIntegerArray counts = new AtomicIntegerArray(4);
            cores.run(4, i -> {
                counts.incrementAndGet(i);
                threads.add(Thread.currentThread().getName());
                busy(50_000);
            });
            for (int i = 0; i < 4; i++) {
                assertThat(counts.get(i)).as("call %d part %d", call, i).isEqualTo(1);
            }
        }
        return threads;
    }

    @Test
    void aLoneJobSharesItsPartsWithTheWorkers() {
        try (SharedCores cores = new SharedCores(2); SharedCores.Training lone = cores.training()) {
            assertThat(cores.trainingJobs()).isEqualTo(1);
            assertThat(threadsOf(cores, 500)).contains(Thread.currentThread().getName(), "spinning-runner-1");
        }
    }

    @Test
    void whileTwoJobsTrainEachRunsItsPartsOnItsOwnThreadAndAloneAgainItSharesThem() {
        try (SharedCores cores = new SharedCores(2)) {
            SharedCores.Training first = cores.training();
            SharedCores.Training second = cores.training();
            assertThat(threadsOf(cores, 200)).containsExactly(Thread.currentThread().getName());

            second.close();
            second.close();
            assertThat(cores.trainingJobs()).isEqualTo(1);
            assertThat(threadsOf(cores, 500)).contains("spinning-runner-1");
            first.close();
            assertThat(cores.trainingJobs()).isZero();
        }
    }

    @Test
    void aCallerThatFindsTheWorkersBusyRunsItsPartsItself() throws Exception {
        try (SharedCores cores = new SharedCores(2)) {
            Set<String> inner = ConcurrentHashMap.newKeySet();
            Thread other = new Thread(() -> cores.run(2, i -> inner.add(Thread.currentThread().getName())), "other");
            cores.run(2, i -> {
                if (i == 0) {
                    other.start();
                    try {
                        other.join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            assertThat(inner).containsExactly("other");
        }
    }

    @Test
    void oneThreadMeansNoWorkersAndNoThreadsIsRejected() {
        try (SharedCores cores = new SharedCores(1)) {
            assertThat(cores.parallelism()).isEqualTo(1);
            assertThat(threadsOf(cores, 20)).containsExactly(Thread.currentThread().getName());
        }
        assertThatThrownBy(() -> new SharedCores(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }

    private static void busy(long nanos) {
        long until = System.nanoTime() + nanos;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }
}
