package dev.regtrain.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

class ActuatorTests extends ServiceTest {

    @Test
    void healthHasTheStoreComponentOfTheFileStore() {
        JsonNode store = getJson("/actuator/health").get("components").get("store");

        assertThat(store.get("status").asString()).isEqualTo("UP");
        assertThat(store.get("details").get("type").asString()).isEqualTo("file");
    }

    @Test
    void healthHasLivenessAndReadinessGroups() {
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            assertThat(getJson(path).get("status").asString()).as(path).isEqualTo("UP");
        }
    }

    /**
     * The commit is the build's (git.properties, written when the build ran in a git checkout), or {@code unknown}
     * when the sources came without git history (a tarball): either way the field is there and tells the truth.
     */
    @Test
    void infoNamesTheVersionAndTheCommitItWasBuiltFrom() throws IOException {
        JsonNode info = getJson("/actuator/info");

        assertThat(info.get("build").get("version").asString()).isNotBlank();
        Properties git = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/git.properties")) {
            if (in != null) {
                git.load(in);
            }
        }
        String expected = git.getProperty("git.commit.id.abbrev", "unknown");
        assertThat(info.get("git").get("commit").get("id").asString()).isEqualTo(expected);
    }

    @Test
    void prometheusExposesTheServicesOwnMetrics() {
        String id = submit(moonsJob(2, ""));
        awaitFinal(id);

        String scrape = http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(scrape).contains("regtrain_jobs{status=\"SUCCEEDED\"}", "regtrain_queue_length",
                "regtrain_epochs_trained_total", "regtrain_training_samples_total",
                "regtrain_training_samples_per_second");
    }

    @Test
    void anUnknownHealthGroupOrAWithdrawnEndpointIsA404Problem() {
        for (String path : new String[] {"/actuator/health/nothing", "/actuator/metrics/no.such.metric"}) {
            http.get().uri(path).exchange().expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("https://regtrain.dev/problems/not-found")
                    .jsonPath("$.status").isEqualTo(404);
        }
    }
}
