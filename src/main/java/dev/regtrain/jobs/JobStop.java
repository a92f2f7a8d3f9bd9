package dev.regtrain.jobs;

/**
 * How a job ended.
 *
 * @param epoch the last epoch with a metrics row
 * @param bestEpoch the epoch of the best monitored value (null when none)
 * @param restoredBestWeights whether the job's model holds the best weights rather than the last
 * @param detail a sentence saying why it stopped
 */
public record JobStop(StopReasonCode reason, int epoch, Integer bestEpoch, boolean restoredBestWeights,
                      String detail) {
}
