package dev.regtrain.jobs.request;

import dev.regtrain.common.ApiNames;
import dev.regtrain.engine.Activation;
import dev.regtrain.engine.ClassWeights;
import dev.regtrain.engine.DropoutSpec;
import dev.regtrain.engine.EarlyStoppingSpec;
import dev.regtrain.engine.GradientClipping;
import dev.regtrain.engine.Initialization;
import dev.regtrain.engine.L1Update;
import dev.regtrain.engine.LayerPenalty;
import dev.regtrain.engine.LayerSpec;
import dev.regtrain.engine.LossSpec;
import dev.regtrain.engine.Monitor;
import dev.regtrain.engine.NetworkSpec;
import dev.regtrain.engine.OptimizerKind;
import dev.regtrain.engine.OptimizerSpec;
import dev.regtrain.engine.Output;
import dev.regtrain.engine.PenaltySpec;
import dev.regtrain.engine.Precision;
import dev.regtrain.engine.ScheduleSpec;
import dev.regtrain.engine.ScheduleType;
import dev.regtrain.engine.TrainingPlan;
import dev.regtrain.data.augment.AugmentationSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Turns a resolved request (every default filled in) into the engine's plan. */
public final class PlanFactory {

    private PlanFactory() {
    }

    /** A plan for a job without class weights (or whose class labels do not matter to the caller). */
    public static TrainingPlan plan(JobRequest request, int inputs, int outputs, boolean hasValidation) {
        return plan(request, inputs, outputs, hasValidation, null);
    }

    /** @param classes the dataset's class labels in class-index order (for class weights), null for a regression */
    public static TrainingPlan plan(JobRequest request, int inputs, int outputs, boolean hasValidation,
                                    List<String> classes) {
        NetworkSpec network = network(request, inputs, outputs);
        TrainingRequest t = request.training();
        OptimizerSpec optimizer = new OptimizerSpec(constant(OptimizerKind.class, t.optimizer()), t.learningRate(),
                t.momentum(), t.beta1(), t.beta2(), t.epsilon());
        Double smoothing = request.regularization().labelSmoothing();
        LossSpec loss = new LossSpec(smoothing == null ? 0 : smoothing, classWeights(t.classWeights(), classes));
        return new TrainingPlan(network, optimizer, penalty(request.regularization().penalty()), dropout(request),
                earlyStopping(request.regularization().earlyStopping(), hasValidation), t.epochs(), t.batchSize(),
                t.shuffle(), request.seed(), schedule(t.schedule()), new GradientClipping(t.clipNorm(), t.clipValue()),
                loss, precision(t.precision()));
    }

    /** The precision a resolved request trains in (its examples are prepared in it). */
    public static Precision precision(JobRequest request) {
        return precision(request.training().precision());
    }

    /** The training precision; float64 for a job stored before the field existed. */
    static Precision precision(String apiName) {
        return apiName == null ? Precision.FLOAT64 : constant(Precision.class, apiName);
    }

    /** The resolved schedule section as the engine's; constant when there is none (a job stored before it existed). */
    static ScheduleSpec schedule(ScheduleRequest s) {
        if (s == null || s.type().equals(ScheduleType.CONSTANT.label())) {
            return ScheduleSpec.CONSTANT;
        }
        ScheduleType type = Arrays.stream(ScheduleType.values()).filter(t -> t.label().equals(s.type())).findFirst()
                .orElseThrow();
        return switch (type) {
            case STEP -> ScheduleSpec.step(s.everyEpochs(), s.factor());
            case EXPONENTIAL -> ScheduleSpec.exponential(s.factor());
            case COSINE -> ScheduleSpec.cosine(s.minLearningRate(), s.warmupEpochs());
            case REDUCE_ON_PLATEAU -> ScheduleSpec.reduceOnPlateau(monitor(s.monitor()), s.factor(), s.patience(),
                    s.minDelta(), s.minLearningRate());
            case CONSTANT -> ScheduleSpec.CONSTANT;
        };
    }

