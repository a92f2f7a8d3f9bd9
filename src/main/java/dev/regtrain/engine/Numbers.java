package dev.regtrain.engine;

import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers in sentences: six significant digits, no exponent for ordinary magnitudes, no trailing zeros. */
public final class Numbers {

    private Numbers() {
    }

    public static String format(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros();
        double magnitude = Math.abs(value);
        return magnitude >= 1e-4 && magnitude < 1e9 ? rounded.toPlainString() : rounded.toString();
    }
}
