package dev.regtrain.jobs.request;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code training.classWeights} resolved: {@code "balanced"}, or a map from the dataset's class labels to weights,
 * echoed with every class (a class not named weighs 1).
 */
final class ClassWeightsResolution {

    static final String FIELD = "training.classWeights";
    static final String BALANCED = TrainingRequest.BALANCED;

    private ClassWeightsResolution() {
    }

    /** @param data the dataset's shape, or null when unknown */
    static Object resolve(Object value, DatasetShape data, Checks checks) {
        if (value == null) {
            return null;
        }
        if (data != null && !data.classification()) {
            checks.fail(FIELD, "needs a classification dataset");
            return null;
        }
        if (value instanceof String name) {
            if (!name.equals(BALANCED)) {
                checks.fail(FIELD, "must be \"balanced\" or a map from class label to weight; got '" + name + "'");
            }
            return BALANCED;
        }
        if (!(value instanceof Map<?, ?> given)) {
            checks.fail(FIELD, "must be \"balanced\" or a map from class label to weight");
            return null;
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        if (data != null) {
            data.classes().forEach(label -> weights.put(label, 1.0));
        }
        boolean anyPositive = false;
        for (Map.Entry<?, ?> entry : given.entrySet()) {
            String label = String.valueOf(entry.getKey());
            String field = FIELD + "." + label;
            if (data != null && !data.classes().contains(label)) {
                checks.fail(field, "is not a class of the dataset; its classes are " + data.classes());
            } else if (!(entry.getValue() instanceof Number number) || !Double.isFinite(number.doubleValue())
                    || number.doubleValue() < 0) {
                checks.fail(field, "must be a finite number ≥ 0");
            } else {
                weights.put(label, number.doubleValue());
            }
        }
        for (double weight : weights.values()) {
            anyPositive |= weight > 0;
        }
        if (!anyPositive) {
            checks.fail(FIELD, "needs at least one class with a weight above 0");
        }
        return weights;
    }
}
