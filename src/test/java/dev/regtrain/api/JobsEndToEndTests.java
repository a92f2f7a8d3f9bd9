package dev.regtrain.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Real jobs over HTTP, to every way a job can end. */
class JobsEndToEndTests extends ServiceTest {

    @Test
    void aJobRunsToCompletionWithMetricsCheckpointsModelAndPredictions() {
        String id = submit(moonsJob(12, """
                "regularization": {"penalty": {"l2": 0.5}, "dropout": {"hidden": 0.2}},
                "checkpoints": {"everyEpochs": 5, "keepLast": 1}"""));

        JsonNode job = awaitFinal(id);

        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("stop").get("reason").asString()).isEqualTo("COMPLETED");
        assertThat(job.get("stop").get("epoch").asInt()).isEqualTo(12);
        assertThat(job.get("stop").get("detail").asString()).startsWith("completed all 12 epochs");
        assertThat(job.get("objective").asString())
                .isEqualTo("J = (1/m)·Σℓ + (0.5/(2m))·Σ‖W‖²_F, biases not penalised, m = 160");
        assertThat(job.get("progress").get("fraction").asDouble()).isEqualTo(1.0);
        assertThat(job.get("latest").get("epoch").asInt()).isEqualTo(12);
        assertThat(job.get("request").get("regularization").get("dropout").get("hidden").get(0).asDouble())
                .isEqualTo(0.2);
        assertThat(job.get("links").get("metrics").asString()).isEqualTo("/api/v1/jobs/" + id + "/metrics");
        List<String> statuses = new ArrayList<>();
        job.get("history").forEach(h -> statuses.add(h.get("status").asString()));
        assertThat(statuses).containsExactly("QUEUED", "RUNNING", "SUCCEEDED");
        assertThat(job.get("history").get(2).get("at").asString()).isEqualTo(job.get("finishedAt").asString());

        JsonNode metrics = getJson("/api/v1/jobs/" + id + "/metrics");
        assertThat(metrics.get("epochs")).hasSize(12);
        JsonNode row = metrics.get("epochs").get(11);
        assertThat(row.get("trainLoss").asDouble()).isEqualTo(row.get("trainDataLoss").asDouble()
                + row.get("penalty").asDouble(), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(row.get("valAccuracy").asDouble()).isGreaterThan(0.7);
        assertThat(row.get("trainRmse").isNull()).isTrue();
        assertThat(row.get("layers")).hasSize(2);

        List<String> refs = new ArrayList<>();
        getJson("/api/v1/jobs/" + id + "/checkpoints").get("checkpoints").forEach(c -> refs.add(c.get("ref").asString()));
        assertThat(refs).containsExactly("best", "10", "12"); // keepLast 1 pruned epoch 5's periodic checkpoint

        JsonNode model = getJson("/api/v1/jobs/" + id + "/model");
        assertThat(model.get("format").asString()).isEqualTo("regtrain-model/1");
        assertThat(model.get("epoch").asInt()).isEqualTo(12);
        assertThat(model.get("classes").get(0).asString()).isEqualTo("0");
        assertThat(model.get("layers").get(0).get("weights")).hasSize(2);
        assertThat(model.get("layers").get(0).get("weights").get(0)).hasSize(16);
        assertThat(model.get("standardization").get("mean")).hasSize(2);

        JsonNode predictions = read(http.post().uri("/api/v1/jobs/" + id + "/predictions")
                .contentType(MediaType.APPLICATION_JSON).body("{\"inputs\": [[0.0, 1.0], [1.0, -0.5]]}").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody()).get("predictions");
        assertThat(predictions).hasSize(2);
        for (JsonNode p : predictions) {
            assertThat(p.get("label").asString()).isIn("0", "1");
            assertThat(p.get("probabilities").get(0).asDouble() + p.get("probabilities").get(1).asDouble())
                    .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(p.has("std")).isFalse();
        }
    }

