package dev.regtrain.engine;

import dev.regtrain.engine.kernel.TaskRunner;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * One optimizer step over every trainable parameter, column by column: the squares for the batch's gradient norm
 * (before the penalty terms change the gradient), the coupled penalty gradient, clipping, the optimizer's update and
 * the constraints. With a parallel runner each part takes a range of whole columns: element by element the
 * arithmetic is the same as on one thread, and every sum over columns (the gradient norms, the clipping norm) is
 * added up in column order after all parts are done. Clipping by norm needs the whole gradient's norm before any
 * update, so it splits the step into two passes; without it the step is one pass, as it always was.
 */
final class ParameterUpdate<A> {

    /** A parallel step splits the parameter updates into parts of at least this many values. */
    static final long VALUES_PER_PART = 32_768;
    /** A block of columns takes about this many values of each array (64 KB of doubles): the step's arrays stay in L2. */
    static final int BLOCK_VALUES = 8192;

    private final NetworkValues<A> network;
    private final NetworkValues<A> gradients;
    private final Arithmetic<A> arithmetic;
    private final Optimizer<A> optimizer;
    private final Penalties penalties;
    private final EpochStatistics<A> statistics;
    private final GradientClipping clipping;
    private final TaskRunner runner;
    private final int parts;
    private final IntConsumer wholeStep;
    private final IntConsumer clippedGradient;
    private final IntConsumer clippedUpdate;
    /** With clipping by norm: Σᵢ g[i, j]² of each column j of each parameter, after penalties and value clipping. */
    private final double[][] columnSquares;
    private double learningRate;
    private double scale;

    ParameterUpdate(NetworkValues<A> network, NetworkValues<A> gradients, Optimizer<A> optimizer,
                    Penalties penalties, EpochStatistics<A> statistics, GradientClipping clipping, TaskRunner runner) {
        this.network = network;
        this.gradients = gradients;
        this.arithmetic = network.arithmetic();
        this.optimizer = optimizer;
        this.penalties = penalties;
        this.statistics = statistics;
        this.clipping = clipping;
        this.runner = runner;
        this.parts = runner.partsFor(network.spec().parameterCount(), VALUES_PER_PART, Integer.MAX_VALUE);
        this.wholeStep = part -> columns(part, true, true);
        this.clippedGradient = part -> columns(part, true, false);
        this.clippedUpdate = part -> columns(part, false, true);
        List<NetworkValues.Block<A>> parameters = network.parameters();
        this.columnSquares = new double[parameters.size()][];
        for (int i = 0; i < parameters.size() && clipping.norm() != null; i++) {
            columnSquares[i] = new double[parameters.get(i).columns()];
        }
    }

    /** One step with the epoch's learning rate α, after the backward pass filled the gradients. */
    void step(double alpha) {
        learningRate = alpha;
        optimizer.beginStep();
        if (clipping.norm() == null) {
            runner.run(parts, wholeStep);
        } else {
            runner.run(parts, clippedGradient);
            scale = normScale();
            runner.run(parts, clippedUpdate);
        }
        statistics.addStepNorms();
    }

    /** min(1, c/‖g‖₂) over every column of every parameter, summed in order; 1 when the norm is not finite. */
    private double normScale() {
        double sum = 0;
        for (double[] squares : columnSquares) {
            for (double square : squares) {
                sum += square;
            }
        }
        double cap = clipping.norm();
        return Double.isFinite(sum) && sum > cap * cap ? cap / Math.sqrt(sum) : 1.0;
    }

    /**
     * Part {@code part}'s columns of every parameter, a block of columns at a time ({@link #BLOCK_VALUES}): every
     * stage of the step runs on a block while its weights, gradient and optimizer state are in the core's cache, one
     * pass over the parameters' memory instead of one per stage. Each stage is element-wise or per column, so the
     * results are the same bits as stage by stage over the whole range.
     */
    private void columns(int part, boolean gradient, boolean update) {
        List<NetworkValues.Block<A>> parameters = network.parameters();
        List<NetworkValues.Block<A>> gradientBlocks = gradients.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            NetworkValues.Block<A> p = parameters.get(i);
            int from = TaskRunner.firstOf(part, parts, p.columns());
            int to = TaskRunner.firstOf(part + 1, parts, p.columns());
            A g = gradientBlocks.get(i).values();
            int block = Math.max(1, BLOCK_VALUES / p.rows());
            for (int first = from; first < to; first += block) {
                columns(i, p, g, first, Math.min(to, first + block), gradient, update);
            }
        }
    }

    /**
     * Columns [from, to) of parameter i: with {@code gradient}, the statistics' squares, the penalty gradient,
     * clipping by value and (with clipping by norm) the columns' squares; with {@code update}, the scale of clipping
     * by norm, the optimizer's update and the constraints.
     */
    private void columns(int i, NetworkValues.Block<A> p, A g, int from, int to, boolean gradient, boolean update) {
        int fromValue = from * p.rows();
        int toValue = to * p.rows();
        if (gradient) {
            if (p.isWeights()) {
                statistics.squareColumns(p.layer(), g, p.rows(), from, to);
            }
            penalties.addGradient(arithmetic, p.layer(), p.kind(), p.values(), g, fromValue, toValue);
            if (clipping.value() != null) {
                arithmetic.clamp(g, clipping.value(), fromValue, toValue);
            }
            if (clipping.norm() != null) {
                for (int j = from; j < to; j++) {
                    columnSquares[i][j] = arithmetic.squaredL2(g, j * p.rows(), (j + 1) * p.rows());
                }
            }
        }
        if (update) {
            if (clipping.norm() != null && scale < 1.0) {
                arithmetic.scale(g, scale, fromValue, toValue);
            }
            optimizer.update(i, p.values(), g, penalties.proximalThreshold(p.layer(), p.kind()), fromValue, toValue);
            penalties.afterStep(arithmetic, p, learningRate, from, to);
        }
    }
}
