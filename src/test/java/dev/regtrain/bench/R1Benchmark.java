package dev.regtrain.bench;

import dev.regtrain.engine.LiveState;
import dev.regtrain.engine.Activation;
import dev.regtrain.engine.DropoutSpec;
import dev.regtrain.engine.EarlyStoppingSpec;
import dev.regtrain.engine.EngineContext;
import dev.regtrain.engine.EpochMetrics;
import dev.regtrain.engine.Examples;
import dev.regtrain.engine.Initialization;
import dev.regtrain.engine.kernel.Kernels;
import dev.regtrain.engine.L1Update;
import dev.regtrain.engine.LayerSpec;
import dev.regtrain.engine.kernel.MatrixKernel;
import dev.regtrain.engine.Monitor;
import dev.regtrain.engine.NetworkSpec;
import dev.regtrain.engine.OptimizerKind;
import dev.regtrain.engine.OptimizerSpec;
import dev.regtrain.engine.Output;
import dev.regtrain.engine.PenaltySpec;
import dev.regtrain.engine.Precision;
import dev.regtrain.engine.kernel.TaskRunner;
import dev.regtrain.engine.Trainer;
import dev.regtrain.engine.TrainingListener;
import dev.regtrain.engine.TrainingPlan;
import dev.regtrain.engine.TrainingState;
import dev.regtrain.engine.kernel.VectorKernel;
import dev.regtrain.jobs.cores.SpinningRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Workload R1 (PERFORMANCE.md) on regtrain's engine: 784-256-128-10 relu, softmax, SGD momentum 0.9, lr 0.05,
 * batch 128, L2 λ = 1e−4·m on weights, dropout 0.5 on both hidden layers. Options: --epochs N, --samples M,
 * --width W (hidden layers W and W/2 instead of 256 and 128, for the scaling runs), --kernel K (auto, the default,
 * vector or ojalgo; vector needs --add-modules jdk.incubator.vector, which bench/r1 passes; "vector:2" runs the
 * vector kernel's large products, and the training step's element-wise work, on 2 threads, as the service does for
 * a job that trains alone), --precision f64|f32 (default f64), --trainings N (default 1: N trainings one after the
 * other in the same JVM, each from fresh weights with its own RESULT line; the second and later ones start with the
 * JIT compiler warm).
 * The last line is the RESULT line shared with the peer scripts in ../shared/bench.
 */
public final class R1Benchmark {

