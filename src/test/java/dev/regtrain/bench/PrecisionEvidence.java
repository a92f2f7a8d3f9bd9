package dev.regtrain.bench;

import dev.regtrain.engine.Activation;
import dev.regtrain.engine.DropoutSpec;
import dev.regtrain.engine.EarlyStoppingSpec;
import dev.regtrain.engine.EngineContext;
import dev.regtrain.engine.EpochMetrics;
import dev.regtrain.engine.Examples;
import dev.regtrain.engine.Initialization;
import dev.regtrain.engine.L1Update;
import dev.regtrain.engine.LayerSpec;
import dev.regtrain.engine.Monitor;
import dev.regtrain.engine.NetworkSpec;
import dev.regtrain.engine.OptimizerKind;
import dev.regtrain.engine.OptimizerSpec;
import dev.regtrain.engine.Output;
import dev.regtrain.engine.PenaltySpec;
import dev.regtrain.engine.Precision;
import dev.regtrain.engine.Rng;
import dev.regtrain.engine.Trainer;
import dev.regtrain.engine.TrainingListener;
import dev.regtrain.engine.TrainingPlan;
import dev.regtrain.engine.LiveState;
import dev.regtrain.engine.kernel.TaskRunner;
import dev.regtrain.jobs.cores.SpinningRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Held-out accuracy of float32 against float64 after the same epochs (issue 22): R1's network and settings on R1's
 * data (the first 50,000 rows train, the last 10,000 validate), and a 64-128-64-10 relu network on the real digits
 * ({@code --digits PATH}, 80 % train / 20 % validate, shuffled by the seed, z-scored with the training split's
 * statistics). Each for several seeds (--seeds N, default 3), since both runs are chaotic in the same way: the
 * figure is the mean over seeds of the final validation accuracy in each precision, and their difference.
 * Options: --epochs N (R1, default 10), --digits-epochs N (default 60), --kernel K (default vector:2), --first-seed S
 * (default 1), --trace (each epoch's validation accuracy and training loss, to tell a final epoch's spike from a run
 * that ended elsewhere), --r1-inputs raw|standardised|both (default both).
 *
 * <p>R1's inputs are uniform in [0, 1), neither centred nor scaled. Raw, as the peer scripts feed them, R1's He
 * initialisation, learning rate and momentum leave most units of the first hidden layer flat after the first epoch
 * (numpy's hand-written peer too) and the runs are chaotic. Standardised (z-scored with the training rows'
 * statistics) they are what the service trains by default ({@code standardize: true}).
 */
public final class PrecisionEvidence {

