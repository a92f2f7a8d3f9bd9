package dev.regtrain.engine;

/**
 * Inference-mode passes over a whole set of examples in fixed-size chunks, with buffers allocated once: the
 * validation metrics of every epoch.
 */
final class Evaluator {

    /** Sums over a set of examples: data loss, correct predictions, squared error. */
    record Totals(double lossSum, long correct, double squaredErrorSum, int rows, int outputs) {

        double meanLoss() {
            return lossSum / rows;
        }

        double accuracy() {
            return (double) correct / rows;
        }

        double rmse() {
            return Math.sqrt(squaredErrorSum / ((double) rows * outputs));
        }
    }

    static final int CHUNK_ROWS = 512;

    private final Examples data;
    private final Workspace full;
    private final Workspace remainder;
    private final int fullChunks;

    Evaluator(Network network, Examples data, MatrixKernel kernel, TaskRunner runner) {
        this.data = data;
        int chunk = Math.min(CHUNK_ROWS, data.rows());
        this.fullChunks = data.rows() / chunk;
        int rest = data.rows() - fullChunks * chunk;
        this.full = new Workspace(network, chunk, null, null, kernel, runner);
        this.remainder = rest > 0 ? new Workspace(network, rest, null, null, kernel, runner) : null;
    }

    Totals evaluate() {
        double loss = 0;
        long correct = 0;
        double squared = 0;
        for (int c = 0; c <= fullChunks; c++) {
            Workspace w = c < fullChunks ? full : remainder;
            if (w == null) {
                break;
            }
            w.gather(data, null, c * full.rows);
            w.forward(null);
            loss += w.lossSum();
            correct += w.correctCount();
            squared += w.squaredErrorSum();
        }
        return new Totals(loss, correct, squared, data.rows(), data.outputs());
    }
}
