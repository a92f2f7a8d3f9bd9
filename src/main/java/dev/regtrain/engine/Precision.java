package dev.regtrain.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The floating-point format a model is trained in, and that an export writes: IEEE double precision (the engine's
 * default, and the arithmetic of predictions, evaluations and gradient checks) or single precision (what most other
 * trainers and runtimes use: twice the values per vector, half the memory).
 */
public enum Precision {
    FLOAT64,
    FLOAT32;

    /** The name the API uses ({@code float64}, {@code float32}). */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Precision> parse(String apiName) {
        return Arrays.stream(values()).filter(p -> p.apiName().equals(apiName)).findFirst();
    }
}
