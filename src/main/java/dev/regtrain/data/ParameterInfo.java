package dev.regtrain.data;

/**
 * One parameter of a built-in generator: its default and its inclusive range; an {@code integer} parameter takes
 * whole numbers only.
 */
public record ParameterInfo(String name, String description, double defaultValue, double min, double max,
        boolean integer) {

    public ParameterInfo {
        if (name == null || name.isBlank() || description == null || description.isBlank()) {
            throw new IllegalArgumentException("a parameter needs a name and a description");
        }
        if (!(min <= defaultValue && defaultValue <= max) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException(name + ": the default must lie in a finite range");
        }
        if (integer && (min != Math.rint(min) || max != Math.rint(max) || defaultValue != Math.rint(defaultValue))) {
            throw new IllegalArgumentException(name + ": an integer parameter needs whole bounds and default");
        }
    }

    /** The allowed values in words, for error messages: "a whole number from 2 to 100000". */
    String range() {
        return (integer ? "a whole number from " : "a number from ") + Texts.number(min) + " to " + Texts.number(max);
    }
}
