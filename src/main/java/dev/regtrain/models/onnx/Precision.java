package dev.regtrain.models.onnx;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The element type of an exported model's features, weights and outputs. */
public enum Precision {
    /** IEEE single precision, ONNX's {@code FLOAT}: the default, what most runtimes and accelerators run. */
    FLOAT32(OnnxProto.FLOAT),
    /** IEEE double precision, ONNX's {@code DOUBLE}: the service's own arithmetic. */
    FLOAT64(OnnxProto.DOUBLE);

    final int elementType;

    Precision(int elementType) {
        this.elementType = elementType;
    }

    /** The name the API uses ({@code float32}, {@code float64}). */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Precision> parse(String apiName) {
        return Arrays.stream(values()).filter(p -> p.apiName().equals(apiName)).findFirst();
    }
}
