package dev.regtrain.jobs.request;

import dev.regtrain.config.RegtrainProperties;
import dev.regtrain.engine.ScheduleType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code training.schedule} resolved: the type (from the engine's {@link ScheduleType}), that type's parameters
 * with their defaults, and a 400 for a parameter the type does not take.
 */
final class Schedules {

    private static final String PREFIX = "training.schedule.";
    private static final Map<String, List<String>> PARAMETERS = Map.of(
            "constant", List.of(),
            "step", List.of("everyEpochs", "factor"),
            "exponential", List.of("factor"),
            "cosine", List.of("minLearningRate", "warmupEpochs"),
            "reduceOnPlateau", List.of("monitor", "factor", "patience", "minDelta", "minLearningRate"));

    private Schedules() {
    }

    static ScheduleRequest resolve(ScheduleRequest schedule, double learningRate, int epochs,
                                   RegtrainProperties.Limits limits, DatasetShape data, double split, Checks checks) {
        if (schedule == null) {
            return ScheduleRequest.CONSTANT;
        }
        String type = Choice.SCHEDULE.resolve(checks, PREFIX + "type", schedule.type());
        List<String> takes = PARAMETERS.get(type);
        given(schedule).forEach((name, value) -> {
            if (value != null && !takes.contains(name)) {
                checks.fail(PREFIX + name, "is not a parameter of a " + type + " schedule"
                        + (takes.isEmpty() ? ", which has none" : "; it takes " + String.join(", ", takes)));
            }
        });
        return switch (type) {
            case "step" -> new ScheduleRequest(type,
                    checks.integer(PREFIX + "everyEpochs", schedule.everyEpochs(), 10, 1, limits.maxEpochs(), null),
                    factor(schedule.factor(), 0.5, checks), null, null, null, null, null);
            case "exponential" -> new ScheduleRequest(type, null, factor(schedule.factor(), 0.95, checks), null, null,
                    null, null, null);
            case "cosine" -> new ScheduleRequest(type, null, null, minimum(schedule, learningRate, checks),
                    checks.integer(PREFIX + "warmupEpochs", schedule.warmupEpochs(), 0, 0, epochs, null), null, null,
                    null);
            case "reduceOnPlateau" -> new ScheduleRequest(type, null,
                    factor(schedule.factor(), 0.1, checks), minimum(schedule, learningRate, checks), null,
                    Monitors.resolve(PREFIX + "monitor", schedule.monitor(), split > 0 ? "val_loss" : "train_loss",
                            data, split, checks),
                    checks.integer(PREFIX + "patience", schedule.patience(), 10, 0, Integer.MAX_VALUE, null),
                    checks.number(PREFIX + "minDelta", schedule.minDelta(), 1e-4, 0, Double.MAX_VALUE, false));
            default -> ScheduleRequest.CONSTANT;
        };
    }

    private static Map<String, Object> given(ScheduleRequest s) {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("everyEpochs", s.everyEpochs());
        given.put("factor", s.factor());
        given.put("minLearningRate", s.minLearningRate());
        given.put("warmupEpochs", s.warmupEpochs());
        given.put("monitor", s.monitor());
        given.put("patience", s.patience());
        given.put("minDelta", s.minDelta());
        return given;
    }

    /** A multiplier in (0, 1]. */
    private static double factor(Double value, double fallback, Checks checks) {
        if (value != null && (!Double.isFinite(value) || value <= 0 || value > 1)) {
            checks.fail(PREFIX + "factor", "must be in (0, 1]; got " + value);
            return fallback;
        }
        return value == null ? fallback : value;
    }

    /** α_min in [0, α₀]. */
    private static double minimum(ScheduleRequest s, double learningRate, Checks checks) {
        return checks.number(PREFIX + "minLearningRate", s.minLearningRate(), 0, 0, learningRate, false);
    }
}