    /** Resolved class weights ("balanced" or a map by label) as the engine's, by class index. */
    static ClassWeights classWeights(Object resolved, List<String> classes) {
        if (resolved == null) {
            return ClassWeights.NONE;
        }
        if (resolved instanceof Map<?, ?> byLabel) {
            if (classes == null) {
                throw new IllegalArgumentException("class weights by label need the dataset's classes");
            }
            return ClassWeights.of(classes.stream().map(label -> byLabel.get(label) instanceof Number weight
                    ? weight.doubleValue() : 1.0).toList());
        }
        return ClassWeights.BALANCED;
    }

    /** The monitor a resolved request names (its label, as Choice.MONITOR lists it). */
    static Monitor monitor(String label) {
        return Arrays.stream(Monitor.values()).filter(m -> m.label().equals(label)).findFirst().orElseThrow();
    }

    public static NetworkSpec network(JobRequest request, int inputs, int outputs) {
        List<LayerSpec> hidden = request.network().hidden().stream()
                .map(h -> new LayerSpec(h.units(), constant(Activation.class, h.activation()),
                        Boolean.TRUE.equals(h.batchNorm()))).toList();
        return new NetworkSpec(inputs, hidden, constant(Output.class, request.network().output()), outputs,
                constant(Initialization.class, request.network().init()));
    }

    private static PenaltySpec penalty(PenaltyRequest p) {
        List<LayerPenalty> layers = new ArrayList<>();
        if (p.layers() != null) {
            for (LayerPenaltyRequest layer : p.layers()) {
                layers.add(layer == null ? null : new LayerPenalty(layer.l1(), layer.l2()));
            }
        }
        return new PenaltySpec(p.l1(), p.l2(), p.regularizeBias(), constant(L1Update.class, p.l1Update()),
                p.weightDecay(), p.maxNorm(), layers, Boolean.TRUE.equals(p.regularizeBatchNorm()));
    }

    /**
     * The user's early stopping, or, without one, a monitor that only picks the best checkpoint: val_loss when there
     * is a validation split, else train_loss (API.md, checkpoints).
     */
    static EarlyStoppingSpec earlyStopping(EarlyStoppingRequest e, boolean hasValidation) {
        if (e == null) {
            return EarlyStoppingSpec.trackingOnly(hasValidation ? Monitor.VAL_LOSS : Monitor.TRAIN_LOSS);
        }
        return new EarlyStoppingSpec(monitor(e.monitor()), constant(MonitorMode.class, e.mode()) == MonitorMode.MAX,
                e.patience(), e.minDelta(), e.relativeDelta(), e.startFromEpoch(), e.baseline(), e.restoreBestWeights(), true);
    }

    /** The resolved augmentation section as settings; {@link AugmentationSettings#NONE} when there is none. */
    public static AugmentationSettings augmentation(JobRequest request) {
        AugmentationRequest a = request.regularization().augmentation();
        return a == null ? AugmentationSettings.NONE : augmentation(a);
    }

    /** An augmentation section as settings. */
    public static AugmentationSettings augmentation(AugmentationRequest a) {
        return new AugmentationSettings(a.shift(), a.flipHorizontal(), a.flipVertical(), a.rotationDegrees(),
                a.zoom(), a.brightness(), a.contrast(), a.gaussianNoise(), a.mixup());
    }

    /** The job's dropout rates, as in training (and in Monte-Carlo prediction). */
    public static DropoutSpec dropout(JobRequest request) {
        return new DropoutSpec(request.regularization().dropout().input(),
                request.regularization().dropout().hidden());
    }

    /** The constant of a resolved request's name (ApiNames: lower case). */
    public static <E extends Enum<E>> E constant(Class<E> type, String apiName) {
        return ApiNames.parse(type, apiName);
    }
}
