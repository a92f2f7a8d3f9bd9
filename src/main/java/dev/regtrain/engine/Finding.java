package dev.regtrain.engine;

/**
 * A gradient diagnostic found in a run's metrics (MATH.md): what, in which weight layer, from which epoch, and a
 * sentence with the numbers and the lecture's remedies.
 */
public record Finding(Kind kind, int layer, int fromEpoch, String detail) {

    public enum Kind { VANISHING_GRADIENTS, EXPLODING_GRADIENTS, DEAD_UNITS, SATURATION }
}
