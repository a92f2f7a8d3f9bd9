package dev.regtrain.api;

import dev.regtrain.common.ApiNames;
import dev.regtrain.data.BuiltinDatasets;
import dev.regtrain.data.GeneratorInfo;
import dev.regtrain.data.Task;
import dev.regtrain.data.TaskChoice;
import dev.regtrain.jobs.JobStatus;
import dev.regtrain.jobs.request.Choice;
import dev.regtrain.jobs.request.TrainingRequest;
import dev.regtrain.jobs.request.DropoutRequest;
import dev.regtrain.models.ExportFormat;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * What the annotations cannot say, added to the document springdoc builds from the controllers: the enums of the
 * request's choices and of the generators, read from their one source ({@link Choice}, {@link BuiltinDatasets}); the
 * one problem schema on every error response; numeric defaults as numbers; a dropout rate that is a number or a list;
 * what the fields of the answers mean ({@link SchemaDescriptions}).
 */
@Component
class OpenApiDocument implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    static final String DROPOUT_RATES = "DropoutRates";
    static final String CLASS_WEIGHTS = "ClassWeights";
    /** The query parameters that take a name out of an enum's: operationId.parameter → the names. */
    private static final Map<String, List<String>> PARAMETER_NAMES = Map.of(
            "uploadDataset.task", ApiNames.of(TaskChoice.class),
            "getModel.format", ApiNames.of(ExportFormat.class),
            "getModel.precision", Choice.PRECISION.names(),
            "getCheckpoint.format", ApiNames.of(ExportFormat.class),
            "getCheckpoint.precision", Choice.PRECISION.names());
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String QUERY_400 = "Invalid request: a query parameter the operation does not take, one "
            + "given twice or without a value, or a value that does not parse; the problem names each";

    @Override
    public void customise(OpenAPI api) {
        @SuppressWarnings("rawtypes")
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        schemas.putAll(ModelConverters.getInstance(true).readAll(ProblemDocument.class));
        schemas.remove("SseEmitter"); // the event stream's Java type, which its text/event-stream content replaces
        for (Choice choice : Choice.values()) {
            Schema<?> property = property(schemas, choice.owner().getSimpleName(), choice.property());
            enumeration(property, choice.names());
            if (choice.fallback() != null) {
                property.setDefault(choice.fallback());
            }
        }
        enumeration(property(schemas, "DatasetRequest", "builtin"),
                BuiltinDatasets.catalogue().stream().map(GeneratorInfo::name).toList());
        for (String owner : List.of("DatasetRecord", "DataSummary", "BuiltinGenerator", "ModelDocument")) {
            enumeration(property(schemas, owner, "task"), ApiNames.of(Task.class));
        }
        for (String owner : List.of("PredictionsResponse", "ModelDocument")) {
            enumeration(property(schemas, owner, "precision"), Choice.PRECISION.names());
        }
        dropoutRates(schemas);
        classWeights(schemas);
        // the two evaluations, told apart by what each always has
        schemas.get("ClassificationEvaluation").setRequired(List.of("rows", "loss", "accuracy", "confusionMatrix"));
        schemas.get("RegressionEvaluation").setRequired(List.of("rows", "loss", "rmse", "mae"));
        SchemaDescriptions.DESCRIPTIONS.forEach((key, description) -> {
            int dot = key.indexOf('.');
            Schema<?> schema = dot < 0 ? schemas.get(key)
                    : property(schemas, key.substring(0, dot), key.substring(dot + 1));
            if (schema == null) {
                throw new IllegalStateException("the OpenAPI document has no schema " + key);
            }
            schema.setDescription(description);
        });
        schemas.values().forEach(schema -> walk(schema, OpenApiDocument::numericDefault));
        api.getPaths().forEach((path, item) -> item.readOperationsMap().values().forEach(operation -> {
            responses(path, operation.getResponses());
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(p -> walk(p.getSchema(), OpenApiDocument::numericDefault));
            }
            if ("listJobs".equals(operation.getOperationId())) {
                statusList(operation);
            }
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(p -> {
                    List<String> names = PARAMETER_NAMES.get(operation.getOperationId() + "." + p.getName());
                    if (names != null) {
                        enumeration(p.getSchema(), names);
                    }
                });
            }
        }));
    }

    @SuppressWarnings("rawtypes")
    private static Schema<?> property(Map<String, Schema> schemas, String owner, String name) {
        Schema<?> schema = schemas.get(owner);
        Schema<?> property = schema == null || schema.getProperties() == null ? null : schema.getProperties().get(name);
        if (property == null) {
            throw new IllegalStateException("the OpenAPI document has no property " + owner + "." + name);
        }
        return property;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void enumeration(Schema property, List<String> names) {
        property.setEnum(new ArrayList<>(names));
    }

    /**
     * Every error response carries the one problem schema as application/problem+json; every operation may answer
     * 400 (a query parameter it does not take), every operation of the API 401 when keys are on, and every operation
     * on a job or dataset 404.
     */
    private static void responses(String path, ApiResponses responses) {
        if (!responses.containsKey("400")) {
            responses.addApiResponse("400", new ApiResponse().description(QUERY_400));
        }
        if (path.startsWith("/api/v1/") && !responses.containsKey("401")) {
            responses.addApiResponse("401", new ApiResponse().description("With regtrain.security.mode=api-key: no "
                    + "key, or one that is unknown or revoked (the answer has WWW-Authenticate: Bearer)"));
        }
        if (path.contains("{id}") && !responses.containsKey("404")) {
            responses.addApiResponse("404", new ApiResponse().description(path.startsWith("/api/v1/datasets")
                    ? "No such dataset" : "No such job"));
        }
        responses.forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                response.setContent(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
            }
        });
    }

    /** {@code status} of the job list: a comma-separated list of statuses (form style, not exploded). */
    private static void statusList(Operation operation) {
        for (Parameter parameter : operation.getParameters()) {
            if (parameter.getName().equals("status")) {
                Schema<String> status = new Schema<>();
                status.setTypes(Set.of("string"));
                status.setEnum(Arrays.stream(JobStatus.values()).map(Enum::name).toList());
                ArraySchema list = new ArraySchema();
                list.setTypes(Set.of("array"));
                list.setItems(status);
                parameter.setSchema(list);
                parameter.setStyle(Parameter.StyleEnum.FORM);
                parameter.setExplode(false);
            }
        }
    }

    /**
     * {@code hidden}: one rate for every hidden layer, or one per hidden layer (echoed as a list); a component of its
     * own, DropoutRates, so that a generator that cannot type a number-or-list can map it (the Java client: Object).
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void dropoutRates(Map<String, Schema> schemas) {
        Schema dropout = schemas.get(DropoutRequest.class.getSimpleName());
        Schema hidden = (Schema) dropout.getProperties().get("hidden");
        Schema rate = rate();
        rate.setDescription("One drop probability for every hidden layer");
        ArraySchema perLayer = new ArraySchema();
        perLayer.setTypes(Set.of("array"));
        perLayer.setItems(rate());
        perLayer.setDescription("One drop probability per hidden layer");
        Schema rates = new Schema();
        rates.setOneOf(List.of(rate, perLayer));
        rates.setDescription("Drop probabilities in [0, 1): a number for every hidden layer, or a list with one per "
                + "hidden layer");
        rates.setExample(0.5);
        schemas.put(DROPOUT_RATES, rates);
        Schema reference = new Schema().$ref("#/components/schemas/" + DROPOUT_RATES);
        reference.setDescription(hidden.getDescription());
        reference.setDefault(BigDecimal.ZERO);
        dropout.getProperties().put("hidden", reference);
    }

    /**
     * {@code classWeights}: "balanced", or a weight per class label; a component of its own, ClassWeights, for the
     * same reason as DropoutRates.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void classWeights(Map<String, Schema> schemas) {
        Schema property = property(schemas, "TrainingRequest", "classWeights");
        Schema balanced = new Schema();
        balanced.setTypes(Set.of("string"));
        balanced.setEnum(List.of(TrainingRequest.BALANCED));
        balanced.setDescription("Each class weighs the inverse of its share: w_c = m/(K·m_c)");
        Schema weight = new Schema();
        weight.setTypes(Set.of("number"));
        weight.setFormat("double");
        Schema byLabel = new Schema();
        byLabel.setTypes(Set.of("object"));
        byLabel.setAdditionalProperties(weight);
        byLabel.setDescription("A weight per class label; classes not named weigh 1");
        Schema weights = new Schema();
        weights.setOneOf(List.of(balanced, byLabel));
        weights.setDescription("Class weights: the data term of J becomes Σ w·ℓ / Σ w");
        weights.setExample(TrainingRequest.BALANCED);
        schemas.put(CLASS_WEIGHTS, weights);
        Schema reference = new Schema().$ref("#/components/schemas/" + CLASS_WEIGHTS);
        reference.setDescription(property.getDescription());
        ((Schema) schemas.get("TrainingRequest")).getProperties().put("classWeights", reference);
    }

    private static Schema<?> rate() {
        Schema<?> rate = new Schema<>();
        rate.setTypes(Set.of("number"));
        rate.setFormat("double");
        rate.setMinimum(BigDecimal.ZERO);
        rate.setExclusiveMaximumValue(BigDecimal.ONE);
        return rate;
    }

    /** A default of a number written as a string ("0.9") becomes the number. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void numericDefault(Schema schema) {
        Set<String> types = schema.getTypes();
        boolean numeric = types != null && (types.contains("number") || types.contains("integer"))
                || "number".equals(schema.getType()) || "integer".equals(schema.getType());
        if (numeric && schema.getDefault() instanceof String text) {
            schema.setDefault(new BigDecimal(text));
        }
    }

    /** The schema and every schema inside it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void walk(Schema schema, Consumer<Schema> visit) {
        if (schema == null) {
            return;
        }
        visit.accept(schema);
        if (schema.getProperties() != null) {
            ((Map<String, Schema>) schema.getProperties()).values().forEach(s -> walk(s, visit));
        }
        walk(schema.getItems(), visit);
        for (List<Schema> list : new List[] {schema.getOneOf(), schema.getAnyOf(), schema.getAllOf()}) {
            if (list != null) {
                list.forEach(s -> walk(s, visit));
            }
        }
    }
}
