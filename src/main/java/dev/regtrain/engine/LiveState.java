package dev.regtrain.engine;

/**
 * The complete state of a run after an epoch, as a {@link TrainingListener} is given it: read in place from the
 * trainer's buffers, or copied out. A checkpoint written during the call needs no copy at all; only a state kept for
 * later does.
 */
public interface LiveState {

    /**
     * The state in the trainer's own buffers, nothing copied: valid only until the listener returns, when training
     * goes on and changes it.
     */
    TrainingState view();

    /** A copy that is the caller's to keep (the best weights share the weights' copy when they are the same). */
    TrainingState copy();
}
