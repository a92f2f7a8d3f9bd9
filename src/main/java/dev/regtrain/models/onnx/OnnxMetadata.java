package dev.regtrain.models.onnx;

import dev.regtrain.engine.Precision;

import dev.regtrain.engine.Output;
import dev.regtrain.models.document.ModelDocument;
import dev.regtrain.models.document.Provenance;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * What an exported model says about itself: ONNX {@code metadata_props} with the model's classes and its
 * provenance (the same values as the model document's), and a description of its inputs and outputs.
 */
final class OnnxMetadata {

    private OnnxMetadata() {
    }

    static Map<String, String> properties(ModelDocument document, Precision precision) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("format", ModelDocument.FORMAT);
        put(properties, "jobId", document.jobId());
        put(properties, "epoch", document.epoch());
        put(properties, "task", document.task());
        if (document.classes() != null) {
            ArrayNode classes = JsonNodeFactory.instance.arrayNode();
            document.classes().forEach(classes::add);
            properties.put("classes", classes.toString());
        }
        properties.put("precision", precision.apiName());
        put(properties, "trainingPrecision", document.precision());
        Provenance provenance = document.provenance();
        if (provenance != null) {
            put(properties, "seed", provenance.seed());
            put(properties, "request", provenance.request());
            put(properties, "datasetSha256", provenance.datasetSha256());
            put(properties, "serviceVersion", provenance.serviceVersion());
            put(properties, "serviceCommit", provenance.serviceCommit());
            put(properties, "createdAt", provenance.createdAt());
        }
        return properties;
    }

    static String producerVersion(ModelDocument document) {
        Provenance provenance = document.provenance();
        return provenance != null && provenance.serviceVersion() != null ? provenance.serviceVersion() : "unknown";
    }

    static String description(ModelDocument document, Output output, Precision precision) {
        String type = precision.apiName();
        String outputs = output == Output.LINEAR ? "value " + type + " [N, " + last(document) + "]"
                : "probabilities " + type + " [N, " + (output == Output.SIGMOID ? 2 : last(document))
                + "] and label int64 [N] (an index into metadata 'classes')";
        return "regtrain model" + (document.jobId() == null ? "" : " of job " + document.jobId())
                + (document.epoch() == null ? "" : " at epoch " + document.epoch()) + ": features " + type
                + " [N, " + document.inputs() + "], raw (standardised inside) -> " + outputs;
    }

    private static int last(ModelDocument document) {
        return document.layers().get(document.layers().size() - 1).units();
    }

    private static void put(Map<String, String> properties, String key, Object value) {
        if (value != null) {
            properties.put(key, value.toString());
        }
    }
}
