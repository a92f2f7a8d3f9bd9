package dev.regtrain.engine;

import java.util.List;

/**
 * Inverted dropout. A rate is always the probability of dropping a unit, in [0, 1): one for the inputs and one per
 * hidden layer.
 */
public record DropoutSpec(double inputRate, List<Double> hiddenRates) {

    public DropoutSpec {
        hiddenRates = List.copyOf(hiddenRates);
        check(inputRate);
        hiddenRates.forEach(DropoutSpec::check);
    }

    public static DropoutSpec none(int hiddenLayers) {
        return new DropoutSpec(0, java.util.Collections.nCopies(hiddenLayers, 0.0));
    }

    private static void check(double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("a dropout rate is a probability of dropping in [0, 1)");
        }
    }

    /** Rates for out[l], l = 0..L−1 (inputs, then hidden layers), or null when nothing is dropped. */
    double[] ratesByLayer() {
        double[] rates = new double[hiddenRates.size() + 1];
        rates[0] = inputRate;
        boolean any = inputRate > 0;
        for (int l = 1; l < rates.length; l++) {
            rates[l] = hiddenRates.get(l - 1);
            any |= rates[l] > 0;
        }
        return any ? rates : null;
    }
}
