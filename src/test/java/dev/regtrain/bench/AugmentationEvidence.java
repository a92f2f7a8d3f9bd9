package dev.regtrain.bench;

import dev.regtrain.data.CsvDatasetReader;
import dev.regtrain.data.CsvOptions;
import dev.regtrain.data.Dataset;
import dev.regtrain.data.ImageShape;
import dev.regtrain.data.Preparation;
import dev.regtrain.data.PreparedData;
import dev.regtrain.data.Split;
import dev.regtrain.data.TaskChoice;
import dev.regtrain.data.augment.AugmentationSettings;
import dev.regtrain.data.augment.Augmenter;
import dev.regtrain.engine.LiveState;
import dev.regtrain.engine.Activation;
import dev.regtrain.engine.DropoutSpec;
import dev.regtrain.engine.EarlyStoppingSpec;
import dev.regtrain.engine.EngineContext;
import dev.regtrain.engine.kernel.Kernels;
import dev.regtrain.engine.EpochMetrics;
import dev.regtrain.engine.Initialization;
import dev.regtrain.engine.LayerSpec;
import dev.regtrain.engine.Monitor;
import dev.regtrain.engine.NetworkSpec;
import dev.regtrain.engine.OptimizerKind;
import dev.regtrain.engine.OptimizerSpec;
import dev.regtrain.engine.Output;
import dev.regtrain.engine.PenaltySpec;
import dev.regtrain.engine.Trainer;
import dev.regtrain.engine.TrainingListener;
import dev.regtrain.engine.TrainingPlan;
import dev.regtrain.engine.TrainingState;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Does augmentation regularise on real images when training data is scarce? Trains the same network on digits
 * (8×8) and Fashion-MNIST 10k (28×28) with a large validation split, once without and once with augmentation, same
 * seed and everything else, through the code a job uses (split, standardisation, augmenter, trainer), and prints the
 * best validation accuracy of each; then the median epoch time on Fashion-MNIST with 80 % training data, with and
 * without every image transform. Argument: the datasets directory (default ../shared/datasets).
 */
public final class AugmentationEvidence {

    record Case(String file, ImageShape shape, double validationSplit, int hidden, int epochs,
                Map<String, AugmentationSettings> settings) {
    }

    static AugmentationSettings only(int shift, boolean flip, double rotation, double zoom, double noise, double mixup) {
        return new AugmentationSettings(shift, flip, false, rotation, zoom, 0, 0, noise, mixup);
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/datasets");
        boolean timingOnly = args.length > 1 && args[1].equals("--timing-only");
        long[] seeds = {7, 8};
        Map<String, AugmentationSettings> digits = new LinkedHashMap<>();
        digits.put("shift 1", only(1, false, 0, 0, 0, 0));
        digits.put("rotation 8°", only(0, false, 8, 0, 0, 0));
        digits.put("zoom 0.08", only(0, false, 0, 0.08, 0, 0));
        digits.put("noise 0.03", only(0, false, 0, 0, 0.03, 0));
        digits.put("mixup 0.2", only(0, false, 0, 0, 0, 0.2));
        digits.put("zoom 0.08 + rotation 8° + mixup 0.2", only(0, false, 8, 0.08, 0, 0.2));
        Map<String, AugmentationSettings> fashion = new LinkedHashMap<>();
        fashion.put("flipHorizontal", only(0, true, 0, 0, 0, 0));
        fashion.put("shift 1", only(1, false, 0, 0, 0, 0));
        fashion.put("zoom 0.08", only(0, false, 0, 0.08, 0, 0));
        fashion.put("mixup 0.2", only(0, false, 0, 0, 0, 0.2));
        fashion.put("flipHorizontal + zoom 0.08 + mixup 0.2", only(0, true, 0, 0.08, 0, 0.2));
        List<Case> cases = List.of(
                new Case("digits.csv", new ImageShape(8, 8, 1), 0.85, 128, 300, digits),
                new Case("fashion_mnist_10k.csv", new ImageShape(28, 28, 1), 0.9, 256, 100, fashion));
        Map<String, Dataset> loaded = new HashMap<>(); // each file is read once
        for (Case c : timingOnly ? List.<Case>of() : cases) {
            Dataset data = load(dir, c.file(), c.shape(), loaded);
            System.out.printf(Locale.ROOT, "%n%s: %d training examples (validationSplit %.2f), %d-%d-%d relu, adam "
                            + "0.001, %d epochs; best val_accuracy, seeds %d and %d%n", c.file(),
                    Split.of(data, c.validationSplit(), seeds[0]).train().length, c.validationSplit(), data.inputs(),
                    c.hidden(), data.classCount(), c.epochs(), seeds[0], seeds[1]);
            double[] baseline = new double[seeds.length];
            for (int i = 0; i < seeds.length; i++) {
                baseline[i] = bestAccuracy(run(data, c, AugmentationSettings.NONE, seeds[i]));
            }
            System.out.printf(Locale.ROOT, "| %-42s | %.4f | %.4f | |%n", "none", baseline[0], baseline[1]);
            for (Map.Entry<String, AugmentationSettings> setting : c.settings().entrySet()) {
                double[] accuracy = new double[seeds.length];
                for (int i = 0; i < seeds.length; i++) {
                    accuracy[i] = bestAccuracy(run(data, c, setting.getValue(), seeds[i]));
                }
                System.out.printf(Locale.ROOT, "| %-42s | %.4f | %.4f | %+.1f points |%n", setting.getKey(),
                        accuracy[0], accuracy[1], 50 * (accuracy[0] - baseline[0] + accuracy[1] - baseline[1]));
            }
        }
        Dataset fashion10k = load(dir, "fashion_mnist_10k.csv", new ImageShape(28, 28, 1), loaded);
        Case timing = new Case("fashion_mnist_10k.csv", null, 0.2, 256, 5, Map.of());
        AugmentationSettings everything = new AugmentationSettings(2, true, true, 15, 0.1, 0.1, 0.2, 0.02, 0.2);
        double plain = medianSeconds(run(fashion10k, timing, AugmentationSettings.NONE, seeds[0]));
        double full = medianSeconds(run(fashion10k, timing, everything, seeds[0]));
        System.out.printf(Locale.ROOT, "%nepoch time on fashion_mnist_10k (8000 training examples, 784-256-10): "
                + "median %.3f s without, %.3f s with every transform and mixup (%+.0f %%)%n", plain, full,
                100 * (full / plain - 1));
    }

