package dev.regtrain.jobs.request;

/** Which way early stopping's monitor improves: {@code AUTO} is MAX for accuracy and MIN for losses and errors. */
public enum MonitorMode {
    AUTO, MIN, MAX
}
