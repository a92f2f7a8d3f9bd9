package dev.regtrain.bench;

import dev.regtrain.engine.Examples;
import dev.regtrain.engine.FeatureValues;
import dev.regtrain.engine.Precision;
import dev.regtrain.engine.Rng;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * R1's data: the file the peer scripts use ({@code R1_DATA}, default {@code $TMPDIR/r1_synth_mnist.bin}: int32 n, d, c
 * little-endian, then float32 features and uint8 labels), so that every implementation trains on the same numbers.
 * Without the file, the same recipe from regtrain's generator: 0.3·prototype + 0.7·uniform noise.
 */
final class R1Data {

    static final int FEATURES = 784;
    static final int CLASSES = 10;

    private R1Data() {
    }

    static Path defaultPath() {
        String configured = System.getenv("R1_DATA");
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("java.io.tmpdir"), "r1_synth_mnist.bin");
    }

    static Examples load(int samples) throws IOException {
        return load(samples, Precision.FLOAT64);
    }

    /**
     * The data with its features held in {@code precision}, as a job prepares them: a float32 run reads the file's
     * floats as they are (the values the float64 run widens), and never holds them in double.
     */
    static Examples load(int samples, Precision precision) throws IOException {
        Path path = defaultPath();
        return Files.exists(path) ? read(path, samples, precision) : generate(samples).inPrecision(precision);
    }

    static String source() {
        return Files.exists(defaultPath()) ? defaultPath().toString() : "generated";
    }

    private static Examples read(Path path, int samples, Precision precision) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(header);
            header.flip();
            int n = header.getInt();
            int d = header.getInt();
            int c = header.getInt();
            int rows = Math.min(samples, n);
            ByteBuffer all = channel.map(FileChannel.MapMode.READ_ONLY, 12, (long) n * d * 4 + n).order(ByteOrder.LITTLE_ENDIAN);
            FeatureValues x;
            if (precision == Precision.FLOAT32) {
                float[] floats = new float[rows * d];
                all.asFloatBuffer().get(floats);
                x = new FeatureValues.Floats(floats);
            } else {
                double[] doubles = new double[rows * d];
                for (int i = 0; i < doubles.length; i++) {
                    doubles[i] = all.getFloat(4 * i);
                }
                x = new FeatureValues.Doubles(doubles);
            }
            double[] y = new double[rows * c];
            for (int i = 0; i < rows; i++) {
                y[i * c + (all.get(n * d * 4 + i) & 0xFF)] = 1.0;
            }
            return new Examples(x, y, rows, d, c);
        }
    }

    private static Examples generate(int samples) {
        Rng rng = new Rng(12345);
        double[] prototypes = new double[CLASSES * FEATURES];
        for (int i = 0; i < prototypes.length; i++) {
            prototypes[i] = rng.nextDouble();
        }
        double[] x = new double[samples * FEATURES];
        double[] y = new double[samples * CLASSES];
        for (int i = 0; i < samples; i++) {
            int label = rng.nextInt(CLASSES);
            y[i * CLASSES + label] = 1.0;
            for (int j = 0; j < FEATURES; j++) {
                x[i * FEATURES + j] = 0.3 * prototypes[label * FEATURES + j] + 0.7 * rng.nextDouble();
            }
        }
        return new Examples(x, y, samples, FEATURES, CLASSES);
    }
}
