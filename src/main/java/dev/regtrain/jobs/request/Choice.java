package dev.regtrain.jobs.request;

import dev.regtrain.common.ApiNames;
import dev.regtrain.engine.Activation;
import dev.regtrain.engine.Initialization;
import dev.regtrain.engine.L1Update;
import dev.regtrain.engine.Monitor;
import dev.regtrain.engine.OptimizerKind;
import dev.regtrain.engine.Output;
import dev.regtrain.engine.Precision;
import dev.regtrain.engine.ScheduleType;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;

/**
 * Every field of a job request that takes one name out of a list, with the list read from the enum that means it
 * (the engine's, or {@link MonitorMode}) and its default. The one source of these lists: the validation's messages,
 * the OpenAPI document's enums and the dashboard's choices ({@code GET /api/v1/options}) all read them here.
 */
public enum Choice {
    ACTIVATION("network.hidden[].activation", HiddenLayerRequest.class, "activation",
            ApiNames.of(Activation.class), ApiNames.of(Activation.RELU)),
    OUTPUT("network.output", NetworkRequest.class, "output", withAuto(ApiNames.of(Output.class)), Choice.AUTO),
    INIT("network.init", NetworkRequest.class, "init", ApiNames.of(Initialization.class),
            ApiNames.of(Initialization.AUTO)),
    OPTIMIZER("training.optimizer", TrainingRequest.class, "optimizer", ApiNames.of(OptimizerKind.class),
            ApiNames.of(OptimizerKind.SGD)),
    PRECISION("training.precision", TrainingRequest.class, "precision", ApiNames.of(Precision.class),
            ApiNames.of(Precision.FLOAT64)),
    L1_UPDATE("regularization.penalty.l1Update", PenaltyRequest.class, "l1Update", ApiNames.of(L1Update.class),
            ApiNames.of(L1Update.SUBGRADIENT)),
    MONITOR("regularization.earlyStopping.monitor", EarlyStoppingRequest.class, "monitor",
            ApiNames.of(Monitor.class), ApiNames.of(Monitor.VAL_LOSS)),
    MODE("regularization.earlyStopping.mode", EarlyStoppingRequest.class, "mode", ApiNames.of(MonitorMode.class),
            ApiNames.of(MonitorMode.AUTO)),
    SCHEDULE("training.schedule.type", ScheduleRequest.class, "type",
            Arrays.stream(ScheduleType.values()).map(ScheduleType::label).toList(), ScheduleType.CONSTANT.label()),
    /** No fixed default: val_loss with a validation split, else train_loss. */
    SCHEDULE_MONITOR("training.schedule.monitor", ScheduleRequest.class, "monitor", ApiNames.of(Monitor.class),
            null);

    /** The name that leaves the choice to the service (the dataset or the first layer decides). */
    public static final String AUTO = "auto";

    private final String path;
    private final Class<? extends Record> owner;
    private final String property;
    private final List<String> names;
    private final String fallback;

    Choice(String path, Class<? extends Record> owner, String property, List<String> names, String fallback) {
        this.path = path;
        this.owner = owner;
        this.property = property;
        this.names = names;
        this.fallback = fallback;
    }

    /** Where the field sits in a job request; {@code []} stands for any index. */
    public String path() {
        return path;
    }

    /** The request record that has the field, and the field's name in it (the OpenAPI schema and property). */
    public Class<? extends Record> owner() {
        return owner;
    }

    public String property() {
        return property;
    }

    /** The allowed names, in the enum's order. */
    public List<String> names() {
        return names;
    }

    /** The name a request that leaves the field out gets; null when it depends on the rest of the request. */
    public String fallback() {
        return fallback;
    }

    /** The value to use: the default for null, else the value if allowed, else a field error and the default. */
    String resolve(Checks checks, String field, String value) {
        return checks.choice(field, value, fallback, names);
    }

    private static List<String> withAuto(List<String> names) {
        List<String> all = new ArrayList<>(List.of(AUTO));
        all.addAll(names);
        return List.copyOf(all);
    }
}
