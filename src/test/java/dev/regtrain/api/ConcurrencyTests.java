package dev.regtrain.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A job's numbers do not depend on what else runs beside it. */
class ConcurrencyTests extends ServiceTest {

    private static String job(long seed) {
        return """
                {"seed": %d, "dataset": {"builtin": "spirals", "samples": 300, "classes": 3},
                 "network": {"hidden": [{"units": 32, "activation": "tanh"}, {"units": 32, "activation": "relu"}]},
                 "training": {"epochs": 15, "batchSize": 16, "optimizer": "momentum", "learningRate": 0.05},
                 "regularization": {"penalty": {"l1": 0.1, "l2": 0.3}, "dropout": {"hidden": 0.2}}}
                """.formatted(seed);
    }

    /** The metrics rows without the wall-clock seconds, which are the only thing allowed to differ. */
    private List<JsonNode> rowsWithoutTime(String id) {
        List<JsonNode> rows = new java.util.ArrayList<>();
        getJson("/api/v1/jobs/" + id + "/metrics").get("epochs").forEach(row -> {
            ObjectNode copy = (ObjectNode) row.deepCopy();
            copy.remove("seconds");
            rows.add(copy);
        });
        return rows;
    }

    @Test
    void jobsRunningSideBySideGiveTheSameNumbersAsEachAlone() {
        String alone = submit(job(11));
        awaitFinal(alone);
        List<JsonNode> expected = rowsWithoutTime(alone);
        JsonNode expectedModel = getJson("/api/v1/jobs/" + alone + "/model").get("layers");

        List<String> together = List.of(submit(job(11)), submit(job(12)), submit(job(11)), submit(job(13)));
        together.forEach(this::awaitFinal);

        for (String id : List.of(together.get(0), together.get(2))) {
            assertThat(rowsWithoutTime(id)).isEqualTo(expected);
            assertThat(getJson("/api/v1/jobs/" + id + "/model").get("layers")).isEqualTo(expectedModel);
        }
        assertThat(rowsWithoutTime(together.get(1))).isNotEqualTo(expected);
    }
}