    /** The file as read before, or read now and kept in {@code loaded}. */
    static Dataset load(Path dir, String file, ImageShape shape, Map<String, Dataset> loaded) throws Exception {
        Dataset data = loaded.get(file);
        if (data == null) {
            data = load(dir.resolve(file), shape);
            loaded.put(file, data);
        }
        return data;
    }

    static Dataset load(Path file, ImageShape shape) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return CsvDatasetReader.read(in, new CsvOptions(file.getFileName().toString(), null,
                    TaskChoice.CLASSIFICATION, shape, 1_000_000, 10_000, Long.MAX_VALUE));
        }
    }

    static List<EpochMetrics> run(Dataset data, Case c, AugmentationSettings augmentation, long seed) {
        Split split = Split.of(data, c.validationSplit(), seed);
        PreparedData prepared = Preparation.prepare(data, split, true, Output.SOFTMAX);
        EngineContext context = EngineContext.DEFAULT.withKernel(Kernels.select("auto")).withTicker(System::nanoTime);
        if (!augmentation.isNone()) {
            context = context.withAugmenter(Augmenter.forTraining(augmentation, data, split.train(),
                    prepared.standardization(), data.classCount()));
        }
        NetworkSpec network = new NetworkSpec(data.inputs(), List.of(new LayerSpec(c.hidden(), Activation.RELU)),
                Output.SOFTMAX, data.classCount(), Initialization.HE);
        TrainingPlan plan = new TrainingPlan(network, OptimizerSpec.of(OptimizerKind.ADAM, 0.001), PenaltySpec.NONE,
                new DropoutSpec(0, List.of(0.0)), EarlyStoppingSpec.trackingOnly(Monitor.VAL_LOSS), c.epochs(), 32,
                true, seed);
        List<EpochMetrics> rows = new ArrayList<>();
        Trainer.start(plan, prepared.train(), prepared.validation(), context).run(new TrainingListener() {
            @Override
            public void onEpoch(EpochMetrics row, LiveState state) {
                rows.add(row);
            }
        }, () -> false);
        return rows;
    }

    static double bestAccuracy(List<EpochMetrics> rows) {
        return rows.stream().mapToDouble(EpochMetrics::valAccuracy).max().orElseThrow();
    }

    static double medianSeconds(List<EpochMetrics> rows) {
        List<Double> seconds = rows.stream().map(EpochMetrics::seconds).sorted().toList();
        return seconds.get(seconds.size() / 2);
    }
}