    public static void main(String[] args) throws Exception {
        int epochs = 5;
        int trainings = 1;
        int samples = 60_000;
        int width = 256;
        String kernelName = "auto";
        Precision precision = Precision.FLOAT64;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                case "--trainings" -> trainings = Integer.parseInt(args[++i]);
                case "--samples" -> samples = Integer.parseInt(args[++i]);
                case "--kernel" -> kernelName = args[++i];
                case "--width" -> width = Integer.parseInt(args[++i]);
                case "--precision" -> precision = precision(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        TaskRunner runner = runnerFor(kernelName);
        MatrixKernel kernel = kernel(kernelName, runner);
        Examples data = R1Data.load(samples, precision);
        MachinePeak peak = MachinePeak.detect();
        NetworkSpec network = new NetworkSpec(784, List.of(new LayerSpec(width, Activation.RELU),
                new LayerSpec(width / 2, Activation.RELU)), Output.SOFTMAX, 10, Initialization.HE);
        double peakGflops = precision == Precision.FLOAT32 ? 2 * peak.gflops() : peak.gflops();
        System.out.printf(Locale.ROOT, "R1 on regtrain, kernel %s, %s, 784-%d-%d-10, %d samples from %s, %d epochs;"
                        + " peak %.0f GFLOP/s: %s%s%n", kernel.name(), precision.apiName(), width, width / 2,
                data.rows(), R1Data.source(), epochs, peakGflops, peak.how(),
                precision == Precision.FLOAT32 ? " (doubled for float32: twice the lanes per vector)" : "");

        for (int training = 1; training <= trainings; training++) {
            if (trainings > 1) {
                System.out.printf(Locale.ROOT, "training %d of %d in this JVM%s%n", training, trainings,
                        training > 1 ? " (its JIT compiler already warm, as a service's is after its first job)" : "");
            }
            train(epochs, precision, runner, kernel, data, network, peakGflops);
        }
    }

    /** One training of R1 from fresh weights, its epochs and RESULT line printed. */
    private static void train(int epochs, Precision precision, TaskRunner runner, MatrixKernel kernel, Examples data,
                              NetworkSpec network, double peakGflops) {
        PenaltySpec l2 = new PenaltySpec(0, 1e-4 * data.rows(), false, L1Update.SUBGRADIENT, 0, null, List.of());
        // The engine tracks a best epoch by some monitor. train_loss would cost a pass over all 60 000 training rows
        // per epoch (J at the end-of-epoch weights, MATH.md), which the peers do not do; val_loss on the first 128
        // rows costs a thousandth of an epoch, so the epochs time the training, as the peers' do.
        TrainingPlan plan = new TrainingPlan(network, new OptimizerSpec(OptimizerKind.MOMENTUM, 0.05, 0.9, 0.9, 0.999,
                1e-8), l2, new DropoutSpec(0, List.of(0.5, 0.5)), EarlyStoppingSpec.trackingOnly(Monitor.VAL_LOSS),
                epochs, 128, true, 7).withPrecision(precision);
        int held = Math.min(128, data.rows());
        Examples tracking = data.rows(0, held);
        List<Double> seconds = new ArrayList<>();
        double[] finalAccuracy = {Double.NaN};
        long[][] collectionsAfterFirstEpoch = {null}; // count and milliseconds at the end of epoch 1
        long[] compiledMillis = {compilationMillis()}; // the JIT's total when the last epoch ended
        long[] stolenMillis = {stolenMillis()}; // the host's steal time when the last epoch ended
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onEpoch(EpochMetrics row, LiveState state) {
                seconds.add(row.seconds());
                finalAccuracy[0] = row.valAccuracy();
                if (row.epoch() == 1) {
                    collectionsAfterFirstEpoch[0] = collections();
                }
                long compiled = compilationMillis();
                long stolen = stolenMillis();
                // the JIT's compiler threads share the cores with the training: its time during the epoch; and the
                // time the hypervisor gave these cores to other guests ("steal", all cores summed, 10 ms steps)
                System.out.printf(Locale.ROOT, "epoch %d %.3fs loss %.4f jit %d ms steal %d ms%s%n", row.epoch(),
                        row.seconds(), row.trainDataLoss(), compiled - compiledMillis[0], stolen - stolenMillis[0],
                        runner instanceof SpinningRunner spinning ? String.format(Locale.ROOT,
                                " (runner so far: %d stalls, %d bursts; waited %d ms, %d of them in stalls; %d jobs,"
                                + " %d run alone)", spinning.stalls(), spinning.bursts(),
                                spinning.waitNanos() / 1_000_000, spinning.stallNanos() / 1_000_000, spinning.jobs(),
                                spinning.soloJobs()) : "");
                compiledMillis[0] = compiled;
                stolenMillis[0] = stolen;
            }
        };
        Trainer.start(plan, data, tracking,
                        EngineContext.DEFAULT.withKernel(kernel).withRunner(runner).withTicker(System::nanoTime))
                .run(listener, () -> false);

        if (runner instanceof SpinningRunner spinning) {
            System.out.printf(Locale.ROOT, "runner: %d threads, %d stalls, %d bursts (two within 20 ms: the caller "
                    + "runs alone, at most %d ms)%n", spinning.parallelism(), spinning.stalls(), spinning.bursts(),
                    spinning.maxSoloNanos() / 1_000_000);
        }
        List<Double> sorted = seconds.stream().sorted().toList();
        double median = sorted.get(sorted.size() / 2);
        double gflops = flopsPerEpoch(network, data.rows()) / median / 1e9;
        if (kernel.name().startsWith("vector") && !kernel.name().startsWith("vector-dense")) {
            System.out.println("gflops and peak_fraction count every product as dense; this kernel skips exact zeros,"
                    + " so they are the rate a dense engine would need to match it (--kernel vector-dense for one)");
        }
        System.out.printf(Locale.ROOT, "final val_accuracy on the first 128 rows %.4f%n", finalAccuracy[0]);
        // A training step allocates nothing once compiled: collections after the first epoch mean garbage somewhere
        // (a vector the JIT did not scalarise, docs/performance.md's seventh pass).
        long[] atEnd = collections();
        System.out.printf(Locale.ROOT, "garbage collections after epoch 1: %d (%d ms)%n",
                atEnd[0] - collectionsAfterFirstEpoch[0][0], atEnd[1] - collectionsAfterFirstEpoch[0][1]);
        System.out.printf(Locale.ROOT, "RESULT regtrain-%s-%s median_epoch_s %.3f best_epoch_s %.3f samples_per_s %.0f"
                        + " gflops %.1f peak_fraction %.3f peak_rss_mib %.0f%n", kernel.name(), precision.apiName(),
                median, sorted.get(0), data.rows() / median, gflops, gflops / peakGflops, peakRssMib());
    }