    @Test
    void earlyStoppingEndsTheJobAndTheModelIsTheBestCheckpoint() {
        String id = submit("""
                {"seed": 3, "dataset": {"builtin": "moons", "samples": 60, "noise": 0.45}, "validationSplit": 0.5,
                 "network": {"hidden": [{"units": 128, "activation": "relu"}, {"units": 128, "activation": "relu"}]},
                 "training": {"epochs": 400, "batchSize": 8, "optimizer": "adam", "learningRate": 0.01},
                 "regularization": {"earlyStopping": {"monitor": "val_loss", "patience": 8}}}
                """);

        JsonNode job = awaitFinal(id);

        JsonNode stop = job.get("stop");
        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(stop.get("reason").asString()).isEqualTo("EARLY_STOPPED");
        assertThat(stop.get("epoch").asInt()).isEqualTo(stop.get("bestEpoch").asInt() + 8).isLessThan(400);
        assertThat(stop.get("restoredBestWeights").asBoolean()).isTrue();
        assertThat(stop.get("detail").asString()).startsWith("val_loss did not improve for 8 epochs; best ");
        assertThat(job.get("best").get("epoch").asInt()).isEqualTo(stop.get("bestEpoch").asInt());
        assertThat(getJson("/api/v1/jobs/" + id + "/model").get("epoch").asInt()).isEqualTo(stop.get("bestEpoch").asInt());
    }

    @Test
    void aRunningJobIsCancelledWithinAMiniBatchAndKeepsItsCheckpoints() {
        String id = submit(moonsJob(100_000, "\"checkpoints\": {\"everyEpochs\": 1, \"keepLast\": 2}"));
        awaitStatus(id, "RUNNING", 3);

        JsonNode accepted = read(http.post().uri("/api/v1/jobs/" + id + "/cancel").exchange().expectStatus()
                .isAccepted().expectBody(String.class).returnResult().getResponseBody());
        JsonNode job = awaitFinal(id);

        assertThat(accepted.get("id").asString()).isEqualTo(id);
        assertThat(job.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(job.get("stop").get("reason").asString()).isEqualTo("CANCELLED");
        assertThat(job.get("stop").get("epoch").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(getJson("/api/v1/jobs/" + id + "/checkpoints").get("checkpoints").size()).isGreaterThan(1);
        http.post().uri("/api/v1/jobs/" + id + "/cancel").exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aHugeLearningRateEndsTheJobAsFailedWithDiverged() {
        String id = submit(DIVERGING_JOB);

        JsonNode job = awaitFinal(id);

        assertThat(job.get("status").asString()).isEqualTo("FAILED");
        assertThat(job.get("stop").get("reason").asString()).isEqualTo("DIVERGED");
        assertThat(job.get("error").get("message").asString()).contains("diverged");
        assertThat(job.get("stop").get("epoch").asInt()).isLessThan(50);
        JsonNode rows = getJson("/api/v1/jobs/" + id + "/metrics").get("epochs");
        assertThat(rows.get(rows.size() - 1).get("trainLoss").isNull()).as("non-finite values are null").isTrue();
    }

    @Test
    void metricsAreAlsoServedAsCsv() {
        String id = submit(moonsJob(3, ""));
        awaitFinal(id);

        String csv = http.get().uri("/api/v1/jobs/" + id + "/metrics").accept(MediaType.parseMediaType("text/csv"))
                .exchange().expectStatus().isOk().expectHeader().contentTypeCompatibleWith("text/csv")
                .expectBody(String.class).returnResult().getResponseBody();

        String[] lines = csv.strip().split("\\R");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).startsWith("epoch,seconds,learningRate,trainLoss,trainDataLoss,penalty")
                .contains("layer1.weightNorm").contains("layer2.gradientNorm");
        assertThat(lines[1].split(",", -1)).hasSize(lines[0].split(",").length);
        assertThat(lines[3]).startsWith("3,");
    }

    @Test
    void aFinishedJobCanBeDeletedButARunningOneCannot() {
        String running = submit(moonsJob(100_000, ""));
        awaitStatus(running, "RUNNING", 1);
        String finished = submit(moonsJob(2, ""));
        awaitFinal(finished);

        http.delete().uri("/api/v1/jobs/" + running).exchange().expectStatus().isEqualTo(409);
        http.delete().uri("/api/v1/jobs/" + finished).exchange().expectStatus().isNoContent();
        http.get().uri("/api/v1/jobs/" + finished).exchange().expectStatus().isNotFound();
        http.post().uri("/api/v1/jobs/" + running + "/cancel").exchange().expectStatus().isAccepted();
        awaitFinal(running);
    }

    @Test
    void jobsAreListedNewestFirstAndPagedByCursor() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(submit(moonsJob(1, "\"name\": \"page-" + i + "\"")));
        }
        ids.forEach(this::awaitFinal);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = getJson("/api/v1/jobs?status=SUCCEEDED&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            page.get("jobs").forEach(j -> seen.add(j.get("id").asString()));
            assertThat(page.get("jobs").size()).isLessThanOrEqualTo(2);
            cursor = page.get("next").isNull() ? null : page.get("next").asString();
        } while (cursor != null);

        List<String> mine = seen.stream().filter(ids::contains).toList();
        assertThat(mine).containsExactly(ids.get(2), ids.get(1), ids.get(0));
        assertThat(seen).doesNotHaveDuplicates();
    }

