package dev.regtrain.models.onnx;

import dev.regtrain.engine.Precision;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ONNX models exported by an earlier version (src/test/resources/fixtures/README.md, "onnx") still load in ONNX
 * Runtime and give what the service predicted for the same raw rows when they were exported: a runtime upgrade or a
 * change of this test's expectations that breaks them breaks the models clients already hold.
 */
class OnnxFixtureTests {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures/onnx");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"iris, FLOAT32", "iris, FLOAT64", "moons, FLOAT32", "moons, FLOAT64", "sine, FLOAT32",
            "sine, FLOAT64"})
    void anExportedModelStillLoadsAndPredictsWhatTheServicePredicted(String name, Precision precision)
            throws IOException {
        JsonNode expected = JSON.readTree(Files.readString(FIXTURES.resolve(name + "-expected.json")));
        double[][] rows = JSON.treeToValue(expected.get("inputs"), double[][].class);
        byte[] model = Files.readAllBytes(FIXTURES.resolve(name + "-" + precision.apiName() + ".onnx"));

        OnnxRunner.Outputs outputs = OnnxRunner.run(model, rows, precision);

        double tolerance = precision == Precision.FLOAT64 ? 1e-9 : 1e-5;
        JsonNode predictions = expected.get("predictions");
        assertThat(outputs.metadata()).containsEntry("jobId", expected.get("jobId").asString())
                .containsEntry("precision", precision.apiName()).containsKeys("request", "seed", "datasetSha256",
                        "serviceVersion", "serviceCommit", "createdAt", "epoch");
        for (int i = 0; i < rows.length; i++) {
            JsonNode prediction = predictions.get(i);
            if (prediction.has("value")) {
                assertThat(outputs.values()[i][0]).as("row %d", i)
                        .isCloseTo(prediction.get("value").asDouble(), org.assertj.core.data.Offset.offset(tolerance));
                continue;
            }
            JsonNode classes = JSON.readTree(outputs.metadata().get("classes"));
            assertThat(classes.get((int) outputs.labels()[i]).asString()).as("label of row %d", i)
                    .isEqualTo(prediction.get("label").asString());
            for (int k = 0; k < classes.size(); k++) {
                assertThat(outputs.probabilities()[i][k]).as("row %d, class %d", i, k).isCloseTo(
                        prediction.get("probabilities").get(k).asDouble(), org.assertj.core.data.Offset.offset(tolerance));
            }
        }
    }
}
