import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.util.Arrays;
import java.util.Map;

/**
 * Serves a regtrain ONNX export with ONNX Runtime (com.microsoft.onnxruntime:onnxruntime), two raw iris rows:
 * java -cp onnxruntime-1.29.0.jar examples/onnx/Predict.java iris.onnx
 */
public class Predict {
    public static void main(String[] args) throws OrtException {
        var env = OrtEnvironment.getEnvironment();
        try (var session = env.createSession(args[0]);
             var features = OnnxTensor.createTensor(env, new float[][] {{5.1f, 3.5f, 1.4f, 0.2f}, {6.7f, 3.0f, 5.2f, 2.3f}});
             var result = session.run(Map.of("features", features))) {
            System.out.println(Arrays.deepToString((float[][]) result.get("probabilities").get().getValue()));
            System.out.println(Arrays.toString((long[]) result.get("label").get().getValue()) + " of "
                    + session.getMetadata().getCustomMetadata().get("classes"));
        }
    }
}
