package dev.regtrain.models;

import dev.regtrain.common.InvalidRequestException;
import dev.regtrain.common.FieldError;
import dev.regtrain.config.RegtrainProperties;
import dev.regtrain.data.Dataset;
import dev.regtrain.data.Preparation;
import dev.regtrain.data.PreparedData;
import dev.regtrain.data.Split;
import dev.regtrain.datasets.DatasetService;
import dev.regtrain.datasets.JobDatasets;
import dev.regtrain.engine.EngineContext;
import dev.regtrain.engine.Examples;
import dev.regtrain.engine.GradientCheck;
import dev.regtrain.engine.Output;
import dev.regtrain.engine.TrainingPlan;
import dev.regtrain.jobs.CheckpointStore;
import dev.regtrain.jobs.JobRecord;
import dev.regtrain.jobs.JobService;
import dev.regtrain.jobs.request.JobRequest;
import dev.regtrain.jobs.request.PlanFactory;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The gradient check of a job's checkpoint on the job's exact objective (its penalties, label smoothing and class
 * weights; dropout off; batch normalisation with the statistics of the examples checked), over the first examples
 * of its training split as the job prepared them. Deterministic: the same request gives the same numbers.
 */
@Service
public class GradientCheckService {

    static final int MAX_EXAMPLES = 1024;
    static final int MAX_PARAMETERS_PER_LAYER = 1000;
    /** A check may cost at most this many multiply-adds (a few seconds on one core). */
    static final double MAX_WORK = 2e10;

    private final JobService jobs;
    private final ModelService models;
    private final JobDatasets datasets;
    private final EngineContext engine;

    public GradientCheckService(JobService jobs, ModelService models, DatasetService datasets, EngineContext engine) {
        this.jobs = jobs;
        this.models = models;
        this.datasets = new JobDatasets(datasets);
        this.engine = engine;
    }

    public GradientCheckResponse check(String jobId, GradientCheckRequest request) {
        JobRecord job = jobs.get(jobId);
        GradientCheckRequest r = request != null ? request : new GradientCheckRequest(null, null, null);
        List<FieldError> errors = new ArrayList<>();
        int examples = bounded("examples", r.examples(), 32, MAX_EXAMPLES, errors);
        int perLayer = bounded("parametersPerLayer", r.parametersPerLayer(), 50, MAX_PARAMETERS_PER_LAYER, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        String ref = r.checkpoint() != null ? r.checkpoint() : models.modelRef(job);
        CheckpointStore.Loaded loaded = models.load(jobId, ref);
        JobRequest spec = job.request();
        Dataset dataset = datasets.forJob(spec);
        Split split = Split.of(dataset, spec.validationSplit(), spec.seed());
        Output output = PlanFactory.constant(Output.class, spec.network().output());
        PreparedData data = Preparation.prepare(dataset, split, spec.standardize(), output);
        Examples train = data.train();
        TrainingPlan plan = PlanFactory.plan(spec, dataset.inputs(), train.outputs(), data.validation() != null,
                dataset.classes());
        int rows = Math.min(examples, train.rows());
        long checks = (long) perLayer * plan.network().layerCount();
        double work = 2.0 * checks * rows * plan.network().parameterCount();
        if (work > MAX_WORK) {
            throw new InvalidRequestException("parametersPerLayer", "a check of " + perLayer + " parameters per layer "
                    + "on " + rows + " examples of this network would take about " + Math.round(work / 1e9)
                    + " billion multiply-adds; at most " + Math.round(MAX_WORK / 1e9) + " are allowed: ask for fewer "
                    + "examples or parameters");
        }
        Examples sample = train.rows(0, rows);
        GradientCheck.Result result = GradientCheck.run(plan, loaded.state().toNetwork(), sample, train.rows(),
                perLayer, engine.kernel());
        return GradientCheckResponse.of(ref, loaded.info().epoch(), result);
    }

    private static int bounded(String field, Integer value, int fallback, int max, List<FieldError> errors) {
        if (value == null) {
            return fallback;
        }
        if (value < 1 || value > max) {
            errors.add(new FieldError(field, "must be between 1 and " + max + "; got " + value));
            return fallback;
        }
        return value;
    }
}
