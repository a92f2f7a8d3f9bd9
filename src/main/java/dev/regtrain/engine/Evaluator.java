package dev.regtrain.engine;

import dev.regtrain.engine.kernel.MatrixKernel;
import dev.regtrain.engine.kernel.TaskRunner;

/**
 * Inference-mode passes over a whole set of examples in {@link Chunks}: the validation metrics of every epoch, and J
 * at the end-of-epoch weights over the training split.
 */
final class Evaluator<A> {

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

    /**
     * Running sums of data loss and predictions over the workspaces of one pass, added in the order they come; reset
     * for the next pass.
     */
    static final class Sums {
        private final boolean classification;
        private final int outputs;
        private double lossSum;
        private long correct;
        private double squaredErrorSum;
        private int rows;

        Sums(NetworkSpec spec) {
            this.classification = spec.output().isClassification();
            this.outputs = spec.outputs();
        }

        /** Adds a workspace after its forward pass, with its Σ ℓ. */
        <A> void add(Workspace<A> w, double loss) {
            lossSum += loss;
            rows += w.rows;
            if (classification) {
                correct += w.arithmetic.correctCount(w.outputs(), w.targets, w.rows, outputs);
            } else {
                squaredErrorSum += w.arithmetic.squaredErrorSum(w.outputs(), w.targets);
            }
        }

        Totals totals() {
            return new Totals(lossSum, correct, squaredErrorSum, rows, outputs);
        }

        void reset() {
            lossSum = 0;
            correct = 0;
            squaredErrorSum = 0;
            rows = 0;
        }
    }

    private final Chunks<A> chunks;
    private final Sums sums;

    /**
     * @param labelSmoothing ε for the targets (0 for the validation loss, which keeps the plain labels)
     * @param exampleWeights each example's loss weight, or null
     */
    Evaluator(NetworkValues<A> network, Examples data, MatrixKernel kernel, TaskRunner runner, double labelSmoothing,
              double[] exampleWeights) {
        this.chunks = new Chunks<>(network, data, null, kernel, runner);
        chunks.configure(w -> {
            w.smoothLabels(labelSmoothing);
            w.weightExamples(exampleWeights);
        });
        this.sums = new Sums(network.spec());
    }

    Totals evaluate() {
        sums.reset();
        for (int c = 0; c < chunks.count(); c++) {
            Workspace<A> w = chunks.load(c);
            w.forward(null);
            sums.add(w, w.lossSum());
        }
        return sums.totals();
    }
}
