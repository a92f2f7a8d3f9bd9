package dev.regtrain.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * API.md "Training depth" over HTTP with real jobs: batch normalisation, schedules, clipping, label smoothing and
 * class weights in the request, the model document and predictions; the gradient check, evaluations, continue,
 * diagnostics and the gradients plot.
 */
class TrainingDepthEndpointsTests extends ServiceTest {

    /** Ten sigmoid layers on moons: the README's example of vanishing gradients. */
    static String deepSigmoid(boolean batchNorm) {
        StringBuilder hidden = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            hidden.append(i == 0 ? "" : ", ").append("{\"units\": 16, \"activation\": \"sigmoid\", \"batchNorm\": ")
                    .append(batchNorm).append('}');
        }
        return """
                {"name": "ten sigmoid layers%s", "seed": 7, "dataset": {"builtin": "moons", "samples": 1000},
                 "network": {"hidden": [%s]},
                 "training": {"epochs": 40, "batchSize": 32, "optimizer": "sgd", "learningRate": 0.1}}
                """.formatted(batchNorm ? ", batch norm" : "", hidden);
    }

    JsonNode post(String path, String body, int status) {
        return read(http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isEqualTo(status).expectBody(String.class).returnResult().getResponseBody());
    }

    private static List<String> kinds(JsonNode diagnostics) {
        List<String> kinds = new ArrayList<>();
        diagnostics.forEach(d -> kinds.add(d.get("kind").asString()));
        return kinds;
    }

    @Test
    void tenSigmoidLayersDoNotLearnWithoutBatchNormalisationAndTheDiagnosticsSaySoAndWithItTheyLearn() {
        String plain = submit(deepSigmoid(false));
        String normalised = submit(deepSigmoid(true));

        JsonNode without = awaitFinal(plain);
        JsonNode with = awaitFinal(normalised);

        assertThat(without.get("latest").get("valAccuracy").asDouble()).isLessThan(0.6);
        assertThat(kinds(without.get("diagnostics"))).contains("VANISHING_GRADIENTS").doesNotContain("SATURATION");
        JsonNode first = without.get("diagnostics").get(0);
        assertThat(first.get("layer").asInt()).isEqualTo(1);
        assertThat(first.get("fromEpoch").asInt()).isEqualTo(1);
        assertThat(first.get("detail").asString()).contains("batch normalisation");
        assertThat(with.get("latest").get("valAccuracy").asDouble()).isGreaterThan(0.9);
        assertThat(with.get("diagnostics")).isEmpty();
        JsonNode layer = getJson("/api/v1/jobs/" + plain + "/metrics").get("epochs").get(39).get("layers").get(0);
        assertThat(layer.get("saturatedFraction").asDouble()).isZero();
        assertThat(layer.has("deadFraction")).isFalse();
        assertThat(layer.get("updateRatio").asDouble()).isPositive();
        byte[] png = http.get().uri("/api/v1/jobs/" + plain + "/plots/gradients.png").exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_PNG).expectBody(byte[].class).returnResult()
                .getResponseBody();
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void aJobWithEveryNewOptionTrainsAndItsBatchNormalisedModelPredicts() {
        String id = submit("""
                {"seed": 42, "dataset": {"builtin": "moons", "samples": 200, "noise": 0.2},
                 "network": {"hidden": [{"units": 16, "activation": "relu", "batchNorm": true},
                                        {"units": 8, "activation": "tanh"}]},
                 "training": {"epochs": 6, "batchSize": 32, "optimizer": "momentum", "learningRate": 0.1,
                              "schedule": {"type": "exponential", "factor": 0.5}, "clipNorm": 5, "clipValue": 1,
                              "classWeights": "balanced"},
                 "regularization": {"penalty": {"l2": 0.1}, "dropout": {"hidden": [0.1, 0.0]},
                                    "labelSmoothing": 0.1},
                 "checkpoints": {"everyEpochs": 2, "keepLast": 5}}""");
        JsonNode job = awaitFinal(id);

        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
        JsonNode request = job.get("request");
        assertThat(request.get("network").get("hidden").get(1).get("batchNorm").asBoolean()).isFalse();
        assertThat(request.get("network").get("init").asString()).isEqualTo("auto");
        assertThat(request.get("training").get("schedule").toString())
                .isEqualTo("{\"type\":\"exponential\",\"factor\":0.5}");
        assertThat(request.get("regularization").get("penalty").get("regularizeBatchNorm").asBoolean()).isFalse();
        assertThat(job.get("objective").asString()).contains("(1/Σw)·Σw·ℓ", "balanced", "smoothed",
                "batch-norm γ and β not penalised");
        JsonNode rows = getJson("/api/v1/jobs/" + id + "/metrics").get("epochs");
        for (int e = 0; e < 6; e++) {
            assertThat(rows.get(e).get("learningRate").asDouble()).isCloseTo(0.1 * Math.pow(0.5, e), within(1e-15));
        }
        assertThat(rows.get(5).get("layers").get(0).get("deadFraction").asDouble()).isBetween(0.0, 1.0);
        getJson("/api/v1/jobs/" + id + "/checkpoints").get("checkpoints").forEach(c ->
                assertThat(c.get("monitorValue").isNumber()).as("checkpoint %s", c.get("ref")).isTrue());

        JsonNode layer = getJson("/api/v1/jobs/" + id + "/model").get("layers").get(0);
        assertThat(layer.has("bias")).isFalse();
        assertThat(layer.get("batchNorm").get("gamma")).hasSize(16);
        assertThat(layer.get("batchNorm").get("runningVariance")).hasSize(16);
        assertThat(layer.get("batchNorm").get("epsilon").asDouble()).isEqualTo(1e-5);
        JsonNode predictions = post("/api/v1/jobs/" + id + "/predictions",
                "{\"inputs\": [[0.0, 1.0], [1.0, -0.5]], \"mcDropoutSamples\": 20}", 200).get("predictions");
        assertThat(predictions.get(0).get("probabilities").get(0).asDouble()
                + predictions.get(0).get("probabilities").get(1).asDouble()).isCloseTo(1.0, within(1e-12));
        assertThat(predictions.get(0).get("std")).hasSize(2);

        JsonNode model = getJson("/api/v1/jobs/" + id + "/model");
        ((ObjectNode) model).remove("jobId");
        String warm = submit("""
                {"seed": 5, "dataset": {"builtin": "moons", "samples": 200, "noise": 0.2},
                 "network": {"hidden": [{"units": 16, "activation": "relu", "batchNorm": true},
                                        {"units": 8, "activation": "tanh"}]},
                 "training": {"epochs": 2}, "initialWeights": {"model": %s}}""".formatted(model));
        assertThat(awaitFinal(warm).get("status").asString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void theGradientCheckOfAJobPassesOnItsOwnObjectiveAndIsDeterministic() {
        String id = submit(moonsJob(3, """
                "regularization": {"penalty": {"l1": 0.1, "l2": 0.5, "l1Update": "proximal"},
                                   "dropout": {"hidden": 0.3}, "labelSmoothing": 0.05}""")
                .replace("\"activation\": \"relu\"}", "\"activation\": \"tanh\", \"batchNorm\": true}"));
        awaitFinal(id);

        String body = "{\"checkpoint\": \"latest\", \"examples\": 16, \"parametersPerLayer\": 20}";
        JsonNode check = post("/api/v1/jobs/" + id + "/gradient-check", body, 200);

        assertThat(check.get("verdict").asString()).isEqualTo("OK");
        assertThat(check.get("epsilon").asDouble()).isEqualTo(1e-5);
        assertThat(check.get("maxRelativeError").asDouble()).isLessThan(1e-7);
        assertThat(check.get("layers")).hasSize(2);
        assertThat(check.get("layers").get(0).get("parameters").asInt()).isEqualTo(20);
        assertThat(check.get("epoch").asInt()).isEqualTo(3);
        assertThat(post("/api/v1/jobs/" + id + "/gradient-check", body, 200)).isEqualTo(check);
        JsonNode problem = post("/api/v1/jobs/" + id + "/gradient-check", "{\"examples\": 0}", 400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("examples");
    }

    @Test
    void aModelIsEvaluatedOnAnotherUploadedDatasetAsJsonAndAsCsv() {
        String training = upload("?name=flowers-train", DatasetEndpointsTests.flowers(30)).get("id").asString();
        String held = upload("?name=flowers-held", DatasetEndpointsTests.flowers(12)).get("id").asString();
        String id = submit("""
                {"seed": 3, "dataset": {"id": "%s"}, "network": {"hidden": [{"units": 8, "activation": "relu"}]},
                 "training": {"epochs": 30, "optimizer": "adam", "learningRate": 0.02}}""".formatted(training));
        awaitFinal(id);

        JsonNode evaluation = post("/api/v1/jobs/" + id + "/evaluations",
                "{\"dataset\": {\"id\": \"" + held + "\"}}", 200);

        assertThat(evaluation.get("rows").asInt()).isEqualTo(36);
        assertThat(evaluation.get("classes").toString()).isEqualTo("[\"setosa\",\"versicolor\",\"virginica\"]");
        long total = 0;
        long diagonal = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                total += evaluation.get("confusionMatrix").get(i).get(j).asLong();
                diagonal += i == j ? evaluation.get("confusionMatrix").get(i).get(j).asLong() : 0;
            }
            assertThat(evaluation.get("perClass").get(i).get("support").asInt()).isEqualTo(12);
            assertThat(evaluation.get("perClass").get(i).get("class").asString())
                    .isEqualTo(evaluation.get("classes").get(i).asString());
        }
        assertThat(total).isEqualTo(36);
        assertThat(evaluation.get("accuracy").asDouble()).isEqualTo(diagonal / 36.0);
        assertThat(evaluation.get("loss").asDouble()).isPositive();
        assertThat(evaluation.get("rocAuc").isNull()).isTrue();

        String csv = http.post().uri("/api/v1/jobs/" + id + "/evaluations").contentType(MediaType.APPLICATION_JSON)
                .accept(CSV).body("{\"dataset\": {\"id\": \"" + held + "\"}, \"checkpoint\": \"latest\"}").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        String[] lines = csv.split("\n");
        assertThat(lines[0]).isEqualTo("row,label,predicted,probability.setosa,probability.versicolor,"
                + "probability.virginica");
        assertThat(lines).hasSize(37);

        String sine = upload("?name=sine-ish", "x,y\n1,2\n2,3\n3,4\n").get("id").asString();
        assertThat(post("/api/v1/jobs/" + id + "/evaluations", "{\"dataset\": {\"id\": \"" + sine + "\"}}", 400)
                .get("errors").get(0).get("field").asString()).isEqualTo("dataset.id");
    }

    @Test
    void aContinuedJobNumbersItsEpochsOnAndEndsBitIdenticalToTheLongerJob() {
        String job = """
                {"seed": 42, "dataset": {"builtin": "moons", "samples": 200, "noise": 0.2},
                 "network": {"hidden": [{"units": 16, "activation": "relu"}]},
                 "training": {"epochs": %d, "batchSize": 32, "optimizer": "adam", "learningRate": 0.01,
                              "schedule": {"type": "step", "everyEpochs": 3, "factor": 0.5}},
                 "regularization": {"dropout": {"hidden": 0.2}}}""";
        String shortJob = job.formatted(5);
        String longJob = job.formatted(8);
        String original = submit(shortJob);
        String longer = submit(longJob);
        awaitFinal(original);

        JsonNode continued = post("/api/v1/jobs/" + original + "/continue", "{\"epochs\": 3}", 202);
        String id = continued.get("id").asString();
        assertThat(continued.get("continuedFrom").toString())
                .isEqualTo("{\"job\":\"" + original + "\",\"epoch\":5}");
        JsonNode done = awaitFinal(id);
        awaitFinal(longer);

        assertThat(done.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(done.get("progress").get("epoch").asInt()).isEqualTo(8);
        assertThat(withoutSeconds(getJson("/api/v1/jobs/" + id + "/metrics")))
                .isEqualTo(withoutSeconds(getJson("/api/v1/jobs/" + longer + "/metrics")));
        assertThat(getJson("/api/v1/jobs/" + id + "/model").get("layers"))
                .isEqualTo(getJson("/api/v1/jobs/" + longer + "/model").get("layers"));
        assertThat(post("/api/v1/jobs/" + original + "/continue", "{}", 400).get("errors").get(0).get("field")
                .asString()).isEqualTo("epochs");
    }

    private static List<String> withoutSeconds(JsonNode metrics) {
        List<String> rows = new ArrayList<>();
        metrics.get("epochs").forEach(row -> {
            ((ObjectNode) row).remove("seconds");
            rows.add(row.toString());
        });
        return rows;
    }

    @Test
    void aCsvWithoutAHeaderRowIsA400() {
        http.post().uri("/api/v1/datasets").contentType(CSV).body("1.0,2.0,0\n3.0,4.0,1\n").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.line").isEqualTo(1)
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("header"));
    }
}
