package dev.regtrain.jobs;

import dev.regtrain.jobs.request.CrossValidations;
import dev.regtrain.jobs.request.Objectives;
import dev.regtrain.jobs.request.PlanFactory;
import dev.regtrain.data.Dataset;
import dev.regtrain.data.PreparedData;
import dev.regtrain.data.Preparation;
import dev.regtrain.data.Split;
import dev.regtrain.data.augment.AugmentationSettings;
import dev.regtrain.data.augment.Augmenter;
import dev.regtrain.engine.EngineContext;
import dev.regtrain.jobs.cores.SharedCores;
import dev.regtrain.engine.Output;
import dev.regtrain.engine.StopReason;
import dev.regtrain.engine.Trainer;
import dev.regtrain.engine.TrainingOutcome;
import dev.regtrain.engine.TrainingPlan;
import dev.regtrain.engine.TrainingState;
import dev.regtrain.models.document.ModelDocument;
import dev.regtrain.models.document.ModelDocuments;
import dev.regtrain.models.document.ModelMeta;
import dev.regtrain.common.Sha256;
import dev.regtrain.data.DatasetCodec;
import dev.regtrain.models.document.StandardizationDocument;
import dev.regtrain.jobs.request.JobRequest;
import dev.regtrain.common.StorageException;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one job on a worker thread: prepare its data, train, checkpoint, and record how it ended. */
final class JobRunner implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final JobEntry entry;
    private final JobContext context;
    private final boolean recovering;
    /** Let go as soon as the trainer has taken it in, so that training never holds a second copy of the state. */
    private TrainingState resumeFrom;

    /**
     * @param resumeFrom the checkpoint to continue from after a restart, or null
     * @param recovering whether the job was RUNNING when the service stopped
     */
    JobRunner(JobEntry entry, JobContext context, TrainingState resumeFrom, boolean recovering) {
        this.entry = entry;
        this.context = context;
        this.resumeFrom = resumeFrom;
        this.recovering = recovering;
    }

    /**
     * Whatever fails (the store included: a full disk), the job ends with a reason and the worker lives on for the
     * next job. Only the death of the process itself gets past this.
     */
    @Override
    public void run() {
        try {
            if (!context.lifecycle().start(entry, resumeFrom, recovering)) {
                return; // cancelled while waiting
            }
            train();
        } catch (JobLostException e) {
            entry.markLost();
            log.warn("job {}: {}; this instance stops training it", entry.id(), e.getMessage());
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            if (e instanceof StorageException) {
                log.warn("job {} failed: {}", entry.id(), e.getMessage());
            } else {
                log.warn("job {} failed", entry.id(), e);
            }
            context.lifecycle().fail(entry, e);
        }
    }

    /** What training needs once the data is prepared; the dataset as loaded is let go by then. */
    private record Prepared(TrainingPlan plan, PreparedData data, EngineContext engine) {
    }

    private void train() {
        JobRequest request = entry.record().request();
        Prepared prepared = prepare(request);
        PreparedData data = prepared.data();
        TrainingPlan plan = prepared.plan();
        Trainer trainer = newTrainer(plan, data, prepared.engine());
        CheckpointingListener listener = new CheckpointingListener(entry, context, request, data.train().rows(),
                plan.earlyStopping().monitor());
        TrainingOutcome outcome;
        try (SharedCores.Training training = context.cores().training()) {
            outcome = trainer.run(listener, () -> entry.cancelRequested() || entry.lost()
                    || context.lifecycle().stopping());
        } catch (RuntimeException e) {
            if (!entry.lost()) {
                writeRowsBeforeFailing(listener, e);
            }
            throw e;
        }
        if (entry.lost()) {
            return; // another instance trains it now: nothing more is written from here
        }
        listener.writeRows();
        listener.writeBest();
        if (outcome.reason() == StopReason.CANCELLED && !entry.cancelRequested()) {
            context.lifecycle().suspended(entry, trainer.stateView());
            return;
        }
        context.lifecycle().finish(entry, outcome, trainer.stateView(), listener.best());
    }

    /** A failing job keeps the rows of the epochs it finished; a row that cannot be written does not hide the cause. */
    private static void writeRowsBeforeFailing(CheckpointingListener listener, RuntimeException cause) {
        try {
            listener.writeRows();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /** Loads (or generates) the dataset, splits and prepares it, and plans the training. */
    private Prepared prepare(JobRequest request) {
        Dataset dataset = context.datasets().forJob(request);
        Split split = CrossValidations.split(dataset, request);
        Output output = PlanFactory.constant(Output.class, request.network().output());
        PreparedData data = Preparation.prepare(dataset, split, request.standardize(), output,
                PlanFactory.precision(request));
        int outputs = data.train().outputs();
        MessageDigest datasetSha256 = Sha256.digest(); // streamed: the dataset's bytes are never all in memory
        DatasetCodec.encode(dataset, datasetSha256::update);
        ModelMeta meta = new ModelMeta(ModelDocuments.name(dataset.task()), dataset.inputs(), dataset.classes(),
                new StandardizationDocument(data.standardization().mean(), data.standardization().std()),
                Sha256.hex(datasetSha256));
        context.store().saveModelMeta(entry.id(), meta);
        int validationRows = data.validation() == null ? 0 : data.validation().rows();
        DataSummary summary = new DataSummary(request.dataset().id() != null ? "dataset:" + request.dataset().id()
                : "builtin:" + request.dataset().builtin(), ModelDocuments.name(dataset.task()), dataset.inputs(),
                outputs, dataset.classes(), data.train().rows(), validationRows);
        context.lifecycle().prepared(entry, summary, Objectives.describe(request, data.train().rows()));

        TrainingPlan plan = PlanFactory.plan(request, dataset.inputs(), outputs, data.validation() != null,
                dataset.classes());
        EngineContext engine = context.engine();
        AugmentationSettings augmentation = PlanFactory.augmentation(request);
        if (!augmentation.isNone()) {
            engine = engine.withAugmenter(Augmenter.forTraining(augmentation, dataset, split.train(),
                    data.standardization(), outputs));
        }
        return new Prepared(plan, data, engine);
    }

    /**
     * The trainer: resumed from the checkpoint (which is then let go) or from the state a continued job was given,
     * warm-started, or new.
     */
    private Trainer newTrainer(TrainingPlan plan, PreparedData data, EngineContext engine) {
        TrainingState from = resumeFrom != null ? resumeFrom : continuedState();
        resumeFrom = null;
        if (from != null) {
            return Trainer.resume(plan, from, data.train(), data.validation(), engine);
        }
        ModelDocument initial = context.store().loadInitialModel(entry.id()).orElse(null);
        return initial == null ? Trainer.start(plan, data.train(), data.validation(), engine)
                : Trainer.warmStart(plan, ModelDocuments.toNetwork(initial, plan.network()), data.train(),
                data.validation(), engine);
    }

    /** A continued job starts from the state it was given, kept as its own first checkpoint; others from scratch. */
    private TrainingState continuedState() {
        if (entry.record().continuedFrom() == null) {
            return null;
        }
        return context.checkpoints().load(entry.id(), "latest").map(CheckpointStore.Loaded::state)
                .orElseThrow(() -> new IllegalStateException("the state this job continues from is missing"));
    }
}
