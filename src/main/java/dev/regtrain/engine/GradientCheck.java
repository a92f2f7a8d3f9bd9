package dev.regtrain.engine;

import dev.regtrain.engine.kernel.MatrixKernel;
import java.util.ArrayList;
import java.util.List;

/**
 * The gradient check of MATH.md on a job's exact objective: central differences (J(θ+ε) − J(θ−ε))/(2ε), ε = 1e−5, of
 * J with its penalties, label smoothing and class weights, dropout off and batch normalisation with the statistics of
 * the examples checked, against the analytic gradient the trainer uses. Per weight layer it checks up to
 * {@code parametersPerLayer} trainable values, spread evenly over each of the layer's blocks (W, then b, or γ and β),
 * leaving out values within ε of an L1 kink at 0. A value's error is |g − ĝ| / (‖g‖ + ‖ĝ‖), with the norms over the
 * layer's checked values (so that a tiny gradient's rounding noise does not count as a large relative error); the
 * layer also reports MATH.md's ‖g − ĝ‖/(‖g‖ + ‖ĝ‖). Deterministic: the same network and examples give the same
 * numbers.
 */
public final class GradientCheck {

    public static final double EPSILON = 1e-5;
    /** The largest error of a gradient that is right, and of one that is probably right. */
    public static final double OK_BELOW = 1e-7;
    public static final double CHECK_UP_TO = 1e-4;

    public enum Verdict { OK, CHECK, WRONG }

    /**
     * One weight layer's result.
     *
     * @param relativeError ‖g − ĝ‖/(‖g‖ + ‖ĝ‖) over the checked values (MATH.md)
     * @param gradientNorm ‖g‖ over the checked values
     */
    public record LayerResult(int layer, int parameters, double maxRelativeError, double meanRelativeError,
                              double relativeError, double gradientNorm) {
    }

    public record Result(double epsilon, int examples, List<LayerResult> layers, double maxRelativeError,
                         Verdict verdict, String detail) {
    }

    private GradientCheck() {
    }

    /**
     * @param network the values to check at (copied; the caller's network is not touched)
     * @param examples the examples of the data term
     * @param trainingExamples the job's m, which scales the penalties
     */
    public static Result run(TrainingPlan plan, Network network, Examples examples, int trainingExamples,
                             int parametersPerLayer, MatrixKernel kernel) {
        if (parametersPerLayer < 1) {
            throw new IllegalArgumentException("check at least one parameter per layer");
        }
        Network copy = network.copy();
        Objective objective = new Objective(copy, plan.penalty(), plan.loss(), examples, trainingExamples, kernel);
        return compare(objective, copy, objective.gradient(), parametersPerLayer, examples.rows());
    }

    /** Central differences of {@code objective} (bound to {@code copy}) against the given analytic gradient. */
    static Result compare(Objective objective, Network copy, double[][] analytic, int parametersPerLayer,
                          int examples) {
        List<Parameter> parameters = copy.parameters();
        List<LayerResult> layers = new ArrayList<>();
        for (int l = 1; l <= copy.spec().layerCount(); l++) {
            List<double[]> pairs = new ArrayList<>(); // {analytic, numeric}
            List<Integer> blocks = new ArrayList<>();
            for (int i = 0; i < parameters.size(); i++) {
                if (parameters.get(i).layer() == l) {
                    blocks.add(i);
                }
            }
            int[] quotas = quotas(blocks.stream().mapToInt(i -> parameters.get(i).size()).toArray(),
                    parametersPerLayer);
            for (int b = 0; b < blocks.size(); b++) {
                Parameter p = parameters.get(blocks.get(b));
                double[] w = p.values();
                for (int k = 0; k < quotas[b]; k++) {
                    int index = (int) ((long) k * w.length / quotas[b]);
                    double saved = w[index];
                    if (objective.hasL1Kink(p) && saved != 0 && Math.abs(saved) <= EPSILON) {
                        continue;
                    }
                    w[index] = saved + EPSILON;
                    double plus = objective.value();
                    w[index] = saved - EPSILON;
                    double minus = objective.value();
                    w[index] = saved;
                    pairs.add(new double[] {analytic[blocks.get(b)][index], (plus - minus) / (2 * EPSILON)});
                }
            }
            layers.add(layerResult(l, pairs));
        }
        double max = layers.stream().mapToDouble(LayerResult::maxRelativeError).max().orElse(0);
        Verdict verdict = verdict(max);
        return new Result(EPSILON, examples, layers, max, verdict, detail(verdict, max, layers, examples));
    }

