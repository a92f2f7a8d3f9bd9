package dev.regtrain.jobs.cores;

import static dev.regtrain.jobs.cores.Parts.threadsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class SharedCoresTests {

    @Test
    void aLoneJobSharesItsPartsWithTheWorkers() {
        try (SharedCores cores = new SharedCores(2); SharedCores.Training lone = cores.training()) {
            assertThat(cores.trainingJobs()).isEqualTo(1);
            assertThat(threadsOf(cores, 500, true)).contains(Thread.currentThread().getName(), "spinning-runner-1");
        }
    }

    @Test
    void whileTwoJobsTrainEachRunsItsPartsOnItsOwnThreadAndAloneAgainItSharesThem() {
        try (SharedCores cores = new SharedCores(2)) {
            SharedCores.Training first = cores.training();
            SharedCores.Training second = cores.training();
            assertThat(threadsOf(cores, 200, true)).containsExactly(Thread.currentThread().getName());

            second.close();
            second.close();
            assertThat(cores.trainingJobs()).isEqualTo(1);
            assertThat(threadsOf(cores, 500, true)).contains("spinning-runner-1");
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
            assertThat(threadsOf(cores, 20, true)).containsExactly(Thread.currentThread().getName());
        }
        assertThatThrownBy(() -> new SharedCores(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
