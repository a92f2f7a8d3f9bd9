package dev.regtrain.engine;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Trains a network by mini-batch gradient descent on J (MATH.md), in the plan's {@link Precision}. All buffers are
 * allocated at construction, so the engine allocates nothing per mini-batch (a parallel {@link
 * dev.regtrain.engine.kernel.TaskRunner} may: see {@code SpinningRunner}). A run is reproducible from its plan, its
 * data and its seed, and can be stopped after any epoch and continued from {@link #state()} with bit-identical
 * results.
 *
 * <p>In {@link Precision#FLOAT32} the network, its gradients, the optimizer's state and every buffer of a step are
 * floats, and the products run on the kernel's single-precision path; what leaves the run (the outcome's model, the
 * states for checkpoints, the metrics) is in double, which holds every float exactly, so a state taken from a
 * single-precision run resumes it bit for bit. Its examples are held in float too: examples given in double are
 * rounded once, here (a caller that prepares them in float32, as a job does, keeps half the memory).
 */
public final class Trainer {

    private final Training<?> training;

    private Trainer(TrainingPlan plan, Examples train, Examples validation, EngineContext context,
                    TrainingState state, Network initial) {
        checkData(plan, train, validation);
        NetworkSpec spec = plan.network();
        Network start;
        if (state != null) {
            start = state.toNetwork();
        } else if (initial != null) {
            if (!initial.spec().equals(spec)) {
                throw new IllegalArgumentException("the initial weights do not match the network's architecture");
            }
            start = initial.copy();
        } else {
            start = Network.initialise(spec, Rng.of(plan.seed(), RandomPurpose.INIT));
        }
        Precision precision = plan.precision();
        this.training = new Training<>(Arithmetic.of(precision), plan, train.inPrecision(precision),
                validation == null ? null : validation.inPrecision(precision), context, state, start);
    }

    /** A fresh run: weights initialised from the plan's seed (in double, then rounded to the plan's precision). */
    public static Trainer start(TrainingPlan plan, Examples train, Examples validation, EngineContext context) {
        return new Trainer(plan, train, validation, context, null, null);
    }

    /** A fresh run from given weights (a warm start); the weights are copied. */
    public static Trainer warmStart(TrainingPlan plan, Network initial, Examples train, Examples validation,
                                    EngineContext context) {
        return new Trainer(plan, train, validation, context, null, initial);
    }

    /**
     * Continues a run from a state taken after one of its epochs. A state from a run in another precision is refused:
     * its values and optimizer state would be rounded or widened, and the run would not continue as it was.
     */
    public static Trainer resume(TrainingPlan plan, TrainingState state, Examples train, Examples validation,
                                 EngineContext context) {
        if (!state.network().equals(plan.network())) {
            throw new IllegalArgumentException("the state's network does not match the plan's");
        }
        if (state.precision() != plan.precision()) {
            throw new IllegalArgumentException("the state was trained in " + state.precision().apiName()
                    + ", the plan trains in " + plan.precision().apiName());
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
            if (data.precision() == Precision.FLOAT32 && plan.precision() != Precision.FLOAT32) {
                throw new IllegalArgumentException("examples held in float32 cannot train in "
                        + plan.precision().apiName());
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
        return training.epoch();
    }

    /** A copy of the network being trained, in double precision (take it only between epochs, on the training thread). */
    public Network network() {
        return training.network();
    }

    /**
     * Runs the remaining epochs. {@code stopRequested} is polled before every mini-batch; when it answers true the
     * unfinished epoch is rolled back and the run ends CANCELLED at the last complete epoch.
     */
    public TrainingOutcome run(TrainingListener listener, BooleanSupplier stopRequested) {
        return training.run(listener, stopRequested);
    }

    /** A copy of the complete state after the last finished epoch (the best weights share the weights' copy when they are the same). */
    public TrainingState state() {
        return training.state();
    }

    /**
     * The complete state after the last finished epoch read in place, nothing copied in double precision (a float32
     * run's values are widened into new arrays): valid until this trainer runs again (for writing a checkpoint of a
     * run that ended or paused).
     */
    public TrainingState stateView() {
        return training.stateView();
    }
}
