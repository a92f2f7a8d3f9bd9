package dev.regtrain.jobs;

/** Why a job ended, as the API reports it in {@code stop.reason}. */
public enum StopReasonCode {
    COMPLETED, EARLY_STOPPED, CANCELLED, DIVERGED, FAILED
}
