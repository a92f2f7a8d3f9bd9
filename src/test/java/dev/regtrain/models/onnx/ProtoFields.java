package dev.regtrain.models.onnx;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import java.util.List;

/**
 * Reads an exported model back with protobuf-java's schema-less parser, by the field numbers of onnx.proto: a check
 * of what the exporter wrote that does not share its code.
 */
final class ProtoFields {

    private ProtoFields() {
    }

    static UnknownFieldSet parse(byte[] bytes) {
        try {
            return UnknownFieldSet.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("not a protobuf message", e);
        }
    }

    static UnknownFieldSet parse(ByteString bytes) {
        return parse(bytes.toByteArray());
    }

    /** ModelProto.ir_version (1). */
    static long irVersion(byte[] model) {
        return parse(model).getField(1).getVarintList().get(0);
    }

    /** ModelProto.producer_version (3). */
    static String producerVersion(byte[] model) {
        return parse(model).getField(3).getLengthDelimitedList().get(0).toStringUtf8();
    }

    /** The default domain's version in ModelProto.opset_import (8): OperatorSetIdProto domain 1, version 2. */
    static long defaultOpset(byte[] model) {
        for (ByteString set : parse(model).getField(8).getLengthDelimitedList()) {
            UnknownFieldSet fields = parse(set);
            List<ByteString> domain = fields.getField(1).getLengthDelimitedList();
            if (domain.isEmpty() || domain.get(0).isEmpty()) {
                return fields.getField(2).getVarintList().get(0);
            }
        }
        throw new AssertionError("no default-domain opset");
    }

    /** The op_type (4) of every node (GraphProto.node, 1) of the graph (ModelProto.graph, 7). */
    static List<String> opTypes(byte[] model) {
        UnknownFieldSet graph = parse(parse(model).getField(7).getLengthDelimitedList().get(0));
        return graph.getField(1).getLengthDelimitedList().stream()
                .map(node -> parse(node).getField(4).getLengthDelimitedList().get(0).toStringUtf8()).toList();
    }
}
