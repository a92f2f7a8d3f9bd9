package dev.regtrain.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

class DatasetEndpointsTests extends ServiceTest {

    /** A small three-class table with string labels, made in the test. */
    static String flowers(int perClass) {
        StringBuilder csv = new StringBuilder("petal_length,petal_width,species\n");
        java.util.Random random = new java.util.Random(5);
        String[] names = {"setosa", "versicolor", "virginica"};
        for (int i = 0; i < perClass; i++) {
            for (int c = 0; c < 3; c++) {
                csv.append(String.format(java.util.Locale.ROOT, "%.3f,%.3f,%s%n", 1.5 + 2 * c + random.nextGaussian() * 0.3,
                        0.3 + 0.8 * c + random.nextGaussian() * 0.1, names[c]));
            }
        }
        return csv.toString();
    }

    @Test
    void anUploadedCsvIsDescribedListedAndTrainedOn() {
        JsonNode dataset = upload("?name=flowers", flowers(30));

        assertThat(dataset.get("name").asString()).isEqualTo("flowers");
        assertThat(dataset.get("rows").asInt()).isEqualTo(90);
        assertThat(dataset.get("features").asInt()).isEqualTo(2);
        assertThat(dataset.get("task").asString()).isEqualTo("classification");
        assertThat(dataset.get("classes").toString()).isEqualTo("[\"setosa\",\"versicolor\",\"virginica\"]");
        String id = dataset.get("id").asString();
        assertThat(getJson("/api/v1/datasets/" + id).get("rows").asInt()).isEqualTo(90);
        assertThat(getJson("/api/v1/datasets").get("datasets").findValuesAsString("id")).contains(id);

        String job = submit("""
                {"seed": 1, "dataset": {"id": "%s"}, "network": {"hidden": [{"units": 8, "activation": "relu"}]},
                 "training": {"epochs": 30, "optimizer": "adam", "learningRate": 0.02}}""".formatted(id));
        JsonNode done = awaitFinal(job);
        assertThat(done.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(done.get("request").get("network").get("output").asString()).isEqualTo("softmax");
        JsonNode prediction = read(http.post().uri("/api/v1/jobs/" + job + "/predictions")
                .contentType(MediaType.APPLICATION_JSON).body("{\"inputs\": [[5.5, 1.9]]}").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(prediction.get("predictions").get(0).get("label").asString()).isEqualTo("virginica");
    }

    @Test
    void malformedCsvIsA400ThatNamesTheLine() {
        http.post().uri("/api/v1/datasets").contentType(CSV).body("a,b,label\n1,2,x\n3,oops,y\n4,5,x\n").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.line").isEqualTo(3)
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("line 3").contains("oops"));
    }

    @Test
    void aDatasetInUseCannotBeDeletedAndAnUnusedOneCan() {
        String id = upload("?name=busy", flowers(10)).get("id").asString();
        String job = submit("""
                {"seed": 1, "dataset": {"id": "%s"}, "training": {"epochs": 100000}}""".formatted(id));
        awaitStatus(job, "RUNNING", 1);

        http.delete().uri("/api/v1/datasets/" + id).exchange().expectStatus().isEqualTo(409);
        http.post().uri("/api/v1/jobs/" + job + "/cancel").exchange().expectStatus().isAccepted();
        awaitFinal(job);
        http.delete().uri("/api/v1/datasets/" + id).exchange().expectStatus().isNoContent();
        http.get().uri("/api/v1/datasets/" + id).exchange().expectStatus().isNotFound();
    }

    @Test
    void theBuiltinGeneratorsListTheirParametersDefaultsAndLimits() {
        JsonNode generators = getJson("/api/v1/datasets/builtin").get("generators");

        assertThat(generators.findValuesAsString("name")).contains("moons", "circles", "spirals", "xor", "blobs", "sine");
        JsonNode moons = null;
        for (JsonNode g : generators) {
            moons = g.get("name").asString().equals("moons") ? g : moons;
        }
        JsonNode samples = moons.get("parameters").get(0);
        assertThat(samples.get("name").asString()).isEqualTo("samples");
        assertThat(samples.has("default")).isTrue();
        assertThat(samples.get("max").asDouble()).isGreaterThan(samples.get("min").asDouble());
    }

    @Test
    void anUnknownDatasetInAJobIsAFieldError() {
        http.post().uri("/api/v1/jobs").contentType(MediaType.APPLICATION_JSON)
                .body("{\"dataset\": {\"id\": \"11111111-1111-1111-1111-111111111111\"}}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("dataset.id");
    }
}
