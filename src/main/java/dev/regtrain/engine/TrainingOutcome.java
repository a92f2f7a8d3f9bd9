package dev.regtrain.engine;

/**
 * How a run ended.
 *
 * @param stopEpoch the last epoch with a metrics row
 * @param bestEpoch the epoch of the best monitored value, 0 when none was monitored
 * @param bestValue that value, or null
 * @param detail a sentence saying why training stopped
 * @param model the model the run produced: the best weights with {@code restoreBestWeights}, else the last
 * @param modelEpoch the epoch whose weights {@code model} holds (0 = the initial weights)
 */
public record TrainingOutcome(StopReason reason, int stopEpoch, int bestEpoch, Double bestValue, Monitor monitor,
                              boolean restoredBestWeights, String detail, Network model, int modelEpoch) {
}
