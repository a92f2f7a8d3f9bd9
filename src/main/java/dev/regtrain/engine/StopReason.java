package dev.regtrain.engine;

/** Why a training run ended. */
public enum StopReason {
    COMPLETED, EARLY_STOPPED, CANCELLED, DIVERGED
}