    /** How many garbage collections the JVM has run so far, and their milliseconds in all. */
    static long[] collections() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, collector.getCollectionCount());
            millis += Math.max(0, collector.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    /** The JIT compiler's time so far, in milliseconds (0 where the JVM does not measure it). */
    static long compilationMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /**
     * The time the hypervisor ran other guests while this machine's cores wanted to run (the "steal" column of
     * /proc/stat's cpu line, in USER_HZ = 100 ticks a second), in milliseconds; 0 where there is no /proc/stat.
     */
    static long stolenMillis() {
        String[] fields = procLine("/proc/stat", "cpu ").trim().split("\\s+");
        return fields.length > 8 ? Long.parseLong(fields[8]) * 10 : 0;
    }

    /** f64 or float64, f32 or float32. */
    static Precision precision(String name) {
        return switch (name) {
            case "f64", "float64" -> Precision.FLOAT64;
            case "f32", "float32" -> Precision.FLOAT32;
            default -> throw new IllegalArgumentException("--precision is f64 or f32, not " + name);
        };
    }

    /**
     * "auto", "vector" or "ojalgo" (Kernels.select), or "vector-dense" (the vector kernel without its skipping of
     * zeros, {@link VectorKernel#dense()}), optionally with ":threads", e.g. "vector:2".
     */
    static MatrixKernel kernel(String spec) {
        return kernel(spec, runnerFor(spec));
    }

    /** The kernel the spec names, on the given runner (from {@link #runnerFor} of the same spec). */
    static MatrixKernel kernel(String spec, TaskRunner runner) {
        String name = spec.replaceAll(":.*", "");
        if (name.equals("vector-dense")) {
            return ((VectorKernel) Kernels.select("vector", runner)).dense();
        }
        return Kernels.select(name, runner);
    }

    /**
     * The runner for "name:threads" (the training step uses it too), or the sequential one. With threads, a spinning
     * runner: with a ForkJoinPool, whose idle workers park, the caller waited for a worker to wake up in 15–50 % of
     * every product on this machine.
     */
    static TaskRunner runnerFor(String spec) {
        int colon = spec.indexOf(':');
        int threads = colon < 0 ? 1 : Integer.parseInt(spec.substring(colon + 1));
        if (threads <= 1) {
            return TaskRunner.SEQUENTIAL;
        }
        Long soloMs = Long.getLong("regtrain.bench.soloMs"); // a fixed solo window, to compare with the service's
        return soloMs == null ? new SpinningRunner(threads)
                : new SpinningRunner(threads, SpinningRunner.SPIN_NANOS, soloMs * 1_000_000);
    }

    /** Multiply-adds of the three products per layer, 2 flops each; the input layer needs no input gradient. */
    static double flopsPerEpoch(NetworkSpec network, int samples) {
        double perSample = 0;
        for (int l = 1; l <= network.layerCount(); l++) {
            double weights = (double) network.units(l - 1) * network.units(l);
            perSample += 2 * weights * (l == 1 ? 2 : 3);
        }
        return perSample * samples;
    }

    /** VmHWM of this process, or NaN where /proc is not available. */
    static double peakRssMib() {
        String digits = procLine("/proc/self/status", "VmHWM:").replaceAll("\\D", "");
        return digits.isEmpty() ? Double.NaN : Long.parseLong(digits) / 1024.0;
    }

    /** The first line of a /proc file that starts with {@code prefix}, or "" where there is none (or no /proc). */
    private static String procLine(String file, String prefix) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
        } catch (IOException e) {
            return "";
        }
        return "";
    }
}
