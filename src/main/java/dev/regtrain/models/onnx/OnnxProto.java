package dev.regtrain.models.onnx;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;

/**
 * The ONNX messages this exporter writes, in protobuf's wire format through protobuf-java's
 * {@link CodedOutputStream}, with the field numbers of the ONNX specification (onnx/onnx.proto). A nested message
 * is written as a length-delimited field holding its encoding, which is what protobuf does for embedded messages.
 */
final class OnnxProto {

    // TensorProto.DataType
    static final int FLOAT = 1;
    static final int INT64 = 7;
    static final int DOUBLE = 11;

    // AttributeProto.AttributeType
    private static final int ATTRIBUTE_FLOAT = 1;
    private static final int ATTRIBUTE_INT = 2;

    /** A node attribute: a float or an integer. */
    record Attribute(String name, int type, float floatValue, long intValue) {
        static Attribute ofFloat(String name, float value) {
            return new Attribute(name, ATTRIBUTE_FLOAT, value, 0);
        }

        static Attribute ofInt(String name, long value) {
            return new Attribute(name, ATTRIBUTE_INT, 0, value);
        }
    }

    /** One dimension of a value's shape: a size, or a name for a size only known at run time ({@code N}). */
    record Dimension(long size, String name) {
        static Dimension of(long size) {
            return new Dimension(size, null);
        }

        static Dimension named(String name) {
            return new Dimension(0, name);
        }
    }

    private OnnxProto() {
    }

    private interface Body {
        void write(CodedOutputStream out) throws IOException;
    }

    private static byte[] message(Body body) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            body.write(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** TensorProto: dims = 1, data_type = 2, name = 8, raw_data = 9 (little-endian values). */
    static byte[] tensor(String name, long[] dims, int dataType, byte[] littleEndian) {
        return message(out -> {
            for (long d : dims) {
                out.writeInt64(1, d);
            }
            out.writeInt32(2, dataType);
            out.writeString(8, name);
            out.writeByteArray(9, littleEndian);
        });
    }

    static byte[] littleEndian(double[] values, int dataType) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * (dataType == FLOAT ? 4 : 8))
                .order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            if (dataType == FLOAT) {
                buffer.putFloat((float) v);
            } else {
                buffer.putDouble(v);
            }
        }
        return buffer.array();
    }

    static byte[] littleEndian(long[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            buffer.putLong(v);
        }
        return buffer.array();
    }

    /** NodeProto: input = 1, output = 2, name = 3, op_type = 4, attribute = 5. */
    static byte[] node(String name, String opType, List<String> inputs, String output, List<Attribute> attributes) {
        return message(out -> {
            for (String input : inputs) {
                out.writeString(1, input);
            }
            out.writeString(2, output);
            out.writeString(3, name);
            out.writeString(4, opType);
            for (Attribute attribute : attributes) {
                out.writeByteArray(5, attribute(attribute));
            }
        });
    }

    /** AttributeProto: name = 1, f = 2, i = 3, type = 20. */
    private static byte[] attribute(Attribute attribute) {
        return message(out -> {
            out.writeString(1, attribute.name());
            if (attribute.type() == ATTRIBUTE_FLOAT) {
                out.writeFloat(2, attribute.floatValue());
            } else {
                out.writeInt64(3, attribute.intValue());
            }
            out.writeEnum(20, attribute.type());
        });
    }

    /**
     * ValueInfoProto (name = 1, type = 2) of a tensor: TypeProto.tensor_type = 1; TypeProto.Tensor elem_type = 1,
     * shape = 2; TensorShapeProto.dim = 1; Dimension dim_value = 1, dim_param = 2.
     */
    static byte[] valueInfo(String name, int elementType, List<Dimension> dims) {
        byte[] shape = message(out -> {
            for (Dimension d : dims) {
                out.writeByteArray(1, message(dim -> {
                    if (d.name() != null) {
                        dim.writeString(2, d.name());
                    } else {
                        dim.writeInt64(1, d.size());
                    }
                }));
            }
        });
        byte[] tensorType = message(out -> {
            out.writeInt32(1, elementType);
            out.writeByteArray(2, shape);
        });
        byte[] type = message(out -> out.writeByteArray(1, tensorType));
        return message(out -> {
            out.writeString(1, name);
            out.writeByteArray(2, type);
        });
    }

    /** GraphProto: node = 1, name = 2, initializer = 5, doc_string = 10, input = 11, output = 12. */
    static byte[] graph(String name, String doc, List<byte[]> nodes, List<byte[]> initializers, List<byte[]> inputs,
                        List<byte[]> outputs) {
        return message(out -> {
            for (byte[] node : nodes) {
                out.writeByteArray(1, node);
            }
            out.writeString(2, name);
            for (byte[] initializer : initializers) {
                out.writeByteArray(5, initializer);
            }
            out.writeString(10, doc);
            for (byte[] input : inputs) {
                out.writeByteArray(11, input);
            }
            for (byte[] output : outputs) {
                out.writeByteArray(12, output);
            }
        });
    }

    /**
     * ModelProto: ir_version = 1, producer_name = 2, producer_version = 3, doc_string = 6, graph = 7,
     * opset_import = 8 (OperatorSetIdProto domain = 1, version = 2; the empty domain is the default one),
     * metadata_props = 14 (StringStringEntryProto key = 1, value = 2).
     */
    static byte[] model(long irVersion, long opset, String producer, String producerVersion, String doc,
                        byte[] graph, Map<String, String> metadata) {
        return message(out -> {
            out.writeInt64(1, irVersion);
            out.writeString(2, producer);
            out.writeString(3, producerVersion);
            out.writeString(6, doc);
            out.writeByteArray(7, graph);
            out.writeByteArray(8, message(set -> {
                set.writeString(1, "");
                set.writeInt64(2, opset);
            }));
            for (Map.Entry<String, String> entry : metadata.entrySet()) {
                out.writeByteArray(14, message(e -> {
                    e.writeString(1, entry.getKey());
                    e.writeString(2, entry.getValue());
                }));
            }
        });
    }
}
