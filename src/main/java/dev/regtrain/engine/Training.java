package dev.regtrain.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The run behind a {@link Trainer}, in the precision of its {@link Arithmetic}: the network's values, its gradients,
 * the optimizer's state and every buffer of the step are arrays of {@code A}. All buffers are allocated at
 * construction, so a run allocates nothing per mini-batch.
 */
final class Training<A> {

    private final TrainingPlan plan;
    private final Examples train;
    private final EngineContext context;
    private final Arithmetic<A> arithmetic;
    private final NetworkValues<A> network;
    private final Optimizer<A> optimizer;
    private final EarlyStopping earlyStopping;
    private final Rng shuffleRandom;
    private final Rng dropoutRandom;
    private final Rng augmentRandom;
    private final Workspace<A> batch;
    private final Workspace<A> lastBatch;
    private final Evaluator<A> validator;
    /** J at the end-of-epoch weights over the training split, when something monitors {@code train_loss}. */
    private final Evaluator<A> trainObjective;
    private final LearningRateSchedule schedule;
    private final ParameterUpdate<A> update;
    private final int[] order;
    private final List<EpochMetrics> history;
    private final ParameterCopy<A> best;
    private final ParameterCopy<A> epochStart;
    private final EpochStatistics<A> statistics;
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

    /** @param initial the values to start from: the initialised, warm-start or checkpointed network (in double) */
    Training(Arithmetic<A> arithmetic, TrainingPlan plan, Examples train, Examples validation, EngineContext context,
             TrainingState state, Network initial) {
        this.plan = plan;
        this.train = train;
        this.context = context;
        this.arithmetic = arithmetic;
        NetworkSpec spec = plan.network();
        this.network = NetworkValues.of(initial, arithmetic);
        NetworkValues<A> gradients = NetworkValues.zeros(spec, arithmetic);
        this.optimizer = Optimizer.create(plan.optimizer(), network);
        Penalties penalties = new Penalties(plan.penalty(), train.rows());
        this.shuffleRandom = state == null ? Rng.of(plan.seed(), RandomPurpose.SHUFFLE) : new Rng(state.shuffleRandom());
        this.dropoutRandom = state == null ? Rng.of(plan.seed(), RandomPurpose.DROPOUT) : new Rng(state.dropoutRandom());
        this.augmentRandom = state == null ? Rng.of(plan.seed(), RandomPurpose.AUGMENT) : new Rng(state.augmentRandom());
        this.earlyStopping = new EarlyStopping(plan.earlyStopping(),
                state == null ? EarlyStoppingState.INITIAL : state.earlyStopping());
        this.schedule = new LearningRateSchedule(plan.schedule(), plan.optimizer().learningRate(), plan.epochs(),
                state == null ? ScheduleState.INITIAL : state.schedule());
        this.history = new ArrayList<>(state == null ? List.of() : state.history());
        this.epoch = state == null ? 0 : state.epoch();
        this.best = new ParameterCopy<>(network);
        this.epochStart = new ParameterCopy<>(network, optimizer);
        if (state != null) {
            optimizer.restore(state.optimizer());
            if (state.bestParameters() != null) {
                best.load(state.bestParameters());
            }
        }
        int m = train.rows();
        int batchSize = plan.effectiveBatchSize(m);
        double[] dropRates = plan.dropout().ratesByLayer();
        this.statistics = new EpochStatistics<>(network, penalties);
        double[] exampleWeights = plan.loss().classWeights().exampleWeights(train);
        double smoothing = plan.loss().labelSmoothing();
        this.batch = trainingWorkspace(batchSize, dropRates, gradients, exampleWeights, smoothing);
        this.lastBatch = m % batchSize == 0 ? null
                : trainingWorkspace(m % batchSize, dropRates, gradients, exampleWeights, smoothing);
        this.validator = validation == null ? null
                : new Evaluator<>(network, validation, context.kernel(), context.runner(), 0, null);
        this.trainObjective = plan.monitorsTrainingObjective()
                ? new Evaluator<>(network, train, context.kernel(), context.runner(), smoothing, exampleWeights) : null;
        this.order = new int[m];
        this.update = new ParameterUpdate<>(network, gradients, optimizer, penalties, statistics, plan.clipping(),
                context.runner());
    }

