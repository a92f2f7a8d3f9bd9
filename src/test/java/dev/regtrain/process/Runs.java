package dev.regtrain.process;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** What two runs of the same job are compared on. */
final class Runs {

    /** Long enough to be interrupted, a checkpoint every epoch, everything that has state switched on. */
    static final String JOB = """
            {"name": "interrupted", "seed": 2024, "dataset": {"builtin": "spirals", "samples": 3000, "classes": 3},
             "network": {"hidden": [{"units": 64, "activation": "relu"}, {"units": 64, "activation": "tanh"}]},
             "training": {"epochs": 60, "batchSize": 32, "optimizer": "adam", "learningRate": 0.003},
             "regularization": {"penalty": {"l1": 0.05, "l2": 0.5, "l1Update": "proximal"},
                                "dropout": {"input": 0.05, "hidden": [0.2, 0.1]},
                                "earlyStopping": {"monitor": "val_loss", "patience": 1000}},
             "checkpoints": {"everyEpochs": 1, "keepLast": 2}}
            """;

    private Runs() {
    }

    /** Every metrics row without its wall-clock seconds. */
    static List<JsonNode> rowsWithoutTime(ServiceProcess service, String id) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode row : service.get("/api/v1/jobs/" + id + "/metrics").get("epochs")) {
            ObjectNode copy = (ObjectNode) row.deepCopy();
            copy.remove("seconds");
            rows.add(copy);
        }
        return rows;
    }

    /** The model's layers (weights and biases). */
    static JsonNode model(ServiceProcess service, String id) throws Exception {
        return service.get("/api/v1/jobs/" + id + "/model").get("layers");
    }
}
