package dev.regtrain.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code openapi/openapi.yaml} is exactly what the running service serves at {@code /v3/api-docs.yaml}. After an API
 * change, regenerate it with {@code ./mvnw test -Dtest=OpenApiSyncTests -Dopenapi.write=true} and review the diff.
 */
class OpenApiSyncTests extends ServiceTest {

    static final Path FILE = Path.of("openapi", "openapi.yaml");

    @Test
    void theCheckedInDocumentIsWhatTheServiceServes() throws Exception {
        String served = http.get().uri("/v3/api-docs.yaml").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        if (Boolean.getBoolean("openapi.write")) {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, served, StandardCharsets.UTF_8);
        }

        assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
                .as("openapi/openapi.yaml is out of date; regenerate it with "
                        + "./mvnw test -Dtest=OpenApiSyncTests -Dopenapi.write=true")
                .isEqualTo(served);
    }

    @Test
    void theDocumentIsOpenApi31AndDescribesTheContract() {
        String served = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(read(served).get("openapi").asString()).startsWith("3.1");
        assertThat(served).contains("/api/v1/jobs/{id}/events", "/api/v1/jobs/{id}/predictions",
                "/api/v1/datasets/builtin", "/api/v1/jobs/{id}/checkpoints/{ref}");
    }

    @Test
    void swaggerUiIsServed() {
        http.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
    }
}
