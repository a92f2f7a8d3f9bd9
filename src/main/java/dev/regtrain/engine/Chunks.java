package dev.regtrain.engine;

import dev.regtrain.engine.kernel.MatrixKernel;
import dev.regtrain.engine.kernel.TaskRunner;

/**
 * A set of examples cut into chunks of {@link Predictor#CHUNK_ROWS} rows and a remainder, with one workspace for the
 * full chunks and one for the remainder, allocated once: the inference passes of validation and prediction.
 */
final class Chunks<A> {

    private final Examples data;
    private final Workspace<A> full;
    private final Workspace<A> remainder;
    private final int fullChunks;

    /** {@code dropRates} null for plain inference, else the rates of Monte-Carlo dropout. */
    Chunks(NetworkValues<A> network, Examples data, double[] dropRates, MatrixKernel kernel, TaskRunner runner) {
        this.data = data;
        int chunk = Math.min(Predictor.CHUNK_ROWS, data.rows());
        this.fullChunks = data.rows() / chunk;
        int rest = data.rows() - fullChunks * chunk;
        this.full = new Workspace<>(network, chunk, dropRates, null, kernel, runner);
        this.remainder = rest > 0 ? new Workspace<>(network, rest, dropRates, null, kernel, runner) : null;
    }

    /** Applies a setting (label smoothing, example weights) to every workspace. */
    void configure(java.util.function.Consumer<Workspace<A>> setting) {
        setting.accept(full);
        if (remainder != null) {
            setting.accept(remainder);
        }
    }

    int count() {
        return remainder == null ? fullChunks : fullChunks + 1;
    }

    /** The first example row of chunk {@code c}. */
    int firstRow(int c) {
        return c * full.rows;
    }

    /** The workspace of chunk {@code c}, its examples gathered. */
    Workspace<A> load(int c) {
        Workspace<A> w = c < fullChunks ? full : remainder;
        w.gather(data, null, firstRow(c));
        return w;
    }
}
