package dev.regtrain.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Generated data and a plan builder for engine tests (no files, everything from a seed). */
public final class Fixtures {

    private Fixtures() {
    }

    /**
     * Gaussian inputs labelled by a random linear teacher plus noise; for {@code outputs == 1} the targets are 0/1
     * (sigmoid), otherwise one-hot over {@code outputs} classes (softmax).
     */
    public static Examples classification(int rows, int inputs, int outputs, double noise, long seed) {
        Rng rng = new Rng(seed);
        int classes = Math.max(2, outputs);
        double[] teacher = gaussian(rng, inputs * classes);
        double[] x = gaussian(rng, rows * inputs);
        double[] y = new double[rows * outputs];
        for (int i = 0; i < rows; i++) {
            int label = 0;
            double best = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                double score = noise * rng.nextGaussian();
                for (int j = 0; j < inputs; j++) {
                    score += x[i * inputs + j] * teacher[j * classes + k];
                }
                if (score > best) {
                    best = score;
                    label = k;
                }
            }
            if (outputs == 1) {
                y[i] = label;
            } else {
                y[i * outputs + label] = 1.0;
            }
        }
        return new Examples(x, y, rows, inputs, outputs);
    }

    /** y = tanh(x·T) + noise, {@code outputs} targets per row. */
    public static Examples regression(int rows, int inputs, int outputs, double noise, long seed) {
        Rng rng = new Rng(seed);
        double[] teacher = gaussian(rng, inputs * outputs);
        double[] x = gaussian(rng, rows * inputs);
        double[] y = new double[rows * outputs];
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < outputs; k++) {
                double s = 0;
                for (int j = 0; j < inputs; j++) {
                    s += x[i * inputs + j] * teacher[j * outputs + k];
                }
                y[i * outputs + k] = Math.tanh(s) + noise * rng.nextGaussian();
            }
        }
        return new Examples(x, y, rows, inputs, outputs);
    }

    public static double[] gaussian(Rng rng, int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = rng.nextGaussian();
        }
        return values;
    }

    public static PlanBuilder aPlan(int inputs, Output output, int outputs) {
        return new PlanBuilder(inputs, output, outputs);
    }

    /** A test-data builder for training plans; every setting has a small, sensible default. */
    public static final class PlanBuilder {
        private final int inputs;
        private final Output output;
        private final int outputs;
        private final List<LayerSpec> hidden = new ArrayList<>();
        private OptimizerSpec optimizer = OptimizerSpec.sgd(0.1);
        private PenaltySpec penalty = PenaltySpec.NONE;
        private double inputDropout;
        private double hiddenDropout;
        private EarlyStoppingSpec earlyStopping;
        private int epochs = 10;
        private int batchSize = 16;
        private boolean shuffle = true;
        private long seed = 42;
        private Initialization initialization;
        private ScheduleSpec schedule = ScheduleSpec.CONSTANT;
        private GradientClipping clipping = GradientClipping.NONE;
        private LossSpec loss = LossSpec.PLAIN;

        private PlanBuilder(int inputs, Output output, int outputs) {
            this.inputs = inputs;
            this.output = output;
            this.outputs = outputs;
        }

        public PlanBuilder hidden(int units, Activation activation) {
            hidden.add(new LayerSpec(units, activation));
            return this;
        }

        public PlanBuilder hiddenWithBatchNorm(int units, Activation activation) {
            hidden.add(new LayerSpec(units, activation, true));
            return this;
        }

        public PlanBuilder schedule(ScheduleSpec value) {
            schedule = value;
            return this;
        }

        public PlanBuilder clipping(GradientClipping value) {
            clipping = value;
            return this;
        }

        public PlanBuilder loss(LossSpec value) {
            loss = value;
            return this;
        }

        public PlanBuilder optimizer(OptimizerSpec value) {
            optimizer = value;
            return this;
        }

        public PlanBuilder penalty(PenaltySpec value) {
            penalty = value;
            return this;
        }

        PlanBuilder l2(double lambda) {
            return penalty(new PenaltySpec(0, lambda, false, L1Update.SUBGRADIENT, 0, null, List.of()));
        }

        PlanBuilder l1(double lambda, L1Update update) {
            return penalty(new PenaltySpec(lambda, 0, false, update, 0, null, List.of()));
        }

        public PlanBuilder dropout(double inputRate, double hiddenRate) {
            inputDropout = inputRate;
            hiddenDropout = hiddenRate;
            return this;
        }

        public PlanBuilder earlyStopping(EarlyStoppingSpec value) {
            earlyStopping = value;
            return this;
        }

        public PlanBuilder epochs(int value) {
            epochs = value;
            return this;
        }

        public PlanBuilder batchSize(int value) {
            batchSize = value;
            return this;
        }

        public PlanBuilder shuffle(boolean value) {
            shuffle = value;
            return this;
        }

        public PlanBuilder seed(long value) {
            seed = value;
            return this;
        }

        public PlanBuilder initialization(Initialization value) {
            initialization = value;
            return this;
        }

        public TrainingPlan build() {
            Initialization init = initialization != null ? initialization
                    : hidden.isEmpty() ? Initialization.XAVIER : hidden.get(0).activation().defaultInitialization();
            NetworkSpec network = new NetworkSpec(inputs, hidden, output, outputs, init);
            DropoutSpec dropout = new DropoutSpec(inputDropout, Collections.nCopies(hidden.size(), hiddenDropout));
            EarlyStoppingSpec es = earlyStopping != null ? earlyStopping
                    : EarlyStoppingSpec.trackingOnly(Monitor.TRAIN_LOSS);
            return new TrainingPlan(network, optimizer, penalty, dropout, es, epochs, batchSize, shuffle, seed,
                    schedule, clipping, loss);
        }
    }

    /** ‖actual − expected‖ / ‖expected‖ (the plain distance when expected is zero). */
    public static double relativeError(double[] actual, double[] expected) {
        return relativeError(new double[][] {actual}, new double[][] {expected});
    }

    /** ‖actual − expected‖ / ‖expected‖ over all blocks (the plain distance when expected is zero). */
    public static double relativeError(double[][] actual, double[][] expected) {
        double difference = 0;
        double norm = 0;
        for (int p = 0; p < expected.length; p++) {
            for (int i = 0; i < expected[p].length; i++) {
                double d = actual[p][i] - expected[p][i];
                difference += d * d;
                norm += expected[p][i] * expected[p][i];
            }
        }
        return norm == 0 ? Math.sqrt(difference) : Math.sqrt(difference / norm);
    }
}
