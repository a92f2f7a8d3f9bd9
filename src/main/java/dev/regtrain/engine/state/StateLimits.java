package dev.regtrain.engine.state;

import dev.regtrain.engine.NetworkSpec;

/** Upper bounds a serialised state must respect before anything it describes is allocated. */
public record StateLimits(int maxLayers, int maxUnits, long maxParameters, int maxEpochs) {

    public static final StateLimits DEFAULT = new StateLimits(64, 65_536, 50_000_000L, 1_000_000);

    /** Throws {@link CorruptStateException} when the architecture exceeds a limit. */
    void check(NetworkSpec spec) {
        if (spec.layerCount() > maxLayers) {
            throw new CorruptStateException(spec.layerCount() + " weight layers exceed the limit of " + maxLayers);
        }
        for (int l = 0; l <= spec.layerCount(); l++) {
            if (spec.units(l) > maxUnits) {
                throw new CorruptStateException("a layer of " + spec.units(l) + " units exceeds the limit of " + maxUnits);
            }
        }
        if (spec.parameterCount() > maxParameters) {
            throw new CorruptStateException(spec.parameterCount() + " parameters exceed the limit of " + maxParameters);
        }
    }
}
