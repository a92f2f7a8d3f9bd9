package dev.regtrain.jobs.request;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regtrain.common.ApiNames;
import dev.regtrain.common.FieldError;
import dev.regtrain.common.InvalidRequestException;
import dev.regtrain.engine.Activation;
import dev.regtrain.engine.Initialization;
import dev.regtrain.engine.L1Update;
import dev.regtrain.engine.Monitor;
import dev.regtrain.engine.OptimizerKind;
import dev.regtrain.engine.Output;
import dev.regtrain.engine.Precision;
import dev.regtrain.engine.ScheduleType;
import dev.regtrain.models.document.ModelDocument;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Every choice of a request lists its enum's names, and validation allows exactly those. */
class ChoiceTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final RequestResolver resolver = new RequestResolver(RequestResolverTests.LIMITS, new DatasetLookup() {
        @Override
        public Optional<DatasetShape> uploaded(String id) {
            return Optional.empty();
        }

        @Override
        public Optional<ModelDocument> checkpointModel(String jobId, String ref) {
            return Optional.empty();
        }
    });

    @Test
    void eachChoiceListsTheNamesOfItsEnum() {
        assertThat(Choice.ACTIVATION.names()).containsExactlyElementsOf(names(Activation.values()));
        assertThat(Choice.OUTPUT.names()).containsExactlyElementsOf(withAuto(Output.values()));
        assertThat(Choice.INIT.names()).containsExactlyElementsOf(names(Initialization.values())).startsWith("auto");
        assertThat(Choice.OPTIMIZER.names()).containsExactlyElementsOf(names(OptimizerKind.values()));
        assertThat(Choice.PRECISION.names()).containsExactly("float64", "float32")
                .containsExactlyElementsOf(Arrays.stream(Precision.values()).map(Precision::apiName).toList());
        assertThat(Choice.L1_UPDATE.names()).containsExactlyElementsOf(names(L1Update.values()));
        assertThat(Choice.MONITOR.names()).containsExactlyElementsOf(names(Monitor.values()))
                .containsExactlyElementsOf(Arrays.stream(Monitor.values()).map(Monitor::label).toList());
        assertThat(Choice.MODE.names()).containsExactly("auto", "min", "max");
        assertThat(Choice.SCHEDULE.names())
                .containsExactlyElementsOf(Arrays.stream(ScheduleType.values()).map(ScheduleType::label).toList());
        assertThat(Choice.SCHEDULE_MONITOR.names()).containsExactlyElementsOf(Choice.MONITOR.names());
        for (Choice choice : Choice.values()) {
            if (choice.fallback() != null) {
                assertThat(choice.names()).as(choice.path()).contains(choice.fallback());
            }
            assertThat(Arrays.stream(choice.owner().getRecordComponents()).map(c -> c.getName()))
                    .as("%s names a field of %s", choice.path(), choice.owner().getSimpleName())
                    .contains(choice.property());
        }
    }

    @ParameterizedTest
    @EnumSource(Choice.class)
    void validationRefusesANameOutsideTheEnumAndSaysWhichAreAllowed(Choice choice) {
        List<FieldError> errors = errorsOf(requestWith(choice, "nonsense"));

        assertThat(errors).contains(new FieldError(choice.path().replace("[]", "[0]"),
                "must be one of " + String.join(", ", choice.names()) + "; got 'nonsense'"));
    }

    @ParameterizedTest
    @EnumSource(Choice.class)
    void validationAllowsEveryNameOfTheEnum(Choice choice) {
        for (String name : choice.names()) {
            assertThat(errorsOf(requestWith(choice, name))).as(name)
                    .noneMatch(e -> e.message().startsWith("must be one of"));
        }
    }

    @ParameterizedTest
    @EnumSource(Choice.class)
    void aFieldLeftOutGetsTheChoicesDefault(Choice choice) {
        JobRequest resolved = resolver.resolve(requestWith(choice, null)).request();
        String echoed = JSON.valueToTree(resolved).at("/" + choice.path().replace("[]", "/0").replace('.', '/'))
                .asString();

        String expected = switch (choice) {
            case OUTPUT -> "sigmoid"; // auto, for moons' two classes
            case MODE -> "min"; // auto, for val_loss
            case SCHEDULE_MONITOR -> "val_loss"; // with a validation split
            default -> choice.fallback();
        };
        assertThat(echoed).isEqualTo(expected);
    }

    /** A moons job with one relu layer and early stopping, and {@code value} (null: nothing) at the choice's field. */
    private static JobRequest requestWith(Choice choice, String value) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("dataset").put("builtin", "moons").put("samples", 100);
        root.putObject("network").putArray("hidden").addObject().put("units", 4);
        root.putObject("regularization").putObject("earlyStopping");
        if (choice == Choice.SCHEDULE_MONITOR) { // the monitor is a parameter of a plateau schedule only
            root.putObject("training").putObject("schedule").put("type", "reduceOnPlateau");
        }
        if (value != null) {
            ObjectNode node = root;
            String[] segments = choice.path().split("\\.");
            for (int i = 0; i < segments.length - 1; i++) {
                String segment = segments[i];
                node = segment.endsWith("[]") ? (ObjectNode) node.withArray(segment.replace("[]", "")).get(0)
                        : node.withObject(segment);
            }
            node.put(segments[segments.length - 1], value);
        }
        return JSON.treeToValue(root, JobRequest.class);
    }

    private List<FieldError> errorsOf(JobRequest request) {
        try {
            resolver.resolve(request);
            return List.of();
        } catch (InvalidRequestException e) {
            return e.errors();
        }
    }

    private static List<String> names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(ApiNames::of).toList();
    }

    private static List<String> withAuto(Enum<?>[] constants) {
        return Stream.concat(Stream.of("auto"), names(constants).stream()).toList();
    }
}
