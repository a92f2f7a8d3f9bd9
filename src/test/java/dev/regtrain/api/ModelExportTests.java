package dev.regtrain.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regtrain.common.Sha256;
import dev.regtrain.data.BuiltinDatasets;
import dev.regtrain.data.DatasetCodec;
import dev.regtrain.models.onnx.OnnxRunner;
import dev.regtrain.engine.Precision;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import tools.jackson.databind.JsonNode;

/**
 * Trained networks leave the server: the ONNX exports of real jobs, run in ONNX Runtime on raw rows, give the
 * service's own predictions (float64 within 1e-9, float32 within 1e-5, labels equal); models carry their provenance;
 * downloads are checkable (the checkpoint list's sha256 and sizeBytes, ETag and 304).
 */
class ModelExportTests extends ServiceTest {

    static final Map<String, Double> LARGEST = new TreeMap<>();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "binary, relu and tanh, with dropout | {\"builtin\": \"moons\", \"samples\": 300, \"noise\": 0.2} | "
                + "[{\"units\": 16, \"activation\": \"relu\"}, {\"units\": 8, \"activation\": \"tanh\"}] | auto | "
                + "\"dropout\": {\"hidden\": 0.2}",
        "binary with a softmax output, sigmoid | {\"builtin\": \"circles\", \"samples\": 300} | "
                + "[{\"units\": 12, \"activation\": \"sigmoid\"}] | softmax | \"penalty\": {\"l2\": 0.01}",
        "multi-class, leaky_relu and linear | {\"builtin\": \"blobs\", \"samples\": 300, \"classes\": 4, "
                + "\"features\": 3} | [{\"units\": 12, \"activation\": \"leaky_relu\"}, {\"units\": 6, "
                + "\"activation\": \"linear\"}] | auto | \"penalty\": {\"l1\": 0.001}",
        "regression, tanh and leaky_relu | {\"builtin\": \"sine\", \"samples\": 300} | "
                + "[{\"units\": 16, \"activation\": \"tanh\"}, {\"units\": 8, "
                + "\"activation\": \"leaky_relu\"}] | auto | "
                + "\"penalty\": {\"l2\": 0.01}",
        "regression, relu and sigmoid | {\"builtin\": \"sine\", \"samples\": 300, \"noise\": 0.3} | "
                + "[{\"units\": 10, \"activation\": \"relu\"}, {\"units\": 10, \"activation\": \"sigmoid\"}] | auto | "
                + "\"dropout\": {\"input\": 0.1}"})
    void onnxExportsOfTrainedNetworksGiveTheServicesPredictions(String name, String dataset, String hidden,
                                                                 String output, String regularization) {
        String id = submit("""
                {"seed": 5, "dataset": %s, "network": {"hidden": %s, "output": "%s"},
                 "training": {"epochs": 15, "batchSize": 32, "optimizer": "adam", "learningRate": 0.02},
                 "regularization": {%s}}
                """.formatted(dataset, hidden, output, regularization));
        assertThat(awaitFinal(id).get("status").asString()).isEqualTo("SUCCEEDED");
        JsonNode document = getJson("/api/v1/jobs/" + id + "/model");
        double[][] rows = rows(document, 200);
        JsonNode predictions = predict(id, rows, null);
        for (Precision precision : Precision.values()) {
            byte[] onnx = bytes("/api/v1/jobs/" + id + "/model?format=onnx"
                    + (precision == Precision.FLOAT64 ? "&precision=float64" : ""));
            OnnxRunner.Outputs outputs = OnnxRunner.run(onnx, rows, precision);
            assertAgrees(name + " / " + precision.apiName(), predictions, outputs, precision);
            assertThat(read(outputs.metadata().get("request"))).isEqualTo(job(id).get("request"));
            assertThat(outputs.metadata()).containsEntry("jobId", id)
                    .containsEntry("epoch", document.get("epoch").asString())
                    .containsEntry("datasetSha256", document.get("provenance").get("datasetSha256").asString());
        }
    }

    @Test
    void aCheckpointIsExportedAsTheCheckpointPredicts() {
        String id = submit(moonsJob(12, "\"checkpoints\": {\"everyEpochs\": 5, \"keepLast\": 3}"));
        awaitFinal(id);
        JsonNode document = getJson("/api/v1/jobs/" + id + "/checkpoints/5");
        double[][] rows = rows(document, 100);
        OnnxRunner.Outputs outputs = OnnxRunner.run(bytes("/api/v1/jobs/" + id + "/checkpoints/5?format=onnx&"
                + "precision=float64"), rows, Precision.FLOAT64);
        assertAgrees("checkpoint 5 / float64", predict(id, rows, "5"), outputs, Precision.FLOAT64);
        assertThat(outputs.metadata()).containsEntry("epoch", "5");
        assertThat(read(outputs.metadata().get("classes"))).isEqualTo(document.get("classes"));
    }

    @Test
    void aModelTrainedInFloat32SaysSoInItsDocumentPredictionsAndOnnxMetadata() {
        String[] ids = new String[2];
        for (Precision precision : Precision.values()) {
            String id = submit("""
                    {"seed": 9, "dataset": {"builtin": "moons", "samples": 200, "noise": 0.2},
                     "network": {"hidden": [{"units": 16, "activation": "relu"}]},
                     "training": {"epochs": 6, "batchSize": 32, "optimizer": "adam", "learningRate": 0.01,
                                  "precision": "%s"}}
                    """.formatted(precision.apiName()));
            assertThat(awaitFinal(id).get("status").asString()).isEqualTo("SUCCEEDED");
            ids[precision.ordinal()] = id;
            JsonNode document = getJson("/api/v1/jobs/" + id + "/model");
            assertThat(document.get("precision").asString()).isEqualTo(precision.apiName());
            assertThat(document.get("provenance").get("request").get("training").get("precision").asString())
                    .isEqualTo(precision.apiName());
            double[][] rows = rows(document, 20);
            JsonNode answer = read(http.post().uri("/api/v1/jobs/" + id + "/predictions")
                    .contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(Map.of("inputs", rows)))
                    .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
            assertThat(answer.get("precision").asString()).isEqualTo(precision.apiName());
            OnnxRunner.Outputs outputs = OnnxRunner.run(bytes("/api/v1/jobs/" + id + "/model?format=onnx"), rows,
                    Precision.FLOAT32);
            assertThat(outputs.metadata()).containsEntry("trainingPrecision", precision.apiName())
                    .containsEntry("precision", "float32");
            assertAgrees("trained in " + precision.apiName() + " / float32", answer.get("predictions"), outputs,
                    Precision.FLOAT32);
        }
        // a float32 model's weights are floats: each value of its document survives a round trip through float
        JsonNode float32 = getJson("/api/v1/jobs/" + ids[Precision.FLOAT32.ordinal()] + "/model");
        int values = 0;
        for (JsonNode layer : float32.get("layers")) {
            for (JsonNode row : layer.get("weights")) {
                for (JsonNode w : row) {
                    assertThat((double) (float) w.asDouble()).isEqualTo(w.asDouble());
                    values++;
                }
            }
        }
        assertThat(values).as("the weights of both layers").isGreaterThan(2 * 16);
    }

    @Test
    void everyModelDocumentCarriesItsProvenance() {
        String id = submit(moonsJob(3, ""));
        JsonNode job = awaitFinal(id);
        JsonNode provenance = getJson("/api/v1/jobs/" + id + "/model").get("provenance");
        assertThat(provenance.get("seed").asLong()).isEqualTo(42);
        assertThat(provenance.get("request")).isEqualTo(job.get("request"));
        assertThat(provenance.get("request").get("validationSplit").asDouble()).isEqualTo(0.2); // a default
        assertThat(provenance.get("serviceVersion").asString()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(provenance.get("serviceCommit").asString()).matches("[0-9a-f]{40}");
        JsonNode checkpoints = getJson("/api/v1/jobs/" + id + "/checkpoints").get("checkpoints");
        JsonNode last = checkpoints.get(checkpoints.size() - 1);
        assertThat(provenance.get("createdAt").asString()).isEqualTo(last.get("createdAt").asString());
        byte[] generated = DatasetCodec.encode(BuiltinDatasets.generate("moons",
                Map.of("samples", 200.0, "noise", 0.2), 42));
        assertThat(provenance.get("datasetSha256").asString()).isEqualTo(Sha256.hex(generated));
    }

    @Test
    void theDatasetDigestOfAnUploadIsTheSha256OfItsStoredBytes() throws IOException {
        StringBuilder csv = new StringBuilder("x1,x2,y\n");
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 60; i++) {
            double a = random.nextDouble(-1, 1);
            double b = random.nextDouble(-1, 1);
            csv.append(String.format(Locale.ROOT, "%.4f,%.4f,%s%n", a, b, a + b > 0 ? "up" : "down"));
        }
        String dataset = upload("?name=digest&label=y", csv.toString()).get("id").asString();
        String id = submit("{\"seed\": 1, \"dataset\": {\"id\": \"" + dataset + "\"}, \"training\": {\"epochs\": 2}}");
        awaitFinal(id);
        byte[] stored = Files.readAllBytes(DATA_DIR.resolve("datasets").resolve(dataset).resolve("dataset.bin"));
        assertThat(getJson("/api/v1/jobs/" + id + "/model").get("provenance").get("datasetSha256").asString())
                .isEqualTo(Sha256.hex(stored));
    }

    @Test
    void theCheckpointListDescribesTheDocumentsItsRefsServe() {
        String id = submit(moonsJob(12, """
                "checkpoints": {"everyEpochs": 4, "keepLast": 2},
                "regularization": {"earlyStopping": {"patience": 50, "restoreBestWeights": true}}"""));
        awaitFinal(id);
        JsonNode checkpoints = getJson("/api/v1/jobs/" + id + "/checkpoints").get("checkpoints");
        assertThat(checkpoints.size()).isGreaterThanOrEqualTo(3);
        for (JsonNode checkpoint : checkpoints) {
            EntityExchangeResult<byte[]> download = http.get().uri("/api/v1/jobs/" + id + "/checkpoints/"
                    + checkpoint.get("ref").asString()).exchange().expectStatus().isOk()
                    .expectBody(byte[].class).returnResult();
            byte[] body = download.getResponseBody();
            assertThat(checkpoint.get("sizeBytes").asLong()).isEqualTo(body.length);
            assertThat(checkpoint.get("sha256").asString()).isEqualTo(Sha256.hex(body));
            assertThat(download.getResponseHeaders().getETag()).isEqualTo("\"" + Sha256.hex(body) + "\"");
            assertThat(read(new String(body, java.nio.charset.StandardCharsets.UTF_8)).get("epoch").asInt())
                    .isEqualTo(checkpoint.get("epoch").asInt());
        }
    }

    @Test
    void aCheckpointThatNoLongerReadsBackIsLeftOutOfTheList() throws IOException {
        String id = submit(moonsJob(6, "\"checkpoints\": {\"everyEpochs\": 2, \"keepLast\": 5}"));
        awaitFinal(id);
        java.nio.file.Path file = DATA_DIR.resolve("jobs").resolve(id).resolve("checkpoints")
                .resolve("periodic-00000004.ckpt");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(file, bytes);
        java.util.List<String> refs = new java.util.ArrayList<>();
        getJson("/api/v1/jobs/" + id + "/checkpoints").get("checkpoints").forEach(c -> refs.add(c.get("ref").asString()));
        assertThat(refs).contains("2", "6").doesNotContain("4");
        http.get().uri("/api/v1/jobs/" + id + "/checkpoints/4").exchange().expectStatus().isNotFound();
    }

    @Test
    void downloadsCarryAnETagAndIfNoneMatchIsAnsweredWithNotModified() {
        String id = submit(moonsJob(3, ""));
        awaitFinal(id);
        String base = "/api/v1/jobs/" + id;
        java.util.Set<String> tags = new java.util.HashSet<>();
        for (String path : new String[] {base + "/model", base + "/model?format=onnx",
                base + "/model?format=onnx&precision=float64", base + "/checkpoints/3?format=onnx"}) {
            EntityExchangeResult<byte[]> first = http.get().uri(path).exchange().expectStatus().isOk()
                    .expectBody(byte[].class).returnResult();
            String etag = first.getResponseHeaders().getETag();
            assertThat(etag).as(path).isEqualTo("\"" + Sha256.hex(first.getResponseBody()) + "\"");
            tags.add(etag);
            http.get().uri(path).header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                    .expectStatus().isEqualTo(HttpStatus.NOT_MODIFIED).expectBody().isEmpty();
            http.get().uri(path).header(HttpHeaders.IF_NONE_MATCH, "\"" + "0".repeat(64) + "\"").exchange()
                    .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, etag);
        }
        assertThat(tags).hasSize(3); // the model is the final checkpoint, epoch 3: the same bytes, the same tag
        http.get().uri(base + "/model?format=onnx").exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .expectHeader().valueEquals(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"regtrain-" + id + "-model-float32.onnx\"");
    }

    @Test
    void anUnknownFormatOrPrecisionIsABadRequestNamingTheParameter() {
        String id = submit(moonsJob(2, ""));
        awaitFinal(id);
        String base = "/api/v1/jobs/" + id;
        assertBadParameter(base + "/model?format=pmml", "format", "must be one of json, onnx; got 'pmml'");
        assertBadParameter(base + "/checkpoints/best?format=ONNX", "format", "must be one of json, onnx; got 'ONNX'");
        assertBadParameter(base + "/model?format=onnx&precision=float16", "precision",
                "must be one of float64, float32; got 'float16'");
        assertBadParameter(base + "/model?precision=float64", "precision", "applies only to format=onnx");
    }

    @Test
    void aJobWithNothingToExportIsAConflict() {
        String id = submit(DIVERGING_JOB);
        assertThat(awaitFinal(id).get("status").asString()).isEqualTo("FAILED");
        for (String query : new String[] {"", "?format=onnx", "?format=onnx&precision=float64"}) {
            http.get().uri("/api/v1/jobs/" + id + "/model" + query).exchange()
                    .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        http.get().uri("/api/v1/jobs/" + id + "/checkpoints/7?format=onnx").exchange()
                .expectStatus().isNotFound();
    }

    @AfterAll
    static void printLargestDifferences() {
        LARGEST.forEach((key, value) -> System.out.printf(Locale.ROOT,
                "ONNX Runtime vs the service's predictions, max |Δ|: %-52s %.3e%n", key, value));
    }

    private void assertBadParameter(String path, String field, String message) {
        JsonNode problem = read(http.get().uri(path).exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(problem.get("errors").get(0).get("message").asString()).isEqualTo(message);
    }

    private byte[] bytes(String path) {
        return http.get().uri(path).exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .expectBody(byte[].class).returnResult().getResponseBody();
    }

    private JsonNode predict(String id, double[][] rows, String checkpoint) {
        String body = JSON.writeValueAsString(checkpoint == null ? Map.of("inputs", rows)
                : Map.of("inputs", rows, "checkpoint", checkpoint));
        return read(http.post().uri("/api/v1/jobs/" + id + "/predictions").contentType(MediaType.APPLICATION_JSON)
                .body(body).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody()).get("predictions");
    }

    /** Raw rows spread over the training data's range: mean ± 2.5 standard deviations per feature. */
    private static double[][] rows(JsonNode document, int count) {
        JsonNode mean = document.get("standardization").get("mean");
        JsonNode std = document.get("standardization").get("std");
        SplittableRandom random = new SplittableRandom(17);
        double[][] rows = new double[count][mean.size()];
        for (double[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                row[j] = mean.get(j).asDouble() + random.nextDouble(-2.5, 2.5) * std.get(j).asDouble();
            }
        }
        return rows;
    }

    private static void assertAgrees(String key, JsonNode predictions, OnnxRunner.Outputs outputs,
                                     Precision precision) {
        double tolerance = precision == Precision.FLOAT64 ? 1e-9 : 1e-5;
        double largest = 0;
        JsonNode classes = outputs.metadata().containsKey("classes") ? read(outputs.metadata().get("classes")) : null;
        for (int i = 0; i < predictions.size(); i++) {
            JsonNode p = predictions.get(i);
            if (p.has("value")) {
                largest = Math.max(largest, Math.abs(outputs.values()[i][0] - p.get("value").asDouble()));
                continue;
            }
            for (int k = 0; k < p.get("probabilities").size(); k++) {
                largest = Math.max(largest, Math.abs(outputs.probabilities()[i][k]
                        - p.get("probabilities").get(k).asDouble()));
            }
            assertThat(classes.get((int) outputs.labels()[i]).asString()).as("%s: label of row %d", key, i)
                    .isEqualTo(p.get("label").asString());
        }
        LARGEST.merge(key, largest, Math::max);
        assertThat(largest).as("%s: largest difference", key).isLessThanOrEqualTo(tolerance);
    }
}
