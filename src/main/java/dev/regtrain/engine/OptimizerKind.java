package dev.regtrain.engine;

/** The update rules. {@code ADAMW} is Adam whose weight decay is the decoupled {@code weightDecay}. */
public enum OptimizerKind {
    SGD(0), MOMENTUM(1), NESTEROV(1), ADAM(2), ADAMW(2);

    private final int slots;

    OptimizerKind(int slots) {
        this.slots = slots;
    }

    /** The optimizer's state per weight, in arrays the size of the parameters: velocity, or Adam's two moments. */
    public int slots() {
        return slots;
    }
}
