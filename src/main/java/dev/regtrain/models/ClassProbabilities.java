package dev.regtrain.models;

/**
 * A model's class probabilities for a set of rows.
 *
 * @param epoch the epoch of the checkpoint that predicted them
 * @param classes the number of classes, k
 * @param values rows × k probabilities, row-major: {@code values[i·k + c]} is P(class c | row i)
 */
public record ClassProbabilities(int epoch, int classes, double[] values) {

    public ClassProbabilities {
        if (classes < 2 || values.length % classes != 0) {
            throw new IllegalArgumentException(values.length + " values do not make rows of " + classes + " classes");
        }
    }

    public int rows() {
        return values.length / classes;
    }
}
