package dev.regtrain.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Below the free-space floor the service is not ready (load balancers send work elsewhere) but alive. */
@TestPropertySource(properties = "regtrain.min-free-space=1000000TB")
class DataDirectoryReadinessTests extends ServiceTest {

    @Test
    void aDataDirectoryBelowTheFloorIsOutOfServiceForReadinessButAlive() {
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.status").isEqualTo("OUT_OF_SERVICE");
        assertThat(getJson("/actuator/health/liveness").get("status").asString()).isEqualTo("UP");

        JsonNode health = read(http.get().uri("/actuator/health").exchange().expectStatus().isEqualTo(503)
                .expectBody(String.class).returnResult().getResponseBody());
        JsonNode dataDirectory = health.get("components").get("dataDirectory");
        assertThat(dataDirectory.get("status").asString()).isEqualTo("OUT_OF_SERVICE");
        assertThat(dataDirectory.get("details").get("freeBytes").asLong()).isPositive()
                .isLessThan(dataDirectory.get("details").get("minFreeBytes").asLong());
    }
}
