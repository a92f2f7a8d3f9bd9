package dev.regtrain.models.onnx;

import dev.regtrain.engine.Precision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regtrain.engine.Activation;
import dev.regtrain.engine.EngineContext;
import dev.regtrain.engine.Initialization;
import dev.regtrain.engine.LayerSpec;
import dev.regtrain.engine.NetworkSpec;
import dev.regtrain.engine.Output;
import dev.regtrain.engine.Predictor;
import dev.regtrain.models.document.ModelDocument;
import dev.regtrain.models.document.ModelDocuments;
import dev.regtrain.models.document.ModelLayer;
import dev.regtrain.models.document.Provenance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports hand-made model documents of every activation and output and runs them in ONNX Runtime: float64 exports
 * give the engine's predictions within 1e-9 and float32 ones within 1e-5, with the same labels; batch-normalised
 * layers (which the engine does not train yet) agree with the formula of API.md computed directly.
 */
class OnnxExportTests {

    static final double FLOAT64_TOLERANCE = 1e-9;
    static final double FLOAT32_TOLERANCE = 1e-5;
    static final int ROWS = 300;
    /** The largest difference seen per case, printed after the class for the record (docs/onnx.md). */
    static final Map<String, Double> LARGEST = new TreeMap<>();

    static Stream<Arguments> activationsAndOutputs() {
        List<Arguments> cases = new ArrayList<>();
        for (Activation activation : Activation.values()) {
            cases.add(Arguments.of(activation, Output.SIGMOID, 1));
            cases.add(Arguments.of(activation, Output.SOFTMAX, 4));
            cases.add(Arguments.of(activation, Output.LINEAR, 1));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} hidden layers, {1} output")
    @MethodSource("activationsAndOutputs")
    void everyActivationAndOutputGivesTheEnginesPredictions(Activation activation, Output output, int outputs) {
        String name = activation.name().toLowerCase(Locale.ROOT);
        ModelDocument document = HandMadeModels.document(activation.ordinal() * 10L + output.ordinal(), 3,
                new int[] {8, 5}, new String[] {name, name}, output.name().toLowerCase(Locale.ROOT), outputs);
        double[][] rows = HandMadeModels.rows(99, document, ROWS);
        double[][] engine = engine(document, rows);
        for (Precision precision : Precision.values()) {
            OnnxRunner.Outputs onnx = OnnxRunner.run(OnnxExport.write(document, precision), rows, precision);
            String key = name + "/" + output.name().toLowerCase(Locale.ROOT) + "/" + precision.apiName();
            assertAgrees(key, document, engine, onnx, precision);
        }
    }

    @ParameterizedTest(name = "batch-normalised {0} layers, {1} output")
    @MethodSource("activationsAndOutputs")
    void batchNormalisedLayersGiveTheFormulasValues(Activation activation, Output output, int outputs) {
        String name = activation.name().toLowerCase(Locale.ROOT);
        ModelDocument document = HandMadeModels.document(500 + activation.ordinal() * 10L + output.ordinal(), 4,
                new int[] {6, 5}, new String[] {name, name}, output.name().toLowerCase(Locale.ROOT), outputs, 1, 2);
        double[][] rows = HandMadeModels.rows(7, document, ROWS);
        double[][] formula = Stream.of(rows).map(row -> ReferenceForward.outputs(document, row))
                .toArray(double[][]::new);
        for (Precision precision : Precision.values()) {
            OnnxRunner.Outputs onnx = OnnxRunner.run(OnnxExport.write(document, precision), rows, precision);
            assertAgrees("batchNorm " + name + "/" + output.name().toLowerCase(Locale.ROOT) + "/"
                    + precision.apiName(), document, formula, onnx, precision);
        }
    }

    /**
     * One feature and one-unit layers make every constant a one-element tensor, which ONNX Runtime's optimiser
     * treats as a scalar (and would fold into a float32 attribute next to a MatMul).
     */
    @ParameterizedTest(name = "one feature, one-unit {0} layers, {1} output")
    @MethodSource("activationsAndOutputs")
    void oneFeatureModelsWithOneUnitLayersKeepFloat64Exact(Activation activation, Output output, int outputs) {
        String name = activation.name().toLowerCase(Locale.ROOT);
        for (int[] batchNorm : new int[][] {{}, {1, 2}}) {
            ModelDocument document = HandMadeModels.document(900 + activation.ordinal() * 10L + output.ordinal(), 1,
                    new int[] {1, 1}, new String[] {name, name}, output.name().toLowerCase(Locale.ROOT), outputs,
                    batchNorm);
            double[][] rows = HandMadeModels.rows(8, document, ROWS);
            double[][] formula = Stream.of(rows).map(row -> ReferenceForward.outputs(document, row))
                    .toArray(double[][]::new);
            for (Precision precision : Precision.values()) {
                OnnxRunner.Outputs onnx = OnnxRunner.run(OnnxExport.write(document, precision), rows, precision);
                assertAgrees("one feature" + (batchNorm.length > 0 ? " batchNorm " : " ") + name + "/"
                        + output.name().toLowerCase(Locale.ROOT) + "/" + precision.apiName(), document, formula, onnx,
                        precision);
            }
        }
    }

    @Test
    void theEngineAndTheIndependentFormulaAgreeOnTheHandMadeModels() {
        ModelDocument document = HandMadeModels.document(3, 3, new int[] {8, 5}, new String[] {"leaky_relu", "tanh"},
                "softmax", 3);
        double[][] rows = HandMadeModels.rows(4, document, 50);
        double[][] engine = engine(document, rows);
        for (int i = 0; i < rows.length; i++) {
            double[] formula = ReferenceForward.outputs(document, rows[i]);
            for (int k = 0; k < formula.length; k++) {
                assertThat(engine[i][k]).isCloseTo(formula[k], org.assertj.core.data.Offset.offset(1e-12));
            }
        }
    }

    @Test
    void aFloat64ExportWritesLeakyReluAndBatchNormalisationAsDoubleArithmetic() {
        ModelDocument document = HandMadeModels.document(1, 2, new int[] {4}, new String[] {"leaky_relu"}, "sigmoid",
                1, 1);
        byte[] float32 = OnnxExport.write(document, Precision.FLOAT32);
        byte[] float64 = OnnxExport.write(document, Precision.FLOAT64);
        assertThat(ProtoFields.opTypes(float32)).contains("LeakyRelu", "BatchNormalization");
        assertThat(ProtoFields.opTypes(float64)).doesNotContain("LeakyRelu", "BatchNormalization")
                .contains("Max", "Sqrt");
        for (byte[] model : List.of(float32, float64)) {
            assertThat(ProtoFields.irVersion(model)).isLessThanOrEqualTo(8);
            assertThat(ProtoFields.defaultOpset(model)).isBetween(13L, 17L);
            assertThat(ProtoFields.opTypes(model)).startsWith("Sub", "Div").doesNotContain("Dropout");
        }
    }

    @Test
    void theMetadataListsTheClassesAndTheProvenance() {
        ModelDocument document = HandMadeModels.document(2, 2, new int[] {3}, new String[] {"relu"}, "softmax", 3)
                .withProvenance(new Provenance(42L, JsonMapper.builder().build().readTree("{\"seed\": 42}"),
                        "ab".repeat(32), "1.2.3", "0123abcd", Instant.parse("2026-01-02T03:04:05.678Z")));
        byte[] model = OnnxExport.write(document, Precision.FLOAT32);
        OnnxRunner.Outputs onnx = OnnxRunner.run(model, HandMadeModels.rows(1, document, 2), Precision.FLOAT32);
        assertThat(onnx.metadata()).containsEntry("classes", "[\"class0\",\"class1\",\"class2\"]")
                .containsEntry("jobId", "hand-made").containsEntry("epoch", "7").containsEntry("seed", "42")
                .containsEntry("request", "{\"seed\":42}").containsEntry("datasetSha256", "ab".repeat(32))
                .containsEntry("serviceVersion", "1.2.3").containsEntry("serviceCommit", "0123abcd")
                .containsEntry("createdAt", "2026-01-02T03:04:05.678Z").containsEntry("precision", "float32")
                .containsEntry("task", "classification").containsEntry("format", "regtrain-model/1");
        assertThat(onnx.producer()).isEqualTo("regtrain");
        assertThat(ProtoFields.producerVersion(model)).isEqualTo("1.2.3");
    }

    @Test
    void aSigmoidOutputOfExactlyOneHalfIsTheSecondClassAsTheServiceSays() {
        ModelDocument random = HandMadeModels.document(5, 2, new int[] {3}, new String[] {"tanh"}, "sigmoid", 1);
        ModelLayer out = random.layers().get(1);
        ModelDocument document = new ModelDocument(random.format(), random.jobId(), random.epoch(), random.task(),
                random.inputs(), random.classes(), random.standardization(), List.of(random.layers().get(0),
                new ModelLayer(out.inputs(), out.units(), out.activation(), new double[3][1], new double[1])));
        for (Precision precision : Precision.values()) {
            OnnxRunner.Outputs onnx = OnnxRunner.run(OnnxExport.write(document, precision),
                    HandMadeModels.rows(2, document, 3), precision);
            assertThat(onnx.labels()).containsExactly(1, 1, 1);
            assertThat(onnx.probabilities()[0]).containsExactly(0.5, 0.5);
        }
    }

    @Test
    void aDocumentOfInconsistentShapesIsRefusedWithTheReason() {
        ModelDocument document = HandMadeModels.document(6, 2, new int[] {3}, new String[] {"relu"}, "softmax", 3);
        ModelLayer first = document.layers().get(0);
        ModelDocument shortBias = new ModelDocument(document.format(), null, 1, document.task(), 2,
                document.classes(), document.standardization(), List.of(new ModelLayer(2, 3, "relu", first.weights(),
                new double[2]), document.layers().get(1)));
        assertThatThrownBy(() -> OnnxExport.write(shortBias, Precision.FLOAT32))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("layer 1: bias needs 3 values");
        ModelDocument unknown = new ModelDocument(document.format(), null, 1, document.task(), 2, document.classes(),
                document.standardization(), List.of(new ModelLayer(2, 3, "swish", first.weights(), first.bias()),
                document.layers().get(1)));
        assertThatThrownBy(() -> OnnxExport.write(unknown, Precision.FLOAT64))
                .hasMessageContaining("unknown activation 'swish'");
    }

    @AfterAll
    static void printLargestDifferences() {
        LARGEST.forEach((key, value) -> System.out.printf(Locale.ROOT,
                "ONNX Runtime vs expected, max |Δ|: %-48s %.3e%n", key, value));
    }

    /** The service's computation: the document as an engine network, standardised rows, the engine's predictor. */
    static double[][] engine(ModelDocument document, double[][] rows) {
        List<LayerSpec> hidden = new ArrayList<>();
        List<ModelLayer> layers = document.layers();
        for (ModelLayer layer : layers.subList(0, layers.size() - 1)) {
            hidden.add(new LayerSpec(layer.units(), Activation.valueOf(layer.activation().toUpperCase(Locale.ROOT))));
        }
        ModelLayer last = layers.get(layers.size() - 1);
        NetworkSpec spec = new NetworkSpec(document.inputs(), hidden,
                Output.valueOf(last.activation().toUpperCase(Locale.ROOT)), last.units(), Initialization.HE);
        int n = document.inputs();
        double[] features = new double[rows.length * n];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < n; j++) {
                features[i * n + j] = (rows[i][j] - document.standardization().mean()[j])
                        / document.standardization().std()[j];
            }
        }
        double[] out = Predictor.predict(ModelDocuments.toNetwork(document, spec), features, rows.length,
                EngineContext.DEFAULT.kernel());
        double[][] result = new double[rows.length][last.units()];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(out, i * last.units(), result[i], 0, last.units());
        }
        return result;
    }

    /**
     * ONNX Runtime's outputs against the expected output activations: probabilities [1 − p, p] and label p ≥ 0.5
     * for a sigmoid, the probabilities and the first largest one's index for a softmax, the value for a linear
     * output.
     */
    static void assertAgrees(String key, ModelDocument document, double[][] expected, OnnxRunner.Outputs onnx,
                             Precision precision) {
        double tolerance = precision == Precision.FLOAT64 ? FLOAT64_TOLERANCE : FLOAT32_TOLERANCE;
        String output = document.layers().get(document.layers().size() - 1).activation();
        double largest = 0;
        for (int i = 0; i < expected.length; i++) {
            double[] want = output.equals("sigmoid") ? new double[] {1 - expected[i][0], expected[i][0]} : expected[i];
            double[] got = output.equals("linear") ? onnx.values()[i] : onnx.probabilities()[i];
            assertThat(got).hasSameSizeAs(want);
            for (int k = 0; k < want.length; k++) {
                largest = Math.max(largest, Math.abs(got[k] - want[k]));
            }
            if (!output.equals("linear")) {
                assertThat(onnx.labels()[i]).as("label of row %d", i).isEqualTo(label(output, expected[i]));
            }
        }
        LARGEST.merge(key, largest, Math::max);
        assertThat(largest).as("%s: largest difference", key).isLessThanOrEqualTo(tolerance);
    }

    static long label(String output, double[] activations) {
        if (output.equals("sigmoid")) {
            return activations[0] >= 0.5 ? 1 : 0;
        }
        int best = 0;
        for (int k = 1; k < activations.length; k++) {
            best = activations[k] > activations[best] ? k : best;
        }
        return best;
    }
}
