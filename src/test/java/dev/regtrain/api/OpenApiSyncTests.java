package dev.regtrain.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code openapi/openapi.yaml} is exactly what the running service serves at {@code /v3/api-docs.yaml}, and
 * {@code docs/api.md} the reference written from it. After an API change, regenerate both with
 * {@code ./mvnw test -Dtest=OpenApiSyncTests -Dopenapi.write=true} and review the diff (then postman/generate).
 */
class OpenApiSyncTests extends ServiceTest {

    static final Path FILE = Path.of("openapi", "openapi.yaml");

    @Test
    void theCheckedInDocumentIsWhatTheServiceServes() throws Exception {
        String served = getText("/v3/api-docs.yaml");
        if (Boolean.getBoolean("openapi.write")) {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, served, StandardCharsets.UTF_8);
        }

        assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
                .as("openapi/openapi.yaml is out of date; regenerate it with "
                        + "./mvnw test -Dtest=OpenApiSyncTests -Dopenapi.write=true")
                .isEqualTo(served);
    }

    /** docs/api.md, the reference a user of the repository reads, is written from the same document. */
    @Test
    void theApiReferenceIsWrittenFromTheServedDocument() throws Exception {
        Path reference = Path.of("docs", "api.md");
        String written = ApiReference.render(getJson("/v3/api-docs"));
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(reference, written, StandardCharsets.UTF_8);
        }

        assertThat(Files.readString(reference, StandardCharsets.UTF_8))
                .as("docs/api.md is out of date; regenerate it with "
                        + "./mvnw test -Dtest=OpenApiSyncTests -Dopenapi.write=true")
                .isEqualTo(written);
        assertThat(written).contains("### `POST /api/v1/jobs`: Submit a training job", "### JobRequest",
                "`relu`, `leaky_relu`", "[Problem](#problem)");
    }

    @Test
    void theDocumentIsOpenApi31AndDescribesTheContract() {
        String served = getText("/v3/api-docs");
        tools.jackson.databind.JsonNode document = read(served);

        assertThat(document.get("openapi").asString()).startsWith("3.1");
        assertThat(served).contains("/api/v1/jobs/{id}/events", "/api/v1/jobs/{id}/predictions",
                "/api/v1/datasets/builtin", "/api/v1/jobs/{id}/checkpoints/{ref}",
                "/api/v1/jobs/{id}/plots/decision-boundary.png", "/api/v1/plots/compare.png");
        List<String> paths = new ArrayList<>();
        document.get("paths").properties().forEach(path -> paths.add(path.getKey()));
        assertThat(paths).as("the dashboard's static files are not API operations").allMatch(p -> p.startsWith("/api/"));
    }

    /** The ready-made Postman collection ({@code postman/generate}) has exactly the document's operations. */
    @Test
    void thePostmanCollectionHasEveryOperationOfTheDocument() throws Exception {
        tools.jackson.databind.JsonNode paths = getJson("/v3/api-docs").get("paths");
        java.util.Set<String> documented = new java.util.TreeSet<>();
        paths.properties().forEach(path -> path.getValue().properties().forEach(operation ->
                documented.add(operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey())));
        java.util.Set<String> collected = new java.util.TreeSet<>();
        collect(read(Files.readString(Path.of("postman", "regtrain.postman_collection.json"))).get("item"), collected);

        assertThat(collected).as("regenerate with postman/generate").isEqualTo(documented);
    }

    private static void collect(tools.jackson.databind.JsonNode items, java.util.Set<String> into) {
        for (tools.jackson.databind.JsonNode item : items) {
            if (item.has("item")) {
                collect(item.get("item"), into);
            } else {
                StringBuilder path = new StringBuilder();
                for (tools.jackson.databind.JsonNode segment : item.get("request").get("url").get("path")) {
                    String s = segment.asString();
                    path.append('/').append(s.startsWith(":") ? "{" + s.substring(1) + "}" : s);
                }
                into.add(item.get("request").get("method").asString() + " " + path);
            }
        }
    }

    @Test
    void swaggerUiIsServed() {
        http.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
    }
}
