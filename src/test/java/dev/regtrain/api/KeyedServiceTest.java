package dev.regtrain.api;

import dev.regtrain.security.KeyService;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service with keys on ({@code regtrain.security.mode=api-key}), the admin key {@link #ADMIN} configured by
 * its hash, and its own data directory. Subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@TestPropertySource(properties = {"regtrain.workers=2", "regtrain.security.mode=api-key",
        "regtrain.security.rate.requests-per-second=1000", "regtrain.security.rate.burst=1000"})
abstract class KeyedServiceTest {

    static final String ADMIN = "rtk_admin-key-of-the-tests";
    static final Path DATA_DIR = TemporaryDirectories.create("regtrain-keyed-test-");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    RestTestClient http;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("regtrain.data-dir", DATA_DIR::toString);
        registry.add("regtrain.security.bootstrap-admin-key-sha256", () -> KeyService.sha256(ADMIN));
    }


    /** Creates a key with the admin key and returns its secret. */
    String newKey(String owner, String role) {
        return createKey(owner, role).get("key").asString();
    }

    JsonNode createKey(String owner, String role) {
        String body = http.post().uri("/api/v1/keys").header("Authorization", "Bearer " + ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"owner\": \"" + owner + "\", \"role\": \"" + role + "\", \"name\": \"test\"}")
                .exchange().expectStatus().isCreated().expectHeader().exists("Location")
                .expectBody(String.class).returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    static String bearer(String key) {
        return "Bearer " + key;
    }
}
