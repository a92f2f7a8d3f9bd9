package dev.regtrain.jobs;

/** The best value of the monitored quantity so far and its epoch. */
public record BestValue(int epoch, String monitor, double value) {
}
