package dev.regtrain.models;

import dev.regtrain.jobs.CheckpointInfo;
import dev.regtrain.jobs.CheckpointKind;
import dev.regtrain.jobs.CheckpointStore;
import dev.regtrain.common.ConflictException;
import dev.regtrain.common.InvalidRequestException;
import dev.regtrain.jobs.JobRecord;
import dev.regtrain.jobs.JobService;
import dev.regtrain.jobs.JobStore;
import dev.regtrain.common.NotFoundException;
import dev.regtrain.jobs.request.PlanFactory;
import dev.regtrain.config.RegtrainProperties;
import dev.regtrain.engine.DropoutSpec;
import dev.regtrain.engine.EngineContext;
import dev.regtrain.engine.Network;
import dev.regtrain.engine.Output;
import dev.regtrain.engine.Predictor;
import dev.regtrain.engine.RandomPurpose;
import dev.regtrain.engine.Rng;
import dev.regtrain.models.document.ModelDocument;
import dev.regtrain.models.document.ModelDocuments;
import dev.regtrain.models.document.ModelMeta;
import dev.regtrain.jobs.request.EarlyStoppingRequest;
import java.util.List;
import java.util.function.BooleanSupplier;
import dev.regtrain.engine.Stopped;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** A job's checkpoints and model as documents, and predictions with them. */
@Service
public class ModelService {

    private final JobService jobs;
    private final CheckpointStore checkpoints;
    private final JobStore store;
    private final EngineContext engine;
    private final RegtrainProperties.Limits limits;
    private final ProvenanceSource provenance;

    ModelService(JobService jobs, CheckpointStore checkpoints, JobStore store, EngineContext engine,
                 RegtrainProperties properties, ProvenanceSource provenance) {
        this.jobs = jobs;
        this.provenance = provenance;
        this.checkpoints = checkpoints;
        this.store = store;
        this.engine = engine;
        this.limits = properties.limits();
    }

    /** The checkpoints as stored (sizes and digests of the stored state, not of the served documents). */
    List<CheckpointInfo> storedCheckpoints(String jobId) {
        jobs.get(jobId);
        return checkpoints.list(jobId);
    }

    /** A checkpoint ({@code best}, {@code latest} or an epoch) as a model document with its provenance. */
    public ModelDocument checkpoint(String jobId, String ref) {
        return served(jobId, ref).orElseThrow(() -> new NotFoundException("job " + jobId + " has no checkpoint '"
                + ref + "'")).document();
    }

    /**
     * The model the job produced: after it ended, the best weights with restoreBestWeights, else the last; while it
     * runs, the best checkpoint so far with restoreBestWeights, else the latest. 409 while there is none.
     */
    public ModelDocument model(String jobId) {
        return checkpoint(jobId, modelRef(jobs.get(jobId)));
    }

    /** A document as served, and the checkpoint it was made from. */
    record Served(CheckpointInfo checkpoint, ModelDocument document) {
    }

    /** The checkpoint {@code ref} as served (empty when there is none that reads back intact). */
    Optional<Served> served(String jobId, String ref) {
        JobRecord job = jobs.get(jobId);
        return checkpoints.load(jobId, ref).map(loaded -> {
            ModelMeta meta = meta(jobId);
            ModelDocument document = ModelDocuments.toDocument(jobId, loaded.info().epoch(), meta,
                    loaded.state().network(), loaded.state().parameters(), loaded.state().precision());
            return new Served(loaded.info(), document.withProvenance(provenance.of(job, meta, loaded.info())));
        });
    }

    /** The reference of the checkpoint {@link #model} serves; 409 while there is none. */
    String modelRef(String jobId) {
        return modelRef(jobs.get(jobId));
    }