    @Test
    void aJobCanWarmStartFromAnotherJobsBestCheckpoint() {
        String first = submit(moonsJob(10, ""));
        awaitFinal(first);
        JsonNode best = getJson("/api/v1/jobs/" + first + "/checkpoints/best");

        String second = submit(moonsJob(1, "\"initialWeights\": {\"job\": \"" + first + "\", \"checkpoint\": \"best\"}"));
        String cold = submit(moonsJob(1, ""));
        double warmLoss = getJson("/api/v1/jobs/" + awaitFinal(second).get("id").asString() + "/metrics")
                .get("epochs").get(0).get("trainDataLoss").asDouble();
        double coldLoss = getJson("/api/v1/jobs/" + awaitFinal(cold).get("id").asString() + "/metrics")
                .get("epochs").get(0).get("trainDataLoss").asDouble();

        assertThat(job(second).get("request").get("initialWeights").get("job").asString()).isEqualTo(first);
        assertThat(warmLoss).as("starting from trained weights").isLessThan(coldLoss);
        assertThat(best.get("epoch").asInt()).isBetween(1, 10);
    }

    @Test
    void monteCarloDropoutPredictionsCarryAStandardDeviationAndBadRowsAreNamed() {
        String id = submit(moonsJob(3, "\"regularization\": {\"dropout\": {\"hidden\": 0.5}}"));
        awaitFinal(id);

        JsonNode p = read(http.post().uri("/api/v1/jobs/" + id + "/predictions").contentType(MediaType.APPLICATION_JSON)
                .body("{\"inputs\": [[0.5, 0.5]], \"mcDropoutSamples\": 50}").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).get("predictions").get(0);
        assertThat(p.get("std")).hasSize(2);
        assertThat(p.get("std").get(0).asDouble()).isGreaterThan(0);

        http.post().uri("/api/v1/jobs/" + id + "/predictions").contentType(MediaType.APPLICATION_JSON)
                .body("{\"inputs\": [[0.5, 0.5], [1.0]]}").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("inputs[1]");
        for (String mc : new String[] {"0", "20"}) {
            http.post().uri("/api/v1/jobs/" + id + "/predictions").contentType(MediaType.APPLICATION_JSON)
                    .body("{\"inputs\": [[0.5, 0.5], [1e308, -1e308]], \"mcDropoutSamples\": " + mc + "}").exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("inputs[1]")
                    .jsonPath("$.errors[0].message").value(m -> assertThat(m.toString()).contains("not finite"));
        }
    }
}
