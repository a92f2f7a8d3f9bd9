package dev.regtrain.models;

import dev.regtrain.common.InvalidRequestException;
import dev.regtrain.engine.Precision;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a model or checkpoint is downloaded: regtrain's JSON model document, or ONNX. */
public enum ExportFormat {
    JSON,
    ONNX;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The query parameters {@code format} (default json) and {@code precision} (ONNX only, default float32). */
    public record Choice(ExportFormat format, Precision precision) {

        public static Choice parse(String format, String precision) {
            ExportFormat f = format == null ? JSON : Arrays.stream(values()).filter(v -> v.apiName().equals(format))
                    .findFirst().orElseThrow(() -> new InvalidRequestException("format", "must be one of "
                            + names(ExportFormat.values()) + "; got '" + format + "'"));
            if (precision == null) {
                return new Choice(f, f == ONNX ? Precision.FLOAT32 : null);
            }
            Precision p = Precision.parse(precision).orElseThrow(() -> new InvalidRequestException("precision",
                    "must be one of " + names(Precision.values()) + "; got '" + precision + "'"));
            if (f != ONNX) {
                throw new InvalidRequestException("precision", "applies only to format=onnx");
            }
            return new Choice(f, p);
        }

        /** The precision's API name ({@code float32}, {@code float64}), or null for a JSON document. */
        public String precisionName() {
            return precision == null ? null : precision.apiName();
        }

        private static String names(Enum<?>[] values) {
            return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        }
    }
}
