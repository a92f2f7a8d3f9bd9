package dev.regtrain.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Mode api-key: bearer keys with owner and role, created, listed and revoked by an admin; 401 without one. */
class ApiKeyTests extends KeyedServiceTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/jobs", "/api/v1/datasets", "/api/v1/keys", "/api/v1/jobs/nope/metrics"})
    void theApiNeedsAKey(String path) {
        http.get().uri(path).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueMatches("WWW-Authenticate", "Bearer.*")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://regtrain.dev/problems/unauthorized")
                .jsonPath("$.status").isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer rtk_unknown", "Bearer ", "Basic YWRtaW46YWRtaW4=", "rtk_admin-key-of-the-tests"})
    void aWrongOrMalformedKeyIs401(String authorization) {
        http.get().uri("/api/v1/jobs").header("Authorization", authorization).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueMatches("WWW-Authenticate", "Bearer.*");
    }

    @Test
    void healthInfoAndTheDashboardStayOpenAndPrometheusNeedsAnAdmin() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk();
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        http.get().uri("/actuator/info").exchange().expectStatus().isOk();
        http.get().uri("/").exchange().expectStatus().isOk();
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        http.get().uri("/actuator/prometheus").header("Authorization", bearer(newKey("team-p", "user"))).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/actuator/prometheus").header("Authorization", bearer(ADMIN)).exchange()
                .expectStatus().isOk();
    }

    @Test
    void anAdminCreatesAKeyThatWorksAndIsListedWithoutTheKey() {
        JsonNode created = createKey("team-a", "user");

        assertThat(created.get("owner").asString()).isEqualTo("team-a");
        assertThat(created.get("role").asString()).isEqualTo("user");
        assertThat(created.get("name").asString()).isEqualTo("test");
        assertThat(created.get("createdAt").asString()).isNotBlank();
        String key = created.get("key").asString();
        http.get().uri("/api/v1/jobs").header("Authorization", bearer(key)).exchange().expectStatus().isOk();

        String list = http.get().uri("/api/v1/keys").header("Authorization", bearer(ADMIN)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(list).contains(created.get("id").asString()).doesNotContain(key).doesNotContain("\"key\"")
                .doesNotContain("sha256");
    }

    @Test
    void aRevokedKeyIsRefusedFromTheNextRequestOn() {
        JsonNode created = createKey("team-r", "user");
        String key = created.get("key").asString();
        http.get().uri("/api/v1/jobs").header("Authorization", bearer(key)).exchange().expectStatus().isOk();

        http.delete().uri("/api/v1/keys/" + created.get("id").asString()).header("Authorization", bearer(ADMIN))
                .exchange().expectStatus().isNoContent();

        http.get().uri("/api/v1/jobs").header("Authorization", bearer(key)).exchange()
                .expectStatus().isUnauthorized();
        http.delete().uri("/api/v1/keys/" + created.get("id").asString()).header("Authorization", bearer(ADMIN))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void changesAreAuditedWithTheirOwnerAndKeysNeverLogged(CapturedOutput output) {
        JsonNode created = createKey("team-log", "user");
        String key = created.get("key").asString();
        String body = http.post().uri("/api/v1/jobs").header("Authorization", bearer(key))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"seed\": 1, \"dataset\": {\"builtin\": \"moons\"}, \"training\": {\"epochs\": 100000}}")
                .exchange().expectStatus().isAccepted().expectBody(String.class).returnResult().getResponseBody();
        String job = JSON.readTree(body).get("id").asString();
        http.post().uri("/api/v1/jobs/" + job + "/cancel").header("Authorization", bearer(key)).exchange()
                .expectStatus().isAccepted();

        assertThat(output.getOut()).contains("action=key.create owner=admin resource=key id="
                        + created.get("id").asString(),
                "action=job.create owner=team-log admin=false resource=job id=" + job,
                "action=job.cancel owner=team-log admin=false resource=job id=" + job)
                .doesNotContain(key).doesNotContain(ADMIN);
    }

    @Test
    void aUserKeyCannotManageKeys() {
        String user = newKey("team-u", "user");

        http.get().uri("/api/v1/keys").header("Authorization", bearer(user)).exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://regtrain.dev/problems/forbidden");
        http.post().uri("/api/v1/keys").header("Authorization", bearer(user)).contentType(MediaType.APPLICATION_JSON)
                .body("{\"owner\": \"team-u\", \"role\": \"admin\"}").exchange().expectStatus().isForbidden();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"owner\": \"team a\", \"role\": \"user\"}", "{\"owner\": \"\", \"role\": \"user\"}",
            "{\"role\": \"user\"}", "{\"owner\": \"t\", \"role\": \"root\"}", "{\"owner\": \"t\"}",
            "{\"owner\": \"t\", \"role\": \"user\", \"extra\": 1}"})
    void anInvalidKeyRequestIsA400(String body) {
        http.post().uri("/api/v1/keys").header("Authorization", bearer(ADMIN)).contentType(MediaType.APPLICATION_JSON)
                .body(body).exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void noSessionIsCreatedAndTheRateLimitIsAnnounced() {
        http.get().uri("/api/v1/jobs").header("Authorization", bearer(ADMIN)).exchange().expectStatus().isOk()
                .expectHeader().doesNotExist("Set-Cookie")
                .expectHeader().valueEquals("RateLimit-Policy", "\"per-key\";q=1000;w=1")
                .expectHeader().valueMatches("RateLimit", "\"per-key\";r=\\d+;t=\\d+");
    }
}
