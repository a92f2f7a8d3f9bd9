package dev.regtrain.jobs;

/** BEST on every improvement of the monitor, PERIODIC every N epochs, FINAL when a job ends. */
public enum CheckpointKind {
    BEST, PERIODIC, FINAL
}
