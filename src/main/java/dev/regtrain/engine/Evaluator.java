package dev.regtrain.engine;

/**
 * Inference-mode passes over a whole set of examples in {@link Chunks}: the validation metrics of every epoch.
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

    private final Examples data;
    private final Chunks chunks;
    private final boolean classification;

    Evaluator(Network network, Examples data, MatrixKernel kernel, TaskRunner runner) {
        this.data = data;
        this.classification = network.spec().output().isClassification();
        this.chunks = new Chunks(network, data, null, kernel, runner);
    }

    Totals evaluate() {
        double loss = 0;
        long correct = 0;
        double squared = 0;
        for (int c = 0; c < chunks.count(); c++) {
            Workspace w = chunks.load(c);
            w.forward(null);
            loss += w.lossSum();
            if (classification) {
                correct += w.correctCount();
            } else {
                squared += w.squaredErrorSum();
            }
        }
        return new Totals(loss, correct, squared, data.rows(), data.outputs());
    }
}
