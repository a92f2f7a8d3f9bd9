package dev.regtrain.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * docs/api.md, the human-readable API reference, written from the OpenAPI document the service serves: every
 * operation by tag (parameters, body, answers) and every schema with its fields, types, defaults and allowed values.
 * {@link OpenApiSyncTests} holds the committed file to it.
 */
final class ApiReference {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private final JsonNode document;
    private final StringBuilder out = new StringBuilder();

    private ApiReference(JsonNode document) {
        this.document = document;
    }

    static String render(JsonNode document) {
        return new ApiReference(document).write();
    }

    private String write() {
        JsonNode info = document.get("info");
        line("# " + info.get("title").asString() + " API reference (" + info.get("version").asString() + ")");
        line();
        line("Written from [`openapi/openapi.yaml`](../openapi/openapi.yaml), the document the service serves at "
                + "`/v3/api-docs.yaml`, by `OpenApiSyncTests` (regenerate both with "
                + "`./mvnw test -Dtest=OpenApiSyncTests -Dopenapi.write=true`; do not edit by hand). The same "
                + "document drives the Swagger UI at `/swagger-ui.html`.");
        line();
        line(info.get("description").asString());
        line();
        line("Server: `" + document.at("/servers/0/url").asString() + "`. Licence: "
                + info.at("/license/identifier").asString() + ".");
        Map<String, List<String[]>> operations = operationsByTag();
        for (JsonNode tag : document.get("tags")) {
            String name = tag.get("name").asString();
            line();
            line("## " + name);
            line();
            line(tag.get("description").asString());
            line();
            line("| operation | |");
            line("|---|---|");
            for (String[] operation : operations.getOrDefault(name, List.of())) {
                JsonNode node = document.get("paths").get(operation[1]).get(operation[0]);
                line("| [`" + operation[0].toUpperCase(Locale.ROOT) + " " + operation[1] + "`](#" + anchor(node)
                        + ") | " + cell(node.get("summary").asString()) + " |");
            }
            for (String[] operation : operations.getOrDefault(name, List.of())) {
                operation(operation[0], operation[1], document.get("paths").get(operation[1]).get(operation[0]));
            }
        }
        line();
        line("## Schemas");
        document.at("/components/schemas").properties().forEach(e -> schema(e.getKey(), e.getValue()));
        return out.toString();
    }

    private Map<String, List<String[]>> operationsByTag() {
        Map<String, List<String[]>> byTag = new LinkedHashMap<>();
        document.get("paths").properties().forEach(path -> METHODS.forEach(method -> {
            JsonNode operation = path.getValue().get(method);
            if (operation != null) {
                byTag.computeIfAbsent(operation.get("tags").get(0).asString(), t -> new ArrayList<>())
                        .add(new String[] {method, path.getKey()});
            }
        }));
        return byTag;
    }

    private void operation(String method, String path, JsonNode operation) {
        line();
        line("<a id=\"" + anchor(operation) + "\"></a>");
        line("### `" + method.toUpperCase(Locale.ROOT) + " " + path + "`: " + operation.get("summary").asString());
        line();
        line(operation.get("description").asString() + " (`" + operation.get("operationId").asString() + "`)");
        JsonNode parameters = operation.get("parameters");
        if (parameters != null && !parameters.isEmpty()) {
            line();
            line("| parameter | in | type | description |");
            line("|---|---|---|---|");
            for (JsonNode p : parameters) {
                line("| `" + p.get("name").asString() + "`" + (p.path("required").asBoolean() ? " (required)" : "")
                        + " | " + p.get("in").asString() + " | " + type(p.get("schema"))
                        + " | " + cell(p.path("description").asString("")) + " |");
            }
        }
        JsonNode body = operation.get("requestBody");
        if (body != null) {
            line();
            body.get("content").properties().forEach(media -> line("Body" + (body.path("required").asBoolean()
                    ? " (required)" : "") + ": `" + media.getKey() + "`, " + type(media.getValue().get("schema"))
                    + "."));
        }
        line();
        line("| answer | content | |");
        line("|---|---|---|");
        operation.get("responses").properties().forEach(response -> {
            List<String> contents = new ArrayList<>();
            JsonNode content = response.getValue().get("content");
            if (content != null) {
                content.properties().forEach(media -> contents.add("`" + media.getKey() + "` "
                        + type(media.getValue().get("schema"))));
            }
            line("| " + response.getKey() + " | " + String.join("<br>", contents) + " | "
                    + cell(response.getValue().get("description").asString()) + " |");
        });
    }

    private void schema(String name, JsonNode schema) {
        line();
        line("### " + name);
        line();
        if (schema.has("description")) {
            line(schema.get("description").asString());
            line();
        }
        JsonNode properties = schema.get("properties");
        if (properties == null) {
            line("One of: " + type(schema) + ".");
            return;
        }
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asString()));
        line("| field | type | default | description |");
        line("|---|---|---|---|");
        properties.properties().forEach(p -> line("| `" + p.getKey() + "`" + (required.contains(p.getKey())
                ? " (required)" : "") + " | " + type(p.getValue()) + " | " + (p.getValue().has("default")
                ? "`" + p.getValue().get("default").toString().replace("\"", "") + "`" : "") + " | "
                + cell(p.getValue().path("description").asString("")) + " |"));
        if (schema.path("additionalProperties").asBoolean(false)) {
            line();
            line("Other fields are allowed (the generator's parameters).");
        }
    }

    /** A schema's type in words, with links to the named schemas it uses. */
    private static String type(JsonNode schema) {
        if (schema == null) {
            return "";
        }
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().replace("#/components/schemas/", "");
            return "[" + name + "](#" + name.toLowerCase(Locale.ROOT) + ")";
        }
        if (schema.has("oneOf")) {
            List<String> alternatives = new ArrayList<>();
            schema.get("oneOf").forEach(s -> alternatives.add(type(s)));
            return String.join(" or ", alternatives);
        }
        String type = schema.path("type").asString("any");
        if (type.equals("array")) {
            return "array of " + type(schema.get("items"));
        }
        StringBuilder words = new StringBuilder(type);
        if (schema.has("format") && !List.of("int32", "double").contains(schema.get("format").asString())) {
            words.append(" (").append(schema.get("format").asString()).append(')');
        }
        if (schema.has("enum")) {
            List<String> values = new ArrayList<>();
            schema.get("enum").forEach(v -> values.add("`" + v.asString() + "`"));
            words.append(": ").append(String.join(", ", values));
        }
        if (schema.has("minimum") || schema.has("exclusiveMaximum")) {
            words.append(" in [").append(schema.path("minimum").asString("")).append(", ")
                    .append(schema.path("exclusiveMaximum").asString("")).append(')');
        }
        return words.toString();
    }

    private static String anchor(JsonNode operation) {
        return "op-" + operation.get("operationId").asString().toLowerCase(Locale.ROOT);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    private void line() {
        out.append('\n');
    }
}
