package dev.regtrain.models.onnx;

import dev.regtrain.models.document.BatchNormDocument;
import dev.regtrain.models.document.ModelDocument;
import dev.regtrain.models.document.ModelLayer;
import dev.regtrain.models.document.StandardizationDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** Model documents with random weights, built from a seed, for any architecture the service trains. */
final class HandMadeModels {

    private HandMadeModels() {
    }

    /**
     * A document with {@code inputs} features, hidden layers of the given sizes and activations, and an output
     * ({@code sigmoid}, {@code softmax} with {@code outputs} classes, or {@code linear}); hidden layers listed in
     * {@code batchNormLayers} (1-based) are batch-normalised and have no bias.
     */
    static ModelDocument document(long seed, int inputs, int[] hidden, String[] activations, String output,
                                  int outputs, int... batchNormLayers) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ModelLayer> layers = new ArrayList<>();
        int previous = inputs;
        for (int l = 0; l <= hidden.length; l++) {
            boolean last = l == hidden.length;
            int units = last ? outputs : hidden[l];
            double scale = 1.5 / Math.sqrt(previous);
            double[][] weights = new double[previous][units];
            for (double[] row : weights) {
                for (int j = 0; j < units; j++) {
                    row[j] = random.nextDouble(-scale, scale);
                }
            }
            int layer = l + 1;
            boolean batchNorm = IntStream.of(batchNormLayers).anyMatch(b -> b == layer);
            double[] bias = batchNorm ? null : values(random, units, -0.5, 0.5);
            BatchNormDocument bn = batchNorm ? new BatchNormDocument(values(random, units, 0.5, 2.0),
                    values(random, units, -1, 1), values(random, units, -0.3, 0.3), values(random, units, 0.05, 3.0),
                    1e-5) : null;
            layers.add(new ModelLayer(previous, units, last ? output : activations[l], weights, bias, bn));
            previous = units;
        }
        List<String> classes = output.equals("linear") ? null : output.equals("sigmoid") ? List.of("no", "yes")
                : IntStream.range(0, outputs).mapToObj(k -> "class" + k).toList();
        StandardizationDocument standardization = new StandardizationDocument(values(random, inputs, -2, 2),
                values(random, inputs, 0.3, 4));
        return new ModelDocument(ModelDocument.FORMAT, "hand-made", 7, output.equals("linear") ? "regression"
                : "classification", inputs, classes, standardization, layers);
    }

    /** Raw rows around the standardisation's mean, a few standard deviations wide. */
    static double[][] rows(long seed, ModelDocument document, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] rows = new double[count][document.inputs()];
        for (double[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                row[j] = document.standardization().mean()[j]
                        + random.nextDouble(-3, 3) * document.standardization().std()[j];
            }
        }
        return rows;
    }

    private static double[] values(SplittableRandom random, int count, double from, double to) {
        return random.doubles(count, from, to).toArray();
    }
}