    /** OK below 1e−7, CHECK up to 1e−4, WRONG above (API.md). */
    static Verdict verdict(double maxRelativeError) {
        return maxRelativeError < OK_BELOW ? Verdict.OK : maxRelativeError <= CHECK_UP_TO ? Verdict.CHECK
                : Verdict.WRONG;
    }

    /** Splits {@code total} checks over blocks of the given sizes: one each first, the rest in proportion to size. */
    static int[] quotas(int[] sizes, int total) {
        int[] quotas = new int[sizes.length];
        long all = 0;
        for (int size : sizes) {
            all += size;
        }
        if (all <= total) {
            return sizes.clone();
        }
        int given = 0;
        for (int b = 0; b < sizes.length && given < total; b++) {
            quotas[b] = 1;
            given++;
        }
        int rest = total - given;
        for (int b = 0; b < sizes.length && rest > 0; b++) {
            int share = (int) Math.min(sizes[b] - quotas[b], (long) rest * sizes[b] / all);
            quotas[b] += share;
            given += share;
        }
        for (int b = 0; given < total; b = (b + 1) % sizes.length) {
            if (quotas[b] < sizes[b]) {
                quotas[b]++;
                given++;
            }
        }
        return quotas;
    }

    private static LayerResult layerResult(int layer, List<double[]> pairs) {
        double analyticSquares = 0;
        double numericSquares = 0;
        double differenceSquares = 0;
        for (double[] pair : pairs) {
            analyticSquares += pair[0] * pair[0];
            numericSquares += pair[1] * pair[1];
            differenceSquares += (pair[0] - pair[1]) * (pair[0] - pair[1]);
        }
        double scale = Math.sqrt(analyticSquares) + Math.sqrt(numericSquares);
        double max = 0;
        double sum = 0;
        for (double[] pair : pairs) {
            double error = scale == 0 ? 0 : Math.abs(pair[0] - pair[1]) / scale;
            max = Math.max(max, error);
            sum += error;
        }
        double relative = scale == 0 ? 0 : Math.sqrt(differenceSquares) / scale;
        return new LayerResult(layer, pairs.size(), max, pairs.isEmpty() ? 0 : sum / pairs.size(), relative,
                Math.sqrt(analyticSquares));
    }

    private static String detail(Verdict verdict, double max, List<LayerResult> layers, int examples) {
        int checked = layers.stream().mapToInt(LayerResult::parameters).sum();
        String scope = "over " + checked + " parameters of " + layers.size() + " weight layers on " + examples
                + " examples (penalties included, dropout off, ε = 1e-5)";
        String error = Numbers.format(max);
        return switch (verdict) {
            case OK -> "the analytic gradient agrees with central differences: largest relative error " + error
                    + ", below 1e-7, " + scope;
            case CHECK -> "largest relative error " + error + ", between 1e-7 and 1e-4, " + scope + ": probably "
                    + "right; a relu or L1 kink within ε of a checked value, or a layer whose gradient is near the "
                    + "precision of central differences (smallest checked gradient norm "
                    + Numbers.format(layers.stream().mapToDouble(LayerResult::gradientNorm).min().orElse(0))
                    + "), gives errors of this size";
            case WRONG -> "largest relative error " + error + ", above 1e-4, " + scope + ": the analytic gradient "
                    + "disagrees with the objective";
        };
    }
}
