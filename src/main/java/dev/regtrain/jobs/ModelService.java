package dev.regtrain.jobs;

import dev.regtrain.config.RegtrainProperties;
import dev.regtrain.engine.DropoutSpec;
import dev.regtrain.engine.EngineContext;
import dev.regtrain.engine.Network;
import dev.regtrain.engine.Predictor;
import dev.regtrain.engine.RandomPurpose;
import dev.regtrain.engine.Rng;
import dev.regtrain.jobs.model.ModelDocument;
import dev.regtrain.jobs.model.ModelDocuments;
import dev.regtrain.jobs.model.ModelMeta;
import dev.regtrain.jobs.request.EarlyStoppingRequest;
import java.util.List;
import org.springframework.stereotype.Service;

/** A job's checkpoints and model as documents, and predictions with them. */
@Service
public class ModelService {

    private final JobService jobs;
    private final CheckpointStore checkpoints;
    private final JobStore store;
    private final EngineContext engine;
    private final RegtrainProperties.Limits limits;

    public ModelService(JobService jobs, CheckpointStore checkpoints, JobStore store, EngineContext engine,
                        RegtrainProperties properties) {
        this.jobs = jobs;
        this.checkpoints = checkpoints;
        this.store = store;
        this.engine = engine;
        this.limits = properties.limits();
    }

    public List<CheckpointInfo> checkpoints(String jobId) {
        jobs.get(jobId);
        return checkpoints.list(jobId);
    }

    /** A checkpoint ({@code best}, {@code latest} or an epoch) as a model document. */
    public ModelDocument checkpoint(String jobId, String ref) {
        jobs.get(jobId);
        CheckpointStore.Loaded loaded = checkpoints.load(jobId, ref)
                .orElseThrow(() -> new NotFoundException("job " + jobId + " has no checkpoint '" + ref + "'"));
        return ModelDocuments.toDocument(jobId, loaded.info().epoch(), meta(jobId), loaded.state().network(),
                loaded.state().parameters());
    }

    /**
     * The model the job produced: after it ended, the best weights with restoreBestWeights, else the last; while it
     * runs, the best checkpoint so far with restoreBestWeights, else the latest. 409 while there is none.
     */
    public ModelDocument model(String jobId) {
        return checkpoint(jobId, modelRef(jobs.get(jobId)));
    }

    public List<Prediction> predict(String jobId, PredictionRequest request) {
        JobRecord job = jobs.get(jobId);
        String ref = request.checkpoint() != null ? request.checkpoint() : modelRef(job);
        int samples = request.mcDropoutSamples() == null ? 0 : request.mcDropoutSamples();
        if (samples < 0 || samples > limits.maxMonteCarloSamples()) {
            throw new InvalidRequestException("mcDropoutSamples", "must be between 0 and "
                    + limits.maxMonteCarloSamples() + " (limit regtrain.limits.max-monte-carlo-samples); got " + samples);
        }
        CheckpointStore.Loaded loaded = checkpoints.load(jobId, ref)
                .orElseThrow(() -> new NotFoundException("job " + jobId + " has no checkpoint '" + ref + "'"));
        ModelMeta meta = meta(jobId);
        double[] features = Inputs.standardised(request.inputs(), meta, limits.maxPredictionRows());
        int rows = request.inputs().length;
        Network network = loaded.state().toNetwork();
        if (samples == 0) {
            return Inputs.predictions(Predictor.predict(network, features, rows, engine.kernel()), null, rows,
                    network.spec(), meta);
        }
        DropoutSpec dropout = new DropoutSpec(job.request().regularization().dropout().input(),
                job.request().regularization().dropout().hidden());
        long seed = request.seed() != null ? request.seed() : job.request().seed();
        Predictor.Distribution distribution = Predictor.predictWithDropout(network, dropout, features, rows, samples,
                Rng.of(seed, RandomPurpose.PREDICT), engine.kernel());
        return Inputs.predictions(distribution.mean(), distribution.std(), rows, network.spec(), meta);
    }

    private String modelRef(JobRecord job) {
        if (job.modelRef() != null) {
            return job.modelRef();
        }
        List<CheckpointInfo> stored = checkpoints.list(job.id());
        if (job.status().isFinal() || stored.isEmpty()) {
            throw new ConflictException("job " + job.id() + " has not produced a model (status " + job.status()
                    + ", epoch " + job.epochsDone() + ")");
        }
        EarlyStoppingRequest es = job.request().regularization().earlyStopping();
        boolean restoresBest = es != null && es.restoreBestWeights();
        return restoresBest && stored.stream().anyMatch(c -> c.kind() == CheckpointKind.BEST) ? "best" : "latest";
    }

    private ModelMeta meta(String jobId) {
        return store.loadModelMeta(jobId).orElseThrow(() -> new ConflictException(
                "job " + jobId + " has not prepared its data yet"));
    }
}
