package dev.regtrain.models.onnx;

import dev.regtrain.engine.Precision;

import dev.regtrain.models.onnx.OnnxProto.Attribute;
import dev.regtrain.models.onnx.OnnxProto.Dimension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds one ONNX graph in a chosen precision: constants (initializers), nodes in execution order, and the graph's
 * inputs and outputs. Every node and value has a readable name ({@code layer2.z}), so that a viewer such as Netron
 * shows the network as the model document describes it.
 */
final class OnnxGraph {

    /** ONNX IR version 7 and default-domain opset 13 (ONNX 1.8): every operator used here exists there. */
    static final long IR_VERSION = 7;
    static final long OPSET = 13;

    private final Precision precision;
    private final int elementType;
    private final List<byte[]> nodes = new ArrayList<>();
    private final List<byte[]> initializers = new ArrayList<>();
    private final List<byte[]> inputs = new ArrayList<>();
    private final List<byte[]> outputs = new ArrayList<>();

    OnnxGraph(Precision precision) {
        this.precision = precision;
        this.elementType = precision == Precision.FLOAT64 ? OnnxProto.DOUBLE : OnnxProto.FLOAT;
    }

    Precision precision() {
        return precision;
    }

    /** A constant of the graph's precision; returns its name. */
    String constant(String name, double[] values, long... dims) {
        initializers.add(OnnxProto.tensor(name, dims, elementType,
                OnnxProto.littleEndian(values, elementType)));
        return name;
    }

    /** A scalar constant of the graph's precision. */
    String scalar(String name, double value) {
        return constant(name, new double[] {value});
    }

    String int64Constant(String name, long[] values, long... dims) {
        initializers.add(OnnxProto.tensor(name, dims, OnnxProto.INT64, OnnxProto.littleEndian(values)));
        return name;
    }

    /** A node computing {@code output} from {@code inputs}; returns {@code output}. */
    String node(String opType, String output, List<Attribute> attributes, String... inputs) {
        nodes.add(OnnxProto.node(output, opType, List.of(inputs), output, attributes));
        return output;
    }

    String node(String opType, String output, String... inputs) {
        return node(opType, output, List.of(), inputs);
    }

    /** A graph input of the graph's precision with a run-time row count {@code N} and {@code columns} columns. */
    void input(String name, long columns) {
        inputs.add(OnnxProto.valueInfo(name, elementType,
                List.of(Dimension.named("N"), Dimension.of(columns))));
    }

    /** A graph output of the graph's precision, [N, columns]. */
    void output(String name, long columns) {
        outputs.add(OnnxProto.valueInfo(name, elementType,
                List.of(Dimension.named("N"), Dimension.of(columns))));
    }

    /** A graph output of int64 values, [N]. */
    void int64Output(String name) {
        outputs.add(OnnxProto.valueInfo(name, OnnxProto.INT64, List.of(Dimension.named("N"))));
    }

    byte[] model(String graphName, String doc, String producerVersion, Map<String, String> metadata) {
        byte[] graph = OnnxProto.graph(graphName, doc, nodes, initializers, inputs, outputs);
        return OnnxProto.model(IR_VERSION, OPSET, "regtrain", producerVersion, doc, graph, metadata);
    }
}