    public Predictions predict(String jobId, PredictionRequest request) {
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
        checkWork(rows, samples, network.spec().parameterCount());
        long deadline = System.nanoTime() + limits.predictionTimeout().toNanos();
        BooleanSupplier late = () -> System.nanoTime() > deadline;
        String precision = loaded.state().precision().apiName();
        try {
            if (samples == 0) {
                return new Predictions(Inputs.predictions(Predictor.predict(network, features, rows, engine.kernel(),
                        late), null, rows, network.spec(), meta), precision);
            }
            DropoutSpec dropout = PlanFactory.dropout(job.request());
            long seed = request.seed() != null ? request.seed() : job.request().seed();
            Predictor.Distribution distribution = Predictor.predictWithDropout(network, dropout, features, rows,
                    samples, Rng.of(seed, RandomPurpose.PREDICT), engine.kernel(), late);
            return new Predictions(Inputs.predictions(distribution.mean(), distribution.std(), rows, network.spec(),
                    meta), precision);
        } catch (Stopped e) {
            throw new PredictionTooLongException("the prediction was stopped after "
                    + limits.predictionTimeout().toSeconds() + " s (regtrain.limits.prediction-timeout): ask for "
                    + "fewer rows or Monte-Carlo passes per request");
        }
    }

    /** Refuses, before anything is computed, a prediction that would take more than the work limit allows. */
    private void checkWork(int rows, int samples, long parameters) {
        double work = (double) rows * Math.max(1, samples) * parameters;
        if (work > limits.maxPredictionWork()) {
            throw new InvalidRequestException(samples > 0 ? "mcDropoutSamples" : "inputs", String.format(
                    java.util.Locale.ROOT, "%d rows × %d passes × %d parameters is about %.3g multiply-adds; one "
                    + "request may ask for %.3g (regtrain.limits.max-prediction-work): send fewer rows or passes",
                    rows, Math.max(1, samples), parameters, work, (double) limits.maxPredictionWork()));
        }
    }

    /**
     * Class probabilities of the job's current model (the one {@link #model} serves) for raw input rows, in plain
     * inference: {@code rows × classes} values, row-major, also for a sigmoid output. Empty while the job has no
     * model. The caller chooses the rows (a plot's grid), so the prediction row limit does not apply.
     */
    public Optional<ClassProbabilities> classProbabilities(JobRecord job, double[][] inputs) {
        Optional<String> ref = findModelRef(job);
        Optional<ModelMeta> meta = store.loadModelMeta(job.id());
        Optional<CheckpointStore.Loaded> loaded = ref.flatMap(r -> checkpoints.load(job.id(), r));
        if (meta.isEmpty() || loaded.isEmpty() || meta.get().classes() == null) {
            return Optional.empty();
        }
        double[] features = Inputs.standardised(inputs, meta.get(), inputs.length);
        Network network = loaded.get().state().toNetwork();
        double[] outputs = Predictor.predict(network, features, inputs.length, engine.kernel());
        if (network.spec().output() != Output.SIGMOID) {
            return Optional.of(new ClassProbabilities(loaded.get().info().epoch(), network.spec().outputs(), outputs));
        }
        double[] both = new double[2 * inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            both[2 * i] = 1 - outputs[i];
            both[2 * i + 1] = outputs[i];
        }
        return Optional.of(new ClassProbabilities(loaded.get().info().epoch(), 2, both));
    }

    /** The checkpoint the job's model is in (409 while there is none). */
    String modelRef(JobRecord job) {
        return findModelRef(job).orElseThrow(() -> new ConflictException("job " + job.id()
                + " has not produced a model (status " + job.status() + ", epoch " + job.epochsDone() + ")"));
    }

    private Optional<String> findModelRef(JobRecord job) {
        if (job.modelRef() != null) {
            return Optional.of(job.modelRef());
        }
        List<CheckpointInfo> stored = checkpoints.list(job.id());
        if (job.status().isFinal() || stored.isEmpty()) {
            return Optional.empty();
        }
        EarlyStoppingRequest es = job.request().regularization().earlyStopping();
        boolean restoresBest = es != null && es.restoreBestWeights();
        return Optional.of(restoresBest && stored.stream().anyMatch(c -> c.kind() == CheckpointKind.BEST) ? "best"
                : "latest");
    }

    /** A checkpoint of the job (404 when it has none by that ref). */
    CheckpointStore.Loaded load(String jobId, String ref) {
        return checkpoints.load(jobId, ref)
                .orElseThrow(() -> new NotFoundException("job " + jobId + " has no checkpoint '" + ref + "'"));
    }

    /** What the job's models share besides their weights (409 before the job prepared its data). */
    ModelMeta meta(String jobId) {
        return store.loadModelMeta(jobId).orElseThrow(() -> new ConflictException(
                "job " + jobId + " has not prepared its data yet"));
    }
}
