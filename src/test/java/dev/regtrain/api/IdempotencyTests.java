package dev.regtrain.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;

class IdempotencyTests extends ServiceTest {

    private EntityExchangeResult<String> post(String key, String body) {
        return http.post().uri("/api/v1/jobs").contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", key)
                .body(body).exchange().expectBody(String.class).returnResult();
    }

    private int jobCount() {
        return getJson("/api/v1/jobs?limit=1000").get("jobs").size();
    }

    @Test
    void aReplayReturnsTheFirstResponseAgainAndCreatesNothing() {
        String key = "retry-" + System.nanoTime();
        EntityExchangeResult<String> first = post(key, moonsJob(2, ""));
        int jobs = jobCount();

        EntityExchangeResult<String> replay = post(key, moonsJob(2, ""));

        assertThat(first.getStatus().value()).isEqualTo(202);
        assertThat(replay.getStatus().value()).isEqualTo(202);
        assertThat(replay.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(replay.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
        assertThat(replay.getResponseHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(jobCount()).isEqualTo(jobs);
        awaitFinal(read(first.getResponseBody()).get("id").asString());
    }

    @Test
    void aReplayIsRecognisedWhateverTheBodysFormatting() {
        String key = "format-" + System.nanoTime();
        String compact = moonsJob(2, "").replaceAll("\\s+", "");
        EntityExchangeResult<String> first = post(key, moonsJob(2, ""));

        assertThat(post(key, compact).getResponseBody()).isEqualTo(first.getResponseBody());
        awaitFinal(read(first.getResponseBody()).get("id").asString());
    }

    @Test
    void theSameKeyWithADifferentBodyIs422() {
        String key = "changed-" + System.nanoTime();
        awaitFinal(read(post(key, moonsJob(2, "")).getResponseBody()).get("id").asString());

        http.post().uri("/api/v1/jobs").contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", key)
                .body(moonsJob(3, "")).exchange().expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://regtrain.dev/problems/idempotency-key-reused");
    }

    @Test
    void aRejectedRequestDoesNotUseUpItsKey() {
        String key = "fixed-" + System.nanoTime();
        http.post().uri("/api/v1/jobs").contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", key)
                .body("{\"dataset\": {\"builtin\": \"moons\"}, \"training\": {\"epochs\": 0}}").exchange()
                .expectStatus().isBadRequest();

        String id = read(post(key, moonsJob(2, "")).getResponseBody()).get("id").asString();
        awaitFinal(id);
    }

    @Test
    void aDatasetUploadWithAKeyIsCreatedOnce() {
        String key = "upload-" + System.nanoTime();
        String csv = DatasetEndpointsTests.flowers(5);
        String first = http.post().uri("/api/v1/datasets?name=once").contentType(CSV)
                .header("Idempotency-Key", key).body(csv).exchange().expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody();
        int datasets = getJson("/api/v1/datasets").get("datasets").size();

        String again = http.post().uri("/api/v1/datasets?name=once").contentType(CSV)
                .header("Idempotency-Key", key).body(csv).exchange().expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody();
        http.post().uri("/api/v1/datasets?name=once").contentType(CSV)
                .header("Idempotency-Key", key).body(csv + "1.0,1.0,setosa\n").exchange().expectStatus().isEqualTo(422);

        assertThat(again).isEqualTo(first);
        assertThat(getJson("/api/v1/datasets").get("datasets").size()).isEqualTo(datasets);
    }

    @Test
    void aReplayWhileTheFirstUploadIsStillBeingReceivedIs409() throws Exception {
        String key = "slow-" + System.nanoTime();
        String csv = DatasetEndpointsTests.flowers(5);
        int half = csv.length() / 2;
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/datasets?name=slow HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\n"
                    + "Idempotency-Key: " + key + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                    + chunk(csv.substring(0, half))).getBytes(StandardCharsets.UTF_8));
            out.flush();

            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                    http.post().uri("/api/v1/datasets?name=slow").contentType(CSV)
                            .header("Idempotency-Key", key).body(csv).exchange().expectStatus().isEqualTo(409));

            out.write((chunk(csv.substring(half)) + "0\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String response = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(response).isEqualTo("HTTP/1.1 201");
        }
    }

    private static String chunk(String text) {
        return Integer.toHexString(text.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + text + "\r\n";
    }
}
