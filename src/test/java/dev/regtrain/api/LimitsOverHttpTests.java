package dev.regtrain.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/** Absurd sizes are refused by arithmetic, at once; uploads over the limits are cut off with 413. */
@TestPropertySource(properties = {"regtrain.limits.max-upload-bytes=64KB", "regtrain.limits.max-rows=100"})
class LimitsOverHttpTests extends ServiceTest {

    /**
     * A size that would not fit in memory is refused with its field, so it was computed, not allocated (an
     * allocation of 10⁹ units or 10⁹ samples would have ended in an OutOfMemoryError, a 500).
     */
    private void badRequest(String json, String field) {
        http.post().uri("/api/v1/jobs").contentType(MediaType.APPLICATION_JSON).body(json).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }

    @Test
    void absurdSizesAreRefusedWithTheFieldTheyAreIn() {
        String deep = String.join(",", Collections.nCopies(10_000, "{\"units\": 4}"));
        badRequest("{\"dataset\": {\"builtin\": \"moons\", \"samples\": 50}, \"network\": {\"hidden\": [{\"units\": 1000000000}]}}",
                "network.hidden[0].units");
        badRequest("{\"dataset\": {\"builtin\": \"moons\", \"samples\": 50}, \"network\": {\"hidden\": [" + deep + "]}}",
                "network.hidden");
        badRequest("{\"dataset\": {\"builtin\": \"moons\", \"samples\": 50}, \"training\": {\"epochs\": 1000000000}}",
                "training.epochs");
        badRequest("{\"dataset\": {\"builtin\": \"blobs\", \"features\": 1000, \"samples\": 50}, \"network\": {\"hidden\": "
                + "[{\"units\": 4096}, {\"units\": 4096}, {\"units\": 4096}]}}", "network");
        badRequest("{\"dataset\": {\"builtin\": \"moons\", \"samples\": 1000000000}}", "dataset.samples");
    }

    @Test
    void anUploadOverTheRowLimitIs413AndCreatesNothing() {
        int before = getJson("/api/v1/datasets").get("datasets").size();
        StringBuilder csv = new StringBuilder("a,b,label\n");
        for (int i = 0; i < 500; i++) {
            csv.append(i).append(',').append(i % 7).append(',').append(i % 2).append('\n');
        }

        http.post().uri("/api/v1/datasets").contentType(CSV).body(csv.toString()).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("100"));
        assertThat(getJson("/api/v1/datasets").get("datasets").size()).isEqualTo(before);
    }

    @Test
    void anUploadOverTheByteLimitIs413() {
        StringBuilder csv = new StringBuilder("a,b,label\n");
        String wide = "1".repeat(3000);
        for (int i = 0; i < 50; i++) {
            csv.append(wide).append(",2,").append(i % 2).append('\n');
        }

        http.post().uri("/api/v1/datasets").contentType(CSV).body(csv.toString()).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
