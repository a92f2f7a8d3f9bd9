package dev.regtrain.models.onnx;

import dev.regtrain.engine.Precision;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.Map;

/** Runs an exported model in ONNX Runtime on raw rows, as a client of the service would. */
public final class OnnxRunner {

    /** What the model gave: probabilities and labels (classification) or values (regression), as doubles. */
    public record Outputs(double[][] probabilities, long[] labels, double[][] values, Map<String, String> metadata,
                          String producer) {
    }

    private OnnxRunner() {
    }

    public static Outputs run(byte[] model, double[][] rows, Precision precision) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(model, new OrtSession.SessionOptions());
             OnnxTensor features = OnnxTensor.createTensor(env, precision == Precision.FLOAT64 ? rows : floats(rows));
             OrtSession.Result result = session.run(Map.of("features", features))) {
            Map<String, String> metadata = session.getMetadata().getCustomMetadata();
            String producer = session.getMetadata().getProducerName();
            if (result.get("value").isPresent()) {
                return new Outputs(null, null, doubles(result.get("value").get()), metadata, producer);
            }
            return new Outputs(doubles(result.get("probabilities").orElseThrow()),
                    (long[]) result.get("label").orElseThrow().getValue(), null, metadata, producer);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime refused the model: " + e.getMessage(), e);
        }
    }

    private static float[][] floats(double[][] rows) {
        float[][] result = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            result[i] = new float[rows[i].length];
            for (int j = 0; j < rows[i].length; j++) {
                result[i][j] = (float) rows[i][j];
            }
        }
        return result;
    }

    private static double[][] doubles(OnnxValue value) throws OrtException {
        Object v = value.getValue();
        if (v instanceof double[][] d) {
            return d;
        }
        float[][] f = (float[][]) v;
        double[][] result = new double[f.length][];
        for (int i = 0; i < f.length; i++) {
            result[i] = new double[f[i].length];
            for (int j = 0; j < f[i].length; j++) {
                result[i][j] = f[i][j];
            }
        }
        return result;
    }
}
