package dev.regtrain.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.regtrain.common.ApiNames;
import dev.regtrain.data.BuiltinDatasets;
import dev.regtrain.data.GeneratorInfo;
import dev.regtrain.data.Task;
import dev.regtrain.data.TaskChoice;
import dev.regtrain.jobs.JobStatus;
import dev.regtrain.jobs.StopReasonCode;
import dev.regtrain.jobs.request.Choice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET /api/v1/options lists every choice from its enum, and the dashboard reads them there instead of a copy. */
class OptionsTests extends ServiceTest {

    @Test
    void theOptionsAreTheEnumsNamesWithTheirDefaults() {
        JsonNode options = getJson("/api/v1/options");

        JsonNode request = options.get("request");
        assertThat(request).hasSize(Choice.values().length);
        for (int i = 0; i < Choice.values().length; i++) {
            Choice choice = Choice.values()[i];
            assertThat(request.get(i).get("field").asString()).isEqualTo(choice.path());
            List<String> values = new ArrayList<>();
            request.get(i).get("values").forEach(v -> values.add(v.asString()));
            assertThat(values).as(choice.path()).containsExactlyElementsOf(choice.names());
            JsonNode fallback = request.get(i).get("default");
            assertThat(fallback.isNull() ? null : fallback.asString()).as(choice.path()).isEqualTo(choice.fallback());
        }
        JsonNode statuses = options.get("statuses");
        assertThat(statuses).hasSize(JobStatus.values().length);
        for (JobStatus status : JobStatus.values()) {
            assertThat(statuses.get(status.ordinal()).get("status").asString()).isEqualTo(status.name());
            assertThat(statuses.get(status.ordinal()).get("final").asBoolean()).isEqualTo(status.isFinal());
        }
        List<String> tasks = new ArrayList<>();
        options.get("datasetTasks").forEach(t -> tasks.add(t.asString()));
        assertThat(tasks).containsExactlyElementsOf(ApiNames.of(TaskChoice.class));
    }

    /**
     * No list of allowed values in the dashboard's scripts: no array literal holds two names of one of the API's
     * lists (choices, statuses, stop reasons, tasks, generators).
     */
    @Test
    void theDashboardKeepsNoCopyOfAListOfValues() throws IOException {
        Set<String> known = new HashSet<>();
        for (Choice choice : Choice.values()) {
            known.addAll(choice.names());
        }
        known.remove(Choice.AUTO);
        for (Enum<?> constant : Stream.of(JobStatus.values(), StopReasonCode.values(), Task.values())
                .flatMap(Stream::of).toList()) {
            known.add(constant.name());
            known.add(ApiNames.of(constant));
        }
        BuiltinDatasets.catalogue().stream().map(GeneratorInfo::name).forEach(known::add);
        Pattern array = Pattern.compile("\\[([^\\[\\]]*)]");
        Pattern quoted = Pattern.compile("'([^']*)'|\"([^\"]*)\"");
        List<String> copies = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/static/js"))) {
            for (Path file : files.toList()) {
                Matcher lists = array.matcher(Files.readString(file));
                while (lists.find()) {
                    Matcher names = quoted.matcher(lists.group(1));
                    int count = 0;
                    while (names.find()) {
                        count += known.contains(names.group(1) != null ? names.group(1) : names.group(2)) ? 1 : 0;
                    }
                    if (count >= 2) {
                        copies.add(file.getFileName() + ": " + lists.group());
                    }
                }
            }
        }
        assertThat(copies).as("lists the dashboard should read from GET /api/v1/options").isEmpty();
    }
}
