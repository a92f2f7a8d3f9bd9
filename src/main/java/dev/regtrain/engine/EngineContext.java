package dev.regtrain.engine;

import java.util.Objects;

/** What a run borrows from its surroundings: the multiply kernel, a time source and an optional augmenter. */
public record EngineContext(MatrixKernel kernel, Ticker ticker, BatchAugmenter augmenter) {

    public static final EngineContext DEFAULT = new EngineContext(OjalgoKernel.INSTANCE, Ticker.NONE,
            BatchAugmenter.NONE);

    public EngineContext {
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(augmenter, "augmenter");
    }

    public EngineContext withTicker(Ticker newTicker) {
        return new EngineContext(kernel, newTicker, augmenter);
    }

    public EngineContext withAugmenter(BatchAugmenter newAugmenter) {
        return new EngineContext(kernel, ticker, newAugmenter);
    }

    public EngineContext withKernel(MatrixKernel newKernel) {
        return new EngineContext(newKernel, ticker, augmenter);
    }
}
