package dev.regtrain.engine;

/** The update rules. {@code ADAMW} is Adam whose weight decay is the decoupled {@code weightDecay}. */
public enum OptimizerKind {
    SGD, MOMENTUM, NESTEROV, ADAM, ADAMW
}
