package dev.regtrain.engine;

/**
 * What early stopping remembers between epochs.
 *
 * @param best the best monitored value so far, null before the first monitored epoch
 * @param bestEpoch the epoch of {@code best}, 0 when none
 * @param epochsWithoutImprovement monitored epochs in a row that did not improve
 * @param monitoredEpochs monitored epochs so far (epochs from {@code startFromEpoch} on)
 */
public record EarlyStoppingState(Double best, int bestEpoch, int epochsWithoutImprovement, int monitoredEpochs) {

    public static final EarlyStoppingState INITIAL = new EarlyStoppingState(null, 0, 0, 0);
}
