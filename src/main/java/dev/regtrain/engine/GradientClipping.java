package dev.regtrain.engine;

/**
 * Gradient clipping before each optimizer step (MATH.md), on g = the data gradient plus the coupled penalty terms:
 * with {@code value} v each component is clamped to [−v, v]; then with {@code norm} c the whole gradient, over every
 * trainable value of every layer, becomes g·min(1, c/‖g‖₂). Clamping first means both bounds hold afterwards.
 *
 * @param norm c, or null for none
 * @param value v, or null for none
 */
public record GradientClipping(Double norm, Double value) {

    public static final GradientClipping NONE = new GradientClipping(null, null);

    public GradientClipping {
        for (Double bound : new Double[] {norm, value}) {
            if (bound != null && !(bound > 0 && bound < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("a clipping bound is positive and finite");
            }
        }
    }

    public boolean isNone() {
        return norm == null && value == null;
    }
}
