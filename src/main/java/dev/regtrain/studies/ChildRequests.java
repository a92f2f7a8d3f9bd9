package dev.regtrain.studies;

import dev.regtrain.jobs.request.JobRequest;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The job requests of a study's children: the template with the trial's values written at their paths, the study's
 * seed (which also generates a built-in dataset, so that every child sees the same rows), and for a fold job its
 * fold. Fold jobs write no periodic checkpoints (only best and final): they are many and short, and the final one is
 * what the next trial of a path starts from.
 */
final class ChildRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ChildRequests() {
    }

    /** Where a fold job's data comes from. */
    record Fold(int folds, int fold, String assignment, int repeat) {
    }

    static JobRequest foldJob(JobRequest template, String name, long seed, Map<String, Double> values, Fold fold,
                              String warmStartJob) {
        ObjectNode tree = base(template, name, seed, values);
        if (fold != null) {
            ObjectNode cv = tree.putObject("crossValidation");
            cv.put("folds", fold.folds()).put("fold", fold.fold()).put("assignment", fold.assignment())
                    .put("seed", seed).put("repeat", fold.repeat());
        }
        object(tree, "checkpoints").put("everyEpochs", 0).put("keepLast", 1);
        if (warmStartJob != null) {
            tree.putObject("initialWeights").put("job", warmStartJob).put("checkpoint", "latest");
        }
        return JSON.treeToValue(tree, JobRequest.class);
    }

    /**
     * The refit: the selected values on all the rows (with cross-validation; else the template's split), from a fresh
     * initialisation; when the template early-stops, {@code epochs} is the selected trial's rounded mean best epoch
     * and early stopping is off.
     */
    static JobRequest refit(JobRequest template, String name, long seed, Map<String, Double> values,
                            boolean allRows, Integer epochs) {
        ObjectNode tree = base(template, name, seed, values);
        if (allRows) {
            tree.put("validationSplit", 0.0);
        }
        if (epochs != null) {
            object(tree, "training").put("epochs", Math.max(1, epochs));
            object(tree, "regularization").putNull("earlyStopping");
        }
        tree.putNull("initialWeights");
        return JSON.treeToValue(tree, JobRequest.class);
    }

    private static ObjectNode base(JobRequest template, String name, long seed, Map<String, Double> values) {
        ObjectNode tree = JSON.valueToTree(template);
        tree.put("name", name);
        tree.put("seed", seed);
        values.forEach((path, value) -> set(tree, StudyParameter.byPath(path).orElseThrow(), value));
        return tree;
    }

    /** Writes one value at its path, creating the objects on the way (a missing section is its defaults). */
    static void set(ObjectNode tree, StudyParameter parameter, double value) {
        if (parameter == StudyParameter.HIDDEN_UNITS) {
            JsonNode hidden = object(tree, "network").get("hidden");
            if (hidden instanceof ArrayNode layers) {
                for (JsonNode layer : layers) {
                    ((ObjectNode) layer).put("units", (int) value);
                }
            }
            return;
        }
        String[] parts = parameter.path().split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            node = object(node, parts[i]);
        }
        String last = parts[parts.length - 1];
        if (parameter.integer()) {
            node.put(last, (int) value);
        } else {
            node.put(last, value);
        }
    }

    private static ObjectNode object(ObjectNode parent, String name) {
        JsonNode child = parent.get(name);
        if (child instanceof ObjectNode object) {
            return object;
        }
        return parent.putObject(name);
    }

    /** How many hidden layers the template has (a units search needs at least one). */
    static int hiddenLayers(JobRequest template) {
        return template.network() == null || template.network().hidden() == null ? 0
                : template.network().hidden().size();
    }
}
