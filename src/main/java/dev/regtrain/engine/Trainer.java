package dev.regtrain.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Trains a network by mini-batch gradient descent on J (MATH.md). All buffers are allocated at construction, so the
 * engine allocates nothing per mini-batch (a parallel {@link dev.regtrain.engine.kernel.TaskRunner} may: see {@code SpinningRunner}). A run is
 * reproducible from its plan, its data and its seed, and can be stopped after any epoch and continued from
 * {@link #state()} with bit-identical results.
 */
public final class Trainer {

    private final TrainingPlan plan;
    private final Examples train;
    private final EngineContext context;
    private final Network network;
    private final Optimizer optimizer;
    private final Penalties penalties;
    private final EarlyStopping earlyStopping;
    private final Rng shuffleRandom;
    private final Rng dropoutRandom;
    private final Rng augmentRandom;
    private final Workspace batch;
    private final Workspace lastBatch;
    private final Evaluator validator;
    /** J at the end-of-epoch weights over the training split, when something monitors {@code train_loss}. */
    private final Evaluator trainObjective;
    private final LearningRateSchedule schedule;
    private final ParameterUpdate update;
    private final int[] order;
    private final List<EpochMetrics> history;
    private final ParameterCopy best;
    private final ParameterCopy epochStart;
    private final EpochStatistics statistics;
    private final LiveState live = new LiveState() {
        @Override
        public TrainingState view() {
            return stateView();
        }

        @Override
        public TrainingState copy() {
            return state();
        }
    };
    private int epoch;

    private Trainer(TrainingPlan plan, Examples train, Examples validation, EngineContext context,
                    TrainingState state, Network initial) {
        checkData(plan, train, validation);
        this.plan = plan;
        this.train = train;
        this.context = context;
        NetworkSpec spec = plan.network();
        if (state != null) {
            this.network = state.toNetwork();
        } else if (initial != null) {
            if (!initial.spec().equals(spec)) {
                throw new IllegalArgumentException("the initial weights do not match the network's architecture");
            }
            this.network = initial.copy();
        } else {
            this.network = Network.initialise(spec, Rng.of(plan.seed(), RandomPurpose.INIT));
        }
        Network gradients = Network.zeros(spec);
        this.optimizer = Optimizer.create(plan.optimizer(), network.parameters());
        this.penalties = new Penalties(plan.penalty(), train.rows());
        this.shuffleRandom = state == null ? Rng.of(plan.seed(), RandomPurpose.SHUFFLE) : new Rng(state.shuffleRandom());
        this.dropoutRandom = state == null ? Rng.of(plan.seed(), RandomPurpose.DROPOUT) : new Rng(state.dropoutRandom());
        this.augmentRandom = state == null ? Rng.of(plan.seed(), RandomPurpose.AUGMENT) : new Rng(state.augmentRandom());
        this.earlyStopping = new EarlyStopping(plan.earlyStopping(),
                state == null ? EarlyStoppingState.INITIAL : state.earlyStopping());
        this.schedule = new LearningRateSchedule(plan.schedule(), plan.optimizer().learningRate(), plan.epochs(),
                state == null ? ScheduleState.INITIAL : state.schedule());
        this.history = new ArrayList<>(state == null ? List.of() : state.history());
        this.epoch = state == null ? 0 : state.epoch();
        this.best = new ParameterCopy(network);
        this.epochStart = new ParameterCopy(network, optimizer);
        if (state != null) {
            optimizer.restore(state.optimizer());
            if (state.bestParameters() != null) {
                best.load(state.bestParameters());
            }
        }
        int m = train.rows();
        int batchSize = plan.effectiveBatchSize(m);
        double[] dropRates = plan.dropout().ratesByLayer();
        this.statistics = new EpochStatistics(network, penalties);
        double[] exampleWeights = plan.loss().classWeights().exampleWeights(train);
        double smoothing = plan.loss().labelSmoothing();
        this.batch = trainingWorkspace(batchSize, dropRates, gradients, exampleWeights, smoothing);
        this.lastBatch = m % batchSize == 0 ? null
                : trainingWorkspace(m % batchSize, dropRates, gradients, exampleWeights, smoothing);
        this.validator = validation == null ? null
                : new Evaluator(network, validation, context.kernel(), context.runner(), 0, null);
        this.trainObjective = plan.monitorsTrainingObjective()
                ? new Evaluator(network, train, context.kernel(), context.runner(), smoothing, exampleWeights) : null;
        this.order = new int[m];
        this.update = new ParameterUpdate(network, gradients, optimizer, penalties, statistics, plan.clipping(),
                context.runner());
    }

    private Workspace trainingWorkspace(int rows, double[] dropRates, Network gradients, double[] exampleWeights,
                                        double smoothing) {
        Workspace w = new Workspace(network, rows, dropRates, gradients, context.kernel(), context.runner());
        w.weightExamples(exampleWeights);
        w.smoothLabels(smoothing);
        w.recordActivity(statistics.activity);
        return w;
    }

    /** A fresh run: weights initialised from the plan's seed. */
    public static Trainer start(TrainingPlan plan, Examples train, Examples validation, EngineContext context) {
        return new Trainer(plan, train, validation, context, null, null);
    }

    /** A fresh run from given weights (a warm start); the weights are copied. */
    public static Trainer warmStart(TrainingPlan plan, Network initial, Examples train, Examples validation,
                                    EngineContext context) {
        return new Trainer(plan, train, validation, context, null, initial);
    }

    /** Continues a run from a state taken after one of its epochs. */
    public static Trainer resume(TrainingPlan plan, TrainingState state, Examples train, Examples validation,
                                 EngineContext context) {
        if (!state.network().equals(plan.network())) {
            throw new IllegalArgumentException("the state's network does not match the plan's");
        }
        return new Trainer(plan, train, validation, context, state, null);
    }

    private static void checkData(TrainingPlan plan, Examples train, Examples validation) {
        NetworkSpec spec = plan.network();
        for (Examples data : validation == null ? List.of(train) : List.of(train, validation)) {
            if (data.inputs() != spec.inputs() || data.outputs() != spec.outputs()) {
                throw new IllegalArgumentException("examples have " + data.inputs() + " inputs and " + data.outputs()
                        + " outputs; the network expects " + spec.inputs() + " and " + spec.outputs());
            }
        }
        List<Monitor> monitors = plan.schedule().monitors()
                ? List.of(plan.earlyStopping().monitor(), plan.schedule().monitor())
                : List.of(plan.earlyStopping().monitor());
        boolean classification = spec.output().isClassification();
        for (Monitor monitor : monitors) {
            if (monitor.needsValidation() && validation == null) {
                throw new IllegalArgumentException(monitor.label() + " needs a validation split");
            }
            if (monitor == Monitor.VAL_ACCURACY && !classification || monitor == Monitor.VAL_RMSE && classification) {
                throw new IllegalArgumentException(monitor.label() + " does not exist for this task");
            }
        }
    }

    /** Epochs completed so far. */
    public int epoch() {
        return epoch;
    }

    /** The live network being trained (read it only between epochs, on the training thread). */
    public Network network() {
        return network;
    }

    /**
     * Runs the remaining epochs. {@code stopRequested} is polled before every mini-batch; when it answers true the
     * unfinished epoch is rolled back and the run ends CANCELLED at the last complete epoch.
     */
    public TrainingOutcome run(TrainingListener listener, BooleanSupplier stopRequested) {
        EarlyStopping.Verdict stopped = epoch > 0 ? earlyStopping.alreadyStopped() : null;
        if (stopped != null && stopped.stop()) {
            return finish(StopReason.EARLY_STOPPED, stopped.reason(), network.copy(), epoch);
        }
        while (epoch < plan.epochs()) {
            long started = context.ticker().nanos();
            double learningRate = schedule.rate(epoch + 1);
            epochStart.save(network, optimizer, shuffleRandom, dropoutRandom, augmentRandom);
            if (!trainEpoch(stopRequested, learningRate)) {
                epochStart.restore(network, optimizer, shuffleRandom, dropoutRandom, augmentRandom);
                return finish(StopReason.CANCELLED, "cancelled after epoch " + epoch, network.copy(), epoch);
            }
            epoch++;
            Evaluator.Totals validation = validator == null ? null : validator.evaluate();
            Double objective = trainObjective == null ? null
                    : trainObjective.evaluate().meanLoss() + statistics.penalty();
            double seconds = (context.ticker().nanos() - started) / 1e9;
            EpochMetrics row = statistics.row(epoch, seconds, learningRate, validation, objective, epochStart);
            history.add(row);
            schedule.observe(epoch, row);
            if (!Double.isFinite(row.trainLoss())) {
                Network lastFinite = epochStart.toNetwork(plan.network());
                listener.onEpoch(row, live);
                return finish(StopReason.DIVERGED, "the training loss became " + row.trainLoss() + " in epoch "
                        + epoch + ": training diverged (a smaller learning rate usually helps)", lastFinite, epoch - 1);
            }
            Monitor monitor = plan.earlyStopping().monitor();
            EarlyStopping.Verdict verdict = earlyStopping.observe(epoch, monitor.valueOf(row));
            if (verdict.improved()) {
                best.save(network);
                listener.onBest(live);
            }
            listener.onEpoch(row, live);
            if (verdict.stop() && epoch < plan.epochs()) {
                return finish(StopReason.EARLY_STOPPED, verdict.reason(), network.copy(), epoch);
            }
        }
        return finish(StopReason.COMPLETED, "completed all " + plan.epochs() + " epochs", network.copy(), epoch);
    }

    /** One pass over the training set, summed into {@link #statistics}; false when a stop was requested before its end. */
    private boolean trainEpoch(BooleanSupplier stopRequested, double learningRate) {
        int m = train.rows();
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        if (plan.shuffle()) {
            shuffleRandom.shuffle(order, m);
        }
        statistics.startEpoch();
        boolean batchNorm = plan.network().hasBatchNorm();
        for (int from = 0; from < m; from += batch.rows) {
            if (stopRequested.getAsBoolean()) {
                return false;
            }
            Workspace w = from + batch.rows <= m ? batch : lastBatch;
            w.gather(train, order, from);
            context.augmenter().augment(w.input.data, w.targets.data, w.rows, augmentRandom);
            w.forward(dropoutRandom);
            if (batchNorm) {
                w.updateRunningAverages();
            }
            double loss = w.lossSum();
            statistics.add(w, loss);
            if (!Double.isFinite(loss)) {
                return true; // diverged: the row reports it and the run ends
            }
            w.backward();
            update.step(learningRate);
        }
        return true;
    }

    private TrainingOutcome finish(StopReason reason, String detail, Network last, int lastEpoch) {
        EarlyStoppingState es = earlyStopping.state();
        Monitor monitor = plan.earlyStopping().monitor();
        boolean restore = plan.earlyStopping().restoreBestWeights() && es.bestEpoch() > 0;
        String sentence = detail;
        if (restore) {
            sentence += "; restored the best weights, from epoch " + es.bestEpoch() + " (" + monitor.label() + " "
                    + Numbers.format(es.best()) + ")";
        }
        Network model = restore ? best.toNetwork(plan.network()) : last;
        return new TrainingOutcome(reason, history.size(), es.bestEpoch(), es.best(), monitor, restore, sentence,
                model, restore ? es.bestEpoch() : lastEpoch);
    }

    /** A copy of the complete state after the last finished epoch (the best weights share the weights' copy when they are the same). */
    public TrainingState state() {
        EarlyStoppingState es = earlyStopping.state();
        double[][] parameters = network.values();
        double[][] bestParameters = es.bestEpoch() == 0 ? null : es.bestEpoch() == epoch ? parameters : best.values();
        return new TrainingState(plan.network(), epoch, parameters, optimizer.state(), shuffleRandom.state(),
                dropoutRandom.state(), augmentRandom.state(), es, bestParameters, history, schedule.state());
    }

    /**
     * The complete state after the last finished epoch read in place, nothing copied: valid until this trainer runs
     * again (for writing a checkpoint of a run that ended or paused).
     */
    public TrainingState stateView() {
        EarlyStoppingState es = earlyStopping.state();
        double[][] parameters = network.blocks().stream().map(Parameter::values).toArray(double[][]::new);
        return new TrainingState(plan.network(), epoch, parameters, new OptimizerState(optimizer.step(),
                optimizer.slots()), shuffleRandom.state(), dropoutRandom.state(), augmentRandom.state(), es,
                es.bestEpoch() > 0 ? best.saved() : null, history, schedule.state());
    }
}
