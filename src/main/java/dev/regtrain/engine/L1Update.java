package dev.regtrain.engine;

/** How the L1 term enters the update. */
public enum L1Update {
    /** (λ₁/m)·sign(w) is added to the gradient, sign(0) = 0. Weights hover around zero but rarely reach it. */
    SUBGRADIENT,
    /** The step leaves L1 out and then soft-thresholds each weight by η·λ₁/m: exact zeros. */
    PROXIMAL
}
