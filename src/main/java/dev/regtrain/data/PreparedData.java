package dev.regtrain.data;

import dev.regtrain.engine.Examples;
import java.util.Objects;

/**
 * A dataset ready for the engine: standardised, encoded training examples, the validation examples ({@code null}
 * when nothing is held out), and the standardisation that was applied, which a model must apply to predictions too.
 */
public record PreparedData(Examples train, Examples validation, Standardization standardization) {

    public PreparedData {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(standardization, "standardization");
        if (standardization.inputs() != train.inputs()) {
            throw new IllegalArgumentException("the standardisation covers " + standardization.inputs()
                    + " inputs; the examples have " + train.inputs());
        }
        if (validation != null && (validation.inputs() != train.inputs() || validation.outputs() != train.outputs())) {
            throw new IllegalArgumentException("validation examples must have the training examples' inputs and "
                    + "outputs");
        }
    }
}
