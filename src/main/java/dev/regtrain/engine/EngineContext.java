package dev.regtrain.engine;

import dev.regtrain.engine.kernel.MatrixKernel;
import dev.regtrain.engine.kernel.OjalgoKernel;
import dev.regtrain.engine.kernel.TaskRunner;
import java.util.Objects;

/**
 * What a run borrows from its surroundings: the multiply kernel, a time source, an optional augmenter, and a
 * {@link TaskRunner} whose threads may share the element-wise work of a training step (the kernel gets its own runner
 * when it is built). Results never depend on the runner.
 */
public record EngineContext(MatrixKernel kernel, Ticker ticker, BatchAugmenter augmenter, TaskRunner runner) {

    public static final EngineContext DEFAULT = new EngineContext(OjalgoKernel.INSTANCE, Ticker.NONE,
            BatchAugmenter.NONE, TaskRunner.SEQUENTIAL);

    public EngineContext {
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(augmenter, "augmenter");
        Objects.requireNonNull(runner, "runner");
    }

    public EngineContext withTicker(Ticker newTicker) {
        return new EngineContext(kernel, newTicker, augmenter, runner);
    }

    public EngineContext withAugmenter(BatchAugmenter newAugmenter) {
        return new EngineContext(kernel, ticker, newAugmenter, runner);
    }

    public EngineContext withKernel(MatrixKernel newKernel) {
        return new EngineContext(newKernel, ticker, augmenter, runner);
    }

    public EngineContext withRunner(TaskRunner newRunner) {
        return new EngineContext(kernel, ticker, augmenter, newRunner);
    }
}