    private Workspace<A> trainingWorkspace(int rows, double[] dropRates, NetworkValues<A> gradients,
                                           double[] exampleWeights, double smoothing) {
        Workspace<A> w = new Workspace<>(network, rows, dropRates, gradients, context.kernel(), context.runner());
        w.weightExamples(exampleWeights);
        w.smoothLabels(smoothing);
        w.recordActivity(statistics.activity);
        return w;
    }

    int epoch() {
        return epoch;
    }

    /** The network's current values in double precision (a copy). */
    Network network() {
        return network.toNetwork();
    }

    /**
     * Runs the remaining epochs. {@code stopRequested} is polled before every mini-batch; when it answers true the
     * unfinished epoch is rolled back and the run ends CANCELLED at the last complete epoch.
     */
    TrainingOutcome run(TrainingListener listener, BooleanSupplier stopRequested) {
        EarlyStopping.Verdict stopped = epoch > 0 ? earlyStopping.alreadyStopped() : null;
        if (stopped != null && stopped.stop()) {
            return finish(StopReason.EARLY_STOPPED, stopped.reason(), network.toNetwork(), epoch);
        }
        while (epoch < plan.epochs()) {
            long started = context.ticker().nanos();
            double learningRate = schedule.rate(epoch + 1);
            epochStart.save(network, optimizer, shuffleRandom, dropoutRandom, augmentRandom);
            if (!trainEpoch(stopRequested, learningRate)) {
                epochStart.restore(network, optimizer, shuffleRandom, dropoutRandom, augmentRandom);
                return finish(StopReason.CANCELLED, "cancelled after epoch " + epoch, network.toNetwork(), epoch);
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
                return finish(StopReason.EARLY_STOPPED, verdict.reason(), network.toNetwork(), epoch);
            }
        }
        return finish(StopReason.COMPLETED, "completed all " + plan.epochs() + " epochs", network.toNetwork(), epoch);
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
            Workspace<A> w = from + batch.rows <= m ? batch : lastBatch;
            w.gather(train, order, from);
            w.augment(context.augmenter(), augmentRandom);
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

    /**
     * A copy of the complete state after the last finished epoch, its values in double precision (the best weights
     * share the weights' copy when they are the same).
     */
    TrainingState state() {
        EarlyStoppingState es = earlyStopping.state();
        double[][] parameters = network.values();
        double[][] bestParameters = es.bestEpoch() == 0 ? null : es.bestEpoch() == epoch ? parameters : best.values();
        return new TrainingState(plan.network(), epoch, parameters, optimizer.state(), shuffleRandom.state(),
                dropoutRandom.state(), augmentRandom.state(), es, bestParameters, history, schedule.state(),
                arithmetic.precision());
    }

    /**
     * The complete state after the last finished epoch read in place, nothing copied in double precision (in float32
     * the values are widened into new arrays): valid until this run trains again.
     */
    TrainingState stateView() {
        EarlyStoppingState es = earlyStopping.state();
        double[][] parameters = network.blocks().stream().map(b -> arithmetic.asDoubles(b.values()))
                .toArray(double[][]::new);
        A[] slots = optimizer.slots();
        double[][] slotValues = new double[slots.length][];
        for (int i = 0; i < slots.length; i++) {
            slotValues[i] = arithmetic.asDoubles(slots[i]);
        }
        return new TrainingState(plan.network(), epoch, parameters, new OptimizerState(optimizer.step(), slotValues),
                shuffleRandom.state(), dropoutRandom.state(), augmentRandom.state(), es,
                es.bestEpoch() > 0 ? best.saved() : null, history, schedule.state(), arithmetic.precision());
    }
}
