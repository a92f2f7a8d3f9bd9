package dev.regtrain.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regtrain.common.ApiNames;
import dev.regtrain.data.BuiltinDatasets;
import dev.regtrain.data.GeneratorInfo;
import dev.regtrain.data.TaskChoice;
import dev.regtrain.jobs.JobStatus;
import dev.regtrain.jobs.request.Choice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What tools need of the OpenAPI document the service serves: every operation's success response with a schema, one
 * problem schema on every error, enums that are the enums' names, numbers as numbers, named operations, an absolute
 * server, a licence identifier, the event stream described as such, and Jobs first.
 */
class OpenApiContractTests extends ServiceTest {

    private JsonNode document() {
        return getJson("/v3/api-docs");
    }

    private Map<String, JsonNode> operations(JsonNode document) {
        Map<String, JsonNode> operations = new TreeMap<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
                operations.put(operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(),
                        operation.getValue())));
        return operations;
    }

    @Test
    void everyOperationHasItsSuccessResponseWithASchema() {
        operations(document()).forEach((name, operation) -> {
            List<String> success = new ArrayList<>();
            operation.get("responses").properties().forEach(r -> {
                if (r.getKey().startsWith("2")) {
                    success.add(r.getKey());
                    if (!r.getKey().equals("204")) {
                        assertThat(r.getValue().get("content")).as(name + " " + r.getKey()).isNotNull();
                        r.getValue().get("content").properties().forEach(media -> assertThat(media.getValue()
                                .has("schema")).as(name + " " + media.getKey()).isTrue());
                    }
                }
            });
            assertThat(success).as(name).hasSize(1);
        });
        JsonNode paths = document().get("paths");
        assertThat(paths.at("/~1api~1v1~1jobs~1{id}~1predictions/post/responses/200/content/application~1json/schema/$ref")
                .asString()).endsWith("/PredictionsResponse");
        assertThat(paths.at("/~1api~1v1~1jobs~1{id}~1model/get/responses/200/content/application~1json/schema/$ref")
                .asString()).endsWith("/ModelDocument");
        assertThat(paths.at("/~1api~1v1~1jobs~1{id}~1checkpoints~1{ref}/get/responses/200/content/application~1json"
                + "/schema/$ref").asString()).endsWith("/ModelDocument");
    }

    @Test
    void everyErrorResponseIsTheOneProblemSchema() {
        operations(document()).forEach((name, operation) -> {
            assertThat(operation.get("responses").properties().stream().map(Map.Entry::getKey))
                    .as(name + ": a 4xx answer").anyMatch(code -> code.startsWith("4"));
            operation.get("responses").properties().forEach(r -> {
                if (r.getKey().startsWith("4") || r.getKey().startsWith("5")) {
                    JsonNode content = r.getValue().get("content");
                    assertThat(content.propertyNames()).as(name + " " + r.getKey())
                            .containsExactly("application/problem+json");
                    assertThat(content.at("/application~1problem+json/schema/$ref").asString())
                            .isEqualTo("#/components/schemas/Problem");
                }
            });
        });
    }

    @Test
    void theProblemSchemaHasEveryFieldOfARealProblem() {
        String body = http.get().uri("/api/v1/jobs?limit=0&colour=red").exchange().expectStatus().isBadRequest()
                .expectBody(String.class).returnResult().getResponseBody();
        JsonNode problem = read(body);
        JsonNode schema = document().at("/components/schemas/Problem");

        assertThat(schema.get("properties").propertyNames()).containsAll(problem.propertyNames());
        assertThat(document().at("/components/schemas/FieldProblem/properties").propertyNames())
                .containsAll(problem.get("errors").get(0).propertyNames());
        for (JsonNode required : schema.get("required")) {
            assertThat(problem.has(required.asString())).as(required.asString()).isTrue();
        }
    }

    @Test
    void theRequestsChoicesAreTheEnumsNamesWithTheirDefaults() {
        JsonNode schemas = document().at("/components/schemas");
        for (Choice choice : Choice.values()) {
            JsonNode property = schemas.get(choice.owner().getSimpleName()).get("properties").get(choice.property());
            assertThat(strings(property.get("enum"))).as(choice.path()).containsExactlyElementsOf(choice.names());
            if (choice.fallback() == null) {
                assertThat(property.has("default")).as(choice.path() + " has no fixed default").isFalse();
            } else {
                assertThat(property.get("default").asString()).as(choice.path()).isEqualTo(choice.fallback());
            }
        }
        assertThat(strings(schemas.at("/DatasetRequest/properties/builtin/enum")))
                .containsExactlyElementsOf(BuiltinDatasets.catalogue().stream().map(GeneratorInfo::name).toList());
        assertThat(strings(schemas.at("/JobResponse/properties/status/enum")))
                .containsExactlyElementsOf(Arrays.stream(JobStatus.values()).map(Enum::name).toList());
        JsonNode paths = document().get("paths");
        assertThat(strings(paths.at("/~1api~1v1~1jobs/get/parameters/0/schema/items/enum")))
                .containsExactlyElementsOf(Arrays.stream(JobStatus.values()).map(Enum::name).toList());
        for (String path : List.of("/~1api~1v1~1jobs~1{id}~1model/get/parameters",
                "/~1api~1v1~1jobs~1{id}~1checkpoints~1{ref}/get/parameters")) {
            for (JsonNode parameter : paths.at(path)) {
                switch (parameter.get("name").asString()) {
                    case "format" -> assertThat(strings(parameter.at("/schema/enum")))
                            .containsExactlyElementsOf(ApiNames.of(dev.regtrain.models.ExportFormat.class));
                    case "precision" -> assertThat(strings(parameter.at("/schema/enum")))
                            .containsExactlyElementsOf(ApiNames.of(dev.regtrain.engine.Precision.class));
                    default -> { }
                }
            }
        }
        JsonNode upload = paths.at("/~1api~1v1~1datasets/post/parameters");
        for (JsonNode parameter : upload) {
            if (parameter.get("name").asString().equals("task")) {
                assertThat(strings(parameter.at("/schema/enum"))).containsExactlyElementsOf(ApiNames.of(TaskChoice.class));
            }
        }
    }

    @Test
    void numericDefaultsAreNumbersAndADropoutRateIsANumberOrAList() {
        List<String> stringDefaults = new ArrayList<>();
        visit(document(), "", (path, node) -> {
            String type = node.path("type").asString("");
            if ((type.equals("number") || type.equals("integer")) && node.has("default")
                    && !node.get("default").isNumber()) {
                stringDefaults.add(path);
            }
        });
        assertThat(stringDefaults).isEmpty();
        JsonNode rates = document().at("/components/schemas/DropoutRates/oneOf");
        assertThat(rates.get(0).get("type").asString()).isEqualTo("number");
        assertThat(rates.get(1).get("type").asString()).isEqualTo("array");
        assertThat(document().at("/components/schemas/DropoutRequest/properties/hidden/$ref").asString())
                .endsWith("/DropoutRates");
        assertThat(document().at("/components/schemas/TrainingRequest/properties/beta2/default").asDouble())
                .isEqualTo(0.999);
    }

    @Test
    void operationsHaveNamesAJobsClientCanUseAndTheHeaderIsComplete() {
        JsonNode document = document();
        Set<String> ids = new HashSet<>();
        operations(document).forEach((name, operation) -> {
            String id = operation.get("operationId").asString();
            assertThat(id).as(name).matches("[a-z][A-Za-z]+");
            assertThat(ids.add(id)).as("%s is unique", id).isTrue();
            assertThat(operation.path("description").asString("")).as(name + " has a description").isNotBlank();
        });
        assertThat(ids).contains("submitJob", "getJob", "listJobs", "predict", "getModel", "getCheckpoint",
                "previewDataset", "previewBuiltinDataset", "getOptions");
        assertThat(document.at("/servers/0/url").asString()).isEqualTo("http://localhost:8080");
        assertThat(document.at("/info/license/identifier").asString()).isEqualTo("Apache-2.0");
        assertThat(document.get("security").isArray()).isTrue();
        List<String> tags = new ArrayList<>();
        document.get("tags").forEach(tag -> tags.add(tag.get("name").asString()));
        assertThat(tags).as("the Swagger UI lists the tags in this order").startsWith("Jobs", "Results");
    }

    @Test
    void theEventStreamIsDescribedAsServerSentEventsWithItsEventTypes() {
        JsonNode ok = document().at("/paths/~1api~1v1~1jobs~1{id}~1events/get/responses/200");

        assertThat(ok.get("content").propertyNames()).containsExactly("text/event-stream");
        assertThat(ok.at("/content/text~1event-stream/examples").propertyNames()).containsExactlyInAnyOrder("status",
                "epoch");
        assertThat(ok.at("/content/text~1event-stream/examples/epoch/value").asString()).startsWith("event:epoch\nid:");
        assertThat(ok.get("description").asString()).contains("'status'", "JobResponse", "'epoch'", "MetricsRow");
        assertThat(document().at("/components/schemas").has("SseEmitter")).isFalse();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private static void visit(JsonNode node, String path, java.util.function.BiConsumer<String, JsonNode> visitor) {
        if (node.isObject()) {
            visitor.accept(path, node);
            node.properties().forEach(e -> visit(e.getValue(), path + "/" + e.getKey(), visitor));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                visit(node.get(i), path + "/" + i, visitor);
            }
        }
    }
}
