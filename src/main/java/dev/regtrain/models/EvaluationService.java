package dev.regtrain.models;

import dev.regtrain.common.InvalidRequestException;
import dev.regtrain.data.Dataset;
import dev.regtrain.data.Task;
import dev.regtrain.datasets.DatasetService;
import dev.regtrain.engine.EngineContext;
import dev.regtrain.engine.Examples;
import dev.regtrain.engine.Network;
import dev.regtrain.engine.Output;
import dev.regtrain.engine.Predictor;
import dev.regtrain.jobs.CheckpointStore;
import dev.regtrain.jobs.JobRecord;
import dev.regtrain.jobs.JobService;
import dev.regtrain.models.document.ModelMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * A job's model on another uploaded dataset (API.md, evaluations): the dataset's raw rows go through the model's
 * standardisation and the model in inference mode; classification labels are matched to the model's classes by
 * name.
 */
@Service
public class EvaluationService {

    /**
     * An evaluation: its summary ({@link ClassificationEvaluation} or {@link RegressionEvaluation}) and one row per
     * example for the CSV form, under {@code columns}.
     */
    public record Evaluation(Object summary, List<String> columns, List<Object[]> rows) {
    }

    private final JobService jobs;
    private final ModelService models;
    private final DatasetService datasets;
    private final EngineContext engine;

    public EvaluationService(JobService jobs, ModelService models, DatasetService datasets, EngineContext engine) {
        this.jobs = jobs;
        this.models = models;
        this.datasets = datasets;
        this.engine = engine;
    }

    public Evaluation evaluate(String jobId, EvaluationRequest request) {
        JobRecord job = jobs.get(jobId);
        if (request == null || request.dataset() == null || request.dataset().id() == null) {
            throw new InvalidRequestException("dataset.id", "is required: {\"dataset\": {\"id\": DATASET_ID}}");
        }
        String datasetId = request.dataset().id();
        if (datasets.find(datasetId).isEmpty()) {
            throw new InvalidRequestException("dataset.id", "no dataset with id '" + datasetId + "'");
        }
        String ref = request.checkpoint() != null ? request.checkpoint() : models.modelRef(job);
        CheckpointStore.Loaded loaded = models.load(jobId, ref);
        ModelMeta meta = models.meta(jobId);
        Dataset data = datasets.load(datasetId);
        if (data.inputs() != meta.inputs()) {
            throw new InvalidRequestException("dataset.id", "has " + data.inputs() + " features; the model takes "
                    + meta.inputs());
        }
        String task = data.task().name().toLowerCase(Locale.ROOT);
        if (!task.equals(meta.task())) {
            throw new InvalidRequestException("dataset.id", "is a " + task + "; the model is a " + meta.task());
        }
        Network network = loaded.state().toNetwork();
        double[] features = standardised(data, meta);
        double[] outputs = Predictor.predict(network, features, data.rows(), engine.kernel());
        return data.task() == Task.CLASSIFICATION ? classification(data, meta, network, features, outputs)
                : regression(data, network, features, outputs);
    }

    private static double[] standardised(Dataset data, ModelMeta meta) {
        double[] mean = meta.standardization().mean();
        double[] std = meta.standardization().std();
        double[] features = new double[data.features().length];
        for (int i = 0; i < data.rows(); i++) {
            for (int j = 0; j < data.inputs(); j++) {
                int k = i * data.inputs() + j;
                features[k] = (data.features()[k] - mean[j]) / std[j];
            }
        }
        return features;
    }

    private Evaluation classification(Dataset data, ModelMeta meta, Network network, double[] features,
                                      double[] outputs) {
        List<String> classes = meta.classes();
        int k = classes.size();
        int units = network.spec().outputs();
        int[] truth = new int[data.rows()];
        double[] targets = new double[data.rows() * units];
        for (int i = 0; i < data.rows(); i++) {
            String label = data.classes().get(data.labels()[i]);
            truth[i] = classes.indexOf(label);
            if (truth[i] < 0) {
                throw new InvalidRequestException("dataset.id", "has the label '" + label + "', which is not a class "
                        + "of the model; its classes are " + classes);
            }
            if (network.spec().output() == Output.SIGMOID) {
                targets[i] = truth[i];
            } else {
                targets[i * units + truth[i]] = 1;
            }
        }
        double[] probabilities = new double[data.rows() * k];
        int[] predicted = new int[data.rows()];
        int correct = 0;
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < data.rows(); i++) {
            for (int c = 0; c < k; c++) {
                probabilities[i * k + c] = units == 1 ? (c == 1 ? outputs[i] : 1 - outputs[i]) : outputs[i * k + c];
                predicted[i] = probabilities[i * k + c] > probabilities[i * k + predicted[i]] ? c : predicted[i];
            }
            if (units == 1) {
                predicted[i] = outputs[i] >= 0.5 ? 1 : 0; // as training counts a sigmoid's predictions
            }
            correct += predicted[i] == truth[i] ? 1 : 0;
            Object[] row = new Object[3 + k];
            row[0] = i;
            row[1] = classes.get(truth[i]);
            row[2] = classes.get(predicted[i]);
            for (int c = 0; c < k; c++) {
                row[3 + c] = probabilities[i * k + c];
            }
            rows.add(row);
        }
        long[][] confusion = EvaluationScores.confusionMatrix(truth, predicted, k);
        Double auc = null;
        if (k == 2) {
            double[] scores = new double[data.rows()];
            boolean[] positive = new boolean[data.rows()];
            for (int i = 0; i < data.rows(); i++) {
                scores[i] = probabilities[i * 2 + 1];
                positive[i] = truth[i] == 1;
            }
            auc = EvaluationScores.rocAuc(scores, positive);
        }
        double loss = Predictor.meanLoss(network, new Examples(features, targets, data.rows(), data.inputs(), units),
                engine.kernel());
        ClassificationEvaluation summary = new ClassificationEvaluation(data.rows(), loss,
                (double) correct / data.rows(), classes, confusion, EvaluationScores.perClass(confusion, classes), auc);
        List<String> columns = new ArrayList<>(List.of("row", "label", "predicted"));
        classes.forEach(c -> columns.add("probability." + c));
        return new Evaluation(summary, columns, rows);
    }

    private Evaluation regression(Dataset data, Network network, double[] features, double[] outputs) {
        double[] truth = data.targets();
        double loss = Predictor.meanLoss(network, new Examples(features, truth.clone(), data.rows(), data.inputs(), 1),
                engine.kernel());
        double[] scores = EvaluationScores.regression(outputs, truth);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < data.rows(); i++) {
            rows.add(new Object[] {i, truth[i], outputs[i]});
        }
        RegressionEvaluation summary = new RegressionEvaluation(data.rows(), loss, scores[0], scores[1],
                Double.isNaN(scores[2]) ? null : scores[2]);
        return new Evaluation(summary, List.of("row", "value", "predicted"), rows);
    }
}
