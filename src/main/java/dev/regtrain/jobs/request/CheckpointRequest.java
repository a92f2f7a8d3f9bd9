package dev.regtrain.jobs.request;

/** A periodic checkpoint every {@code everyEpochs} epochs (0 = only best and final), keeping the last few. */
public record CheckpointRequest(Integer everyEpochs, Integer keepLast) {
}
