package dev.regtrain.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Many jobs at once, and requests that race each other, end in consistent states. */
@Tag("slow")
class RaceTests extends ServiceTest {

    private static final List<String> ORDER = List.of("QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED");

    /** A status and epoch seen by a poller. */
    record Seen(String status, int epoch) {
    }

    @Test
    void twentyJobsSubmittedAtOnceOnTwoWorkersAllFinishAndEveryPolledStatusIsMonotonic() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> submissions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int seed = i;
            submissions.add(pool.submit(() -> {
                start.await();
                return submit(moonsJob(8, "\"seed\": " + (100 + seed)).replace("\"seed\": 42, ", ""));
            }));
        }
        start.countDown();
        List<String> ids = new ArrayList<>();
        for (Future<String> f : submissions) {
            ids.add(f.get());
        }
        Map<String, List<Seen>> history = new ConcurrentHashMap<>();
        AtomicBoolean polling = new AtomicBoolean(true);
        Future<?> poller = pool.submit(() -> {
            while (polling.get()) {
                for (String id : ids) {
                    JsonNode job = job(id);
                    history.computeIfAbsent(id, k -> new ArrayList<>()).add(new Seen(job.get("status").asString(),
                            job.get("progress").get("epoch").asInt()));
                }
            }
            return null;
        });

        ids.forEach(this::awaitFinal);
        polling.set(false);
        poller.get();
        pool.shutdown();

        for (String id : ids) {
            assertThat(job(id).get("status").asString()).isEqualTo("SUCCEEDED");
            List<Seen> seen = history.get(id);
            for (int i = 1; i < seen.size(); i++) {
                Seen before = seen.get(i - 1);
                Seen after = seen.get(i);
                assertThat(ORDER.indexOf(after.status())).as("status order of %s", id)
                        .isGreaterThanOrEqualTo(Math.min(ORDER.indexOf(before.status()), 2));
                if (ORDER.indexOf(before.status()) >= 2) {
                    assertThat(after.status()).as("a final status never changes").isEqualTo(before.status());
                }
                assertThat(after.epoch()).as("the epoch never goes back").isGreaterThanOrEqualTo(before.epoch());
            }
        }
    }

    @Test
    void aCancelRacingTheLastEpochEndsEitherCancelledOrSucceededNeverBoth() throws Exception {
        for (int round = 0; round < 6; round++) {
            String id = submit(moonsJob(3, ""));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                    .pollInterval(java.time.Duration.ofMillis(2)).until(() -> {
                        JsonNode now = job(id);
                        return now.get("progress").get("epoch").asInt() >= 2 || FINAL.contains(now.get("status").asString());
                    });
            int status = http.post().uri("/api/v1/jobs/" + id + "/cancel").exchange().returnResult(String.class)
                    .getStatus().value();
            JsonNode job = awaitFinal(id);

            assertThat(status).isIn(202, 409);
            String outcome = job.get("status").asString();
            assertThat(outcome).isIn("CANCELLED", "SUCCEEDED");
            assertThat(job.get("stop").get("reason").asString()).isEqualTo(outcome.equals("CANCELLED") ? "CANCELLED"
                    : "COMPLETED");
            if (status == 409) {
                assertThat(outcome).isEqualTo("SUCCEEDED");
            }
            if (outcome.equals("SUCCEEDED")) {
                http.get().uri("/api/v1/jobs/" + id + "/model").exchange().expectStatus().isOk();
            }
            assertThat(job(id)).as("stable after the end").isEqualTo(job);
        }
    }

    @Test
    void aDeleteWhileTheJobRunsIsRefusedAndLeavesItAlone() {
        // far more epochs than the test can take, so the job is still running whatever the machine's speed (with 40
        // epochs a faster engine finished before the DELETE arrived); it is cancelled once the DELETE was refused
        String id = submit(moonsJob(100_000, ""));
        awaitStatus(id, "RUNNING", 1);

        http.delete().uri("/api/v1/jobs/" + id).exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(job(id).get("status").asString()).isEqualTo("RUNNING");
        awaitStatus(id, "RUNNING", 3); // and it goes on training

        http.post().uri("/api/v1/jobs/" + id + "/cancel").exchange().expectStatus().isEqualTo(202);
        JsonNode job = awaitFinal(id);
        assertThat(job.get("status").asString()).isEqualTo("CANCELLED");
        int epochs = job.get("stop").get("epoch").asInt();
        assertThat(epochs).isGreaterThanOrEqualTo(3);
        assertThat(getJson("/api/v1/jobs/" + id + "/metrics").get("epochs")).hasSize(epochs);
    }

    @Test
    void twoCancelsAtOnceCancelTheJobOnce() throws Exception {
        String id = submit(moonsJob(100_000, ""));
        awaitStatus(id, "RUNNING", 1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> cancel = () -> {
            start.await();
            return http.post().uri("/api/v1/jobs/" + id + "/cancel").exchange().returnResult(String.class)
                    .getStatus().value();
        };
        Future<Integer> a = pool.submit(cancel);
        Future<Integer> b = pool.submit(cancel);
        start.countDown();

        List<Integer> statuses = List.of(a.get(), b.get());
        pool.shutdown();
        JsonNode job = awaitFinal(id);

        assertThat(statuses).allMatch(s -> s == 202 || s == 409).contains(202);
        assertThat(job.get("status").asString()).isEqualTo("CANCELLED");
        http.post().uri("/api/v1/jobs/" + id + "/cancel").exchange().expectStatus().isEqualTo(409);
    }

    @Test
    void aQueuedJobCancelledWhileAWorkerPicksItUpEndsCancelledOrRunsToItsEndButNotBoth() throws Exception {
        List<String> blockers = List.of(submit(moonsJob(100_000, "")), submit(moonsJob(100_000, "")));
        blockers.forEach(id -> awaitStatus(id, "RUNNING", 1));
        String queued = submit(moonsJob(2, ""));
        assertThat(job(queued).get("status").asString()).isEqualTo("QUEUED");

        blockers.forEach(id -> http.post().uri("/api/v1/jobs/" + id + "/cancel").exchange());
        http.post().uri("/api/v1/jobs/" + queued + "/cancel").exchange();
        JsonNode job = awaitFinal(queued);

        assertThat(job.get("status").asString()).isIn("CANCELLED", "SUCCEEDED");
        blockers.forEach(this::awaitFinal);
    }
}
