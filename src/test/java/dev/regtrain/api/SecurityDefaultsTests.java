package dev.regtrain.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Mode none, the default: loopback Host names only (DNS rebinding), no state change from a form, plain text or another
 * site's Origin (CSRF), security headers everywhere, and actuator limited to health, info and prometheus.
 */
class SecurityDefaultsTests extends ServiceTest {

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1", "[::1]", "LOCALHOST"})
    void answersRequestsAddressedToALoopbackName(String name) throws IOException {
        String answer = RawHttp.exchange(port, "GET /api/v1/jobs HTTP/1.1\r\nHost: " + name + ":" + port, "");

        assertThat(RawHttp.status(answer)).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example", "evil.example:80", "localhost.evil.example", "127.0.0.2", "[::2]"})
    void refusesAHostNameThatIsNotLoopbackWith421(String host) throws IOException {
        String answer = RawHttp.exchange(port, "GET /api/v1/jobs HTTP/1.1\r\nHost: " + host, "");

        assertThat(RawHttp.status(answer)).isEqualTo(421);
        assertThat(answer).contains("Content-Type: application/problem+json", "misdirected-request",
                "regtrain.security.allowed-hosts", "X-Content-Type-Options: nosniff");
    }

    @Test
    void refusesACancelPostedAsAFormWith403() throws IOException {
        String id = submit(moonsJob(2, ""));

        String answer = RawHttp.exchange(port, "POST /api/v1/jobs/" + id + "/cancel HTTP/1.1\r\nHost: localhost:"
                + port + "\r\nContent-Type: application/x-www-form-urlencoded", "a=b");

        assertThat(RawHttp.status(answer)).isEqualTo(403);
        assertThat(answer).contains("application/problem+json", "https://regtrain.dev/problems/forbidden");
        assertThat(job(id).get("status").asString()).isNotEqualTo("CANCELLED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "multipart/form-data; boundary=x", "Application/X-WWW-Form-Urlencoded"})
    void refusesAStateChangeWithABodyTypeAFormCanSend(String type) {
        http.post().uri("/api/v1/jobs").header("Content-Type", type).body(moonsJob(1, "")).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.delete().uri("/api/v1/datasets/x").header("Content-Type", type).exchange()
                .expectStatus().isForbidden();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example", "null", "http://localhost:1", "http://127.0.0.1"})
    void refusesAStateChangeFromAnotherOriginWith403(String origin) {
        http.post().uri("/api/v1/jobs").contentType(MediaType.APPLICATION_JSON).header("Origin", origin)
                .body(moonsJob(1, "")).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://regtrain.dev/problems/forbidden");
    }

    @Test
    void acceptsAStateChangeFromItsOwnOriginAndReadsFromAnyOrigin() {
        http.post().uri("/api/v1/jobs").contentType(MediaType.APPLICATION_JSON)
                .header("Origin", "http://localhost:" + port).body(moonsJob(1, "")).exchange()
                .expectStatus().isAccepted();
        http.get().uri("/api/v1/jobs").header("Origin", "https://evil.example").exchange().expectStatus().isOk();
    }

    /** Forwarded headers count only when the operator says a proxy sets them (server.forward-headers-strategy). */
    @Test
    void doesNotTrustAForwardedSchemeByDefault() throws IOException {
        String answer = RawHttp.exchange(port, "POST /api/v1/jobs HTTP/1.1\r\nHost: localhost:" + port
                + "\r\nX-Forwarded-Proto: https\r\nOrigin: https://localhost:" + port
                + "\r\nContent-Type: application/json", moonsJob(1, ""));

        assertThat(RawHttp.status(answer)).isEqualTo(403);
    }

    @Test
    void uploadsCsvAsBefore() {
        JsonNode dataset = upload("?name=tiny", "x,label\n1,a\n2,b\n3,a\n4,b\n");

        assertThat(dataset.get("rows").asInt()).isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.html", "/js/app.js", "/api/v1/jobs", "/api/v1/jobs/nope", "/actuator/health"})
    void everyAnswerCarriesTheSecurityHeaders(String path) {
        http.get().uri(path).exchange()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().valueEquals("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY);
    }

    @Test
    void theDashboardPolicyAllowsNoInlineCodeAndNoFraming() {
        String policy = http.get().uri("/").exchange().expectStatus().isOk().returnResult(String.class)
                .getResponseHeaders().getFirst("Content-Security-Policy");

        assertThat(policy).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(getText("/index.html")).doesNotContain("<style", "style=", "onclick", "onload")
                .doesNotContainPattern("<script(?![^>]*\\bsrc=)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/metrics", "/actuator/metrics/jvm.memory.used", "/actuator/env",
            "/actuator/beans"})
    void actuatorExposesOnlyHealthInfoAndPrometheus(String path) {
        http.get().uri(path).exchange().expectStatus().isNotFound();
    }

    @Test
    void infoSaysNothingAboutTheMachineOrTheRuntime() {
        JsonNode info = getJson("/actuator/info");

        assertThat(info.has("java")).isFalse();
        assertThat(info.has("os")).isFalse();
        assertThat(info.has("process")).isFalse();
    }
}
