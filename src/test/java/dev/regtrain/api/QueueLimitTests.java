package dev.regtrain.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/** One worker and room for one waiting job: the third submission is turned away and nothing is created. */
@TestPropertySource(properties = {"regtrain.workers=1", "regtrain.queue-capacity=1"})
class QueueLimitTests extends ServiceTest {

    @Test
    void aFullQueueAnswers429WithRetryAfterAndCreatesNothing() {
        String running = submit(moonsJob(100_000, ""));
        awaitStatus(running, "RUNNING", 1);
        String waiting = submit(moonsJob(5, ""));
        int before = getJson("/api/v1/jobs?limit=1000").get("jobs").size();

        http.post().uri("/api/v1/jobs").contentType(MediaType.APPLICATION_JSON).body(moonsJob(5, "")).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(getJson("/api/v1/jobs?limit=1000").get("jobs").size()).isEqualTo(before);
        assertThat(job(waiting).get("status").asString()).isEqualTo("QUEUED");

        http.post().uri("/api/v1/jobs/" + waiting + "/cancel").exchange().expectStatus().isAccepted();
        assertThat(job(waiting).get("status").asString()).as("a queued job is cancelled at once").isEqualTo("CANCELLED");
        String next = submit(moonsJob(5, ""));
        http.post().uri("/api/v1/jobs/" + running + "/cancel").exchange().expectStatus().isAccepted();
        assertThat(awaitFinal(next).get("status").asString()).isEqualTo("SUCCEEDED");
    }
}
