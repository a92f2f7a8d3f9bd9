package dev.regtrain.engine;

import java.util.List;

/**
 * Class weights w_c (MATH.md): each example's data loss is multiplied by the weight of its class and the data term
 * of J becomes (1/Σᵢw_{yᵢ})·Σᵢ w_{yᵢ}·ℓᵢ. {@code balanced} sets w_c = m/(K·m_c) from the training split's counts;
 * otherwise one weight per class index (for a sigmoid output: class 0, then class 1).
 *
 * @param weights one weight ≥ 0 per class, or null when balanced or none
 */
public record ClassWeights(boolean balanced, List<Double> weights) {

    public static final ClassWeights NONE = new ClassWeights(false, null);
    public static final ClassWeights BALANCED = new ClassWeights(true, null);

    public ClassWeights {
        if (balanced && weights != null) {
            throw new IllegalArgumentException("balanced class weights are computed, not given");
        }
        if (weights != null) {
            weights = List.copyOf(weights);
            for (double w : weights) {
                if (!(w >= 0) || Double.isInfinite(w)) {
                    throw new IllegalArgumentException("a class weight is finite and ≥ 0");
                }
            }
        }
    }

    public static ClassWeights of(List<Double> weights) {
        return new ClassWeights(false, weights);
    }

    public boolean isNone() {
        return !balanced && weights == null;
    }

    /**
     * The weight of each example of {@code data}, normalised as ŵᵢ = w_{yᵢ}·m/Σₖw_{yₖ} so that the plain mean of
     * ŵᵢ·ℓᵢ is J's weighted data term and a mini-batch's mean an unbiased estimate of it; null without weights.
     * The class of a row is its target's argmax (a sigmoid target ≥ ½ is class 1).
     */
    double[] exampleWeights(Examples data) {
        if (isNone()) {
            return null;
        }
        int classes = data.outputs() == 1 ? 2 : data.outputs();
        int[] labels = new int[data.rows()];
        long[] counts = new long[classes];
        for (int i = 0; i < data.rows(); i++) {
            labels[i] = label(data, i);
            counts[labels[i]]++;
        }
        double[] perClass = new double[classes];
        for (int c = 0; c < classes; c++) {
            if (balanced) {
                perClass[c] = counts[c] == 0 ? 0 : (double) data.rows() / (classes * (double) counts[c]);
            } else {
                if (weights.size() != classes) {
                    throw new IllegalArgumentException("expected " + classes + " class weights, got " + weights.size());
                }
                perClass[c] = weights.get(c);
            }
        }
        double total = 0;
        for (int label : labels) {
            total += perClass[label];
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("the class weights give every training example weight 0");
        }
        double[] result = new double[data.rows()];
        double scale = data.rows() / total;
        for (int i = 0; i < result.length; i++) {
            result[i] = perClass[labels[i]] * scale;
        }
        return result;
    }

    private static int label(Examples data, int row) {
        int outputs = data.outputs();
        double[] y = data.targets();
        if (outputs == 1) {
            return y[row] >= 0.5 ? 1 : 0;
        }
        int best = 0;
        for (int k = 1; k < outputs; k++) {
            if (y[row * outputs + k] > y[row * outputs + best]) {
                best = k;
            }
        }
        return best;
    }
}