    public static void main(String[] args) throws Exception {
        int seeds = 3;
        int epochs = 10;
        int digitsEpochs = 60;
        String kernelName = "vector:2";
        Path digits = null;
        boolean r1 = true;
        String r1Inputs = "both";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seeds" -> seeds = Integer.parseInt(args[++i]);
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                case "--digits-epochs" -> digitsEpochs = Integer.parseInt(args[++i]);
                case "--kernel" -> kernelName = args[++i];
                case "--digits" -> digits = Path.of(args[++i]);
                case "--no-r1" -> r1 = false;
                case "--first-seed" -> firstSeed = Long.parseLong(args[++i]);
                case "--trace" -> trace = true;
                case "--r1-inputs" -> r1Inputs = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        TaskRunner runner = R1Benchmark.runnerFor(kernelName);
        EngineContext context = EngineContext.DEFAULT.withKernel(R1Benchmark.kernel(kernelName, runner))
                .withRunner(runner);
        if (r1) {
            Examples all = R1Data.load(60_000);
            int trainRows = 50_000;
            NetworkSpec network = new NetworkSpec(784, List.of(new LayerSpec(256, Activation.RELU),
                    new LayerSpec(128, Activation.RELU)), Output.SOFTMAX, 10, Initialization.HE);
            PenaltySpec l2 = new PenaltySpec(0, 1e-4 * trainRows, false, L1Update.SUBGRADIENT, 0, null, List.of());
            int e = epochs;
            Plans plans = seed -> new TrainingPlan(network, new OptimizerSpec(OptimizerKind.MOMENTUM, 0.05, 0.9, 0.9,
                    0.999, 1e-8), l2, new DropoutSpec(0, List.of(0.5, 0.5)),
                    EarlyStoppingSpec.trackingOnly(Monitor.VAL_LOSS), e, 128, true, seed);
            for (String inputs : r1Inputs.equals("both") ? List.of("raw", "standardised") : List.of(r1Inputs)) {
                Examples train = all.rows(0, trainRows);
                Examples validation = all.rows(trainRows, all.rows());
                if (inputs.equals("standardised")) {
                    standardise(train, validation);
                }
                compare("R1-" + inputs + " (" + R1Data.source() + ")", seeds, e, train, validation, plans, context);
            }
        }
        if (digits != null) {
            Examples all = readDigits(digits);
            int[] order = new int[all.rows()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            new Rng(2024).shuffle(order, order.length);
            Examples shuffled = pick(all, order);
            int cut = shuffled.rows() * 4 / 5;
            Examples train = shuffled.rows(0, cut);
            Examples validation = shuffled.rows(cut, shuffled.rows());
            standardise(train, validation);
            NetworkSpec network = new NetworkSpec(64, List.of(new LayerSpec(128, Activation.RELU),
                    new LayerSpec(64, Activation.RELU)), Output.SOFTMAX, 10, Initialization.HE);
            PenaltySpec l2 = new PenaltySpec(0, 1.0, false, L1Update.SUBGRADIENT, 0, null, List.of());
            int e = digitsEpochs;
            compare("digits (" + digits + ")", seeds, e, train, validation, seed -> new TrainingPlan(network,
                    OptimizerSpec.of(OptimizerKind.MOMENTUM, 0.02), l2, new DropoutSpec(0, List.of(0.2, 0.2)),
                    EarlyStoppingSpec.trackingOnly(Monitor.VAL_LOSS), e, 32, true, seed), context);
        }
        if (runner instanceof SpinningRunner spinning) {
            spinning.close();
        }
    }

    private static boolean trace;
    private static long firstSeed = 1;

    interface Plans {
        TrainingPlan of(long seed);
    }

    private static void compare(String name, int seeds, int epochs, Examples train, Examples validation,
                                Plans plans, EngineContext context) {
        double[] sums = new double[2];
        for (long seed = firstSeed; seed < firstSeed + seeds; seed++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s seed %d:", name, seed));
            for (Precision precision : Precision.values()) {
                List<EpochMetrics> rows = new ArrayList<>();
                Trainer.start(plans.of(seed).withPrecision(precision), train, validation, context)
                        .run(new TrainingListener() {
                            @Override
                            public void onEpoch(EpochMetrics row, LiveState state) {
                                rows.add(row);
                            }
                        }, () -> false);
                EpochMetrics last = rows.get(rows.size() - 1);
                if (trace) {
                    StringBuilder trail = new StringBuilder();
                    for (EpochMetrics row : rows) {
                        trail.append(String.format(Locale.ROOT, " %d:%.4f/%.3f", row.epoch(), row.valAccuracy(),
                                row.trainLoss()));
                    }
                    System.out.printf(Locale.ROOT, "%s seed %d %s epoch:val_accuracy/train_loss%s%n", name, seed,
                            precision.apiName(), trail);
                }
                sums[precision.ordinal()] += last.valAccuracy();
                line.append(String.format(Locale.ROOT, " %s val_accuracy %.4f val_loss %.4f train_loss %.4f",
                        precision.apiName(), last.valAccuracy(), last.valLoss(), last.trainLoss()));
            }
            System.out.println(line);
        }
        double f64 = sums[0] / seeds;
        double f32 = sums[1] / seeds;
        System.out.printf(Locale.ROOT, "RESULT %s epochs %d seeds %d mean_val_accuracy float64 %.4f float32 %.4f "
                + "difference_points %.2f%n", name.replaceAll(" .*", ""), epochs, seeds, f64, f32, 100 * (f32 - f64));
    }

    private static Examples pick(Examples data, int[] order) {
        double[] x = new double[data.features().length];
        double[] y = new double[data.targets().length];
        for (int i = 0; i < order.length; i++) {
            System.arraycopy(data.features(), order[i] * data.inputs(), x, i * data.inputs(), data.inputs());
            System.arraycopy(data.targets(), order[i] * data.outputs(), y, i * data.outputs(), data.outputs());
        }
        return new Examples(x, y, data.rows(), data.inputs(), data.outputs());
    }

    /** z-scores both splits in place with the training split's mean and standard deviation (1 where it is 0). */
    private static void standardise(Examples train, Examples validation) {
        int d = train.inputs();
        for (int j = 0; j < d; j++) {
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < train.rows(); i++) {
                double v = train.features()[i * d + j];
                sum += v;
                squares += v * v;
            }
            double mean = sum / train.rows();
            double std = Math.sqrt(Math.max(0, squares / train.rows() - mean * mean));
            double scale = std > 0 ? 1 / std : 1;
            for (Examples data : List.of(train, validation)) {
                for (int i = 0; i < data.rows(); i++) {
                    data.features()[i * d + j] = (data.features()[i * d + j] - mean) * scale;
                }
            }
        }
    }

    /** The digits CSV: 64 pixel columns, then the label 0..9. */
    private static Examples readDigits(Path path) throws Exception {
        List<String> lines = Files.readAllLines(path);
        int rows = lines.size() - 1;
        double[] x = new double[rows * 64];
        double[] y = new double[rows * 10];
        for (int i = 0; i < rows; i++) {
            String[] cells = lines.get(i + 1).split(",");
            for (int j = 0; j < 64; j++) {
                x[i * 64 + j] = Double.parseDouble(cells[j]);
            }
            y[i * 10 + (int) Double.parseDouble(cells[64])] = 1;
        }
        return new Examples(x, y, rows, 64, 10);
    }
}
