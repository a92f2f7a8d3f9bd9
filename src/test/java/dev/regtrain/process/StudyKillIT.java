package dev.regtrain.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A study is killed with SIGKILL while its children train and the service is started again on the same data
 * directory: the study continues from its record and its children and ends with the result of the same study run
 * without interruption, its refit bit-identical.
 */
@Tag("slow")
class StudyKillIT {

    private static final String STUDY = """
            {"name": "killed", "seed": 11,
             "template": {"dataset": {"builtin": "moons", "samples": 300, "noise": 0.3},
                          "network": {"hidden": [{"units": 16}]},
                          "training": {"epochs": 40, "batchSize": 16, "optimizer": "adam", "learningRate": 0.01},
                          "regularization": {"earlyStopping": {"patience": 5}}},
             "search": {"method": "path", "parameters": {"regularization.penalty.l2": {"logRange": [0.1, 100],
                        "count": 4}}},
             "crossValidation": {"folds": 3},
             "selection": {"rule": "oneStandardError"}}
            """;

    @TempDir
    Path dataDir;

    private static String create(ServiceProcess service) throws Exception {
        HttpResponse<String> response = service.post("/api/v1/studies", STUDY, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return ServiceProcess.JSON.readTree(response.body()).get("id").asString();
    }

    private static JsonNode awaitFinal(ServiceProcess service, String id) {
        await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(200)).until(() -> {
            String status = service.get("/api/v1/studies/" + id).get("status").asString();
            return status.equals("SUCCEEDED") || status.equals("FAILED") || status.equals("CANCELLED");
        });
        try {
            return service.get("/api/v1/studies/" + id);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> values(JsonNode study) {
        List<String> values = new ArrayList<>();
        for (JsonNode trial : study.get("trials")) {
            for (JsonNode fold : trial.get("folds")) {
                values.add(trial.get("trial").asInt() + "/" + fold.get("fold").asInt() + " "
                        + fold.get("value").asDouble() + " " + fold.get("bestEpoch").asInt());
            }
            values.add("mean " + trial.get("mean").asDouble() + " se " + trial.get("standardError").asDouble());
        }
        return values;
    }

    @Test
    void aStudyKilledMidwayEndsWithTheResultOfAnUninterruptedOne() throws Exception {
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-service.log");
        String killed;
        try (ServiceProcess first = ServiceProcess.start(dataDir, log, "--regtrain.workers=2")) {
            killed = create(first);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                    .until(() -> first.get("/api/v1/studies/" + killed).get("progress").get("jobsDone").asInt() >= 4);
            first.kill();
        }

        try (ServiceProcess second = ServiceProcess.start(dataDir, log, "--regtrain.workers=2")) {
            JsonNode resumed = awaitFinal(second, killed);
            String reference = create(second);
            JsonNode uninterrupted = awaitFinal(second, reference);

            assertThat(resumed.get("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(resumed.get("progress").get("jobsDone").asInt()).isEqualTo(13);
            assertThat(values(resumed)).isEqualTo(values(uninterrupted));
            assertThat(resumed.get("result").get("selected")).isEqualTo(uninterrupted.get("result").get("selected"));
            assertThat(resumed.get("result").get("oneStandardError"))
                    .isEqualTo(uninterrupted.get("result").get("oneStandardError"));
            assertThat(second.get("/api/v1/jobs?study=" + killed + "&limit=100").get("jobs")).hasSize(13);
            String refit = resumed.get("result").get("refitJob").asString();
            String referenceRefit = uninterrupted.get("result").get("refitJob").asString();
            assertThat(Runs.rowsWithoutTime(second, refit)).isEqualTo(Runs.rowsWithoutTime(second, referenceRefit));
            assertThat(Runs.model(second, refit)).isEqualTo(Runs.model(second, referenceRefit));
        }
    }
}
