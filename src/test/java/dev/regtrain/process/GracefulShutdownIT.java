package dev.regtrain.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * SIGTERM: the running job checkpoints its last complete epoch within the grace period, stays RUNNING on disk (a
 * shutdown is not a failure), and continues at the next start to the same end as an uninterrupted run.
 */
@Tag("slow")
class GracefulShutdownIT {

    @TempDir
    Path dataDir;

    @Test
    void aRunningJobCheckpointsOnSigtermAndContinuesAtTheNextStart() throws Exception {
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-service.log");
        String job = Runs.JOB.replace("\"everyEpochs\": 1", "\"everyEpochs\": 0");
        String id;
        try (ServiceProcess first = ServiceProcess.start(dataDir, log, "--regtrain.shutdown-grace=20s")) {
            id = first.submit(job);
            first.awaitEpoch(id, 8);
            first.terminate();
        }

        JsonNode onDisk = ServiceProcess.JSON.readTree(Files.readAllLines(dataDir.resolve("jobs").resolve(id)
                .resolve("job.json")).get(0)); // the record's JSON; its checksum is the next line
        assertThat(onDisk.get("status").asString()).isEqualTo("RUNNING");
        try (Stream<Path> files = Files.list(dataDir.resolve("jobs").resolve(id).resolve("checkpoints"))) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).anyMatch(name -> name.startsWith("periodic-"));
        }

        try (ServiceProcess second = ServiceProcess.start(dataDir, log)) {
            JsonNode resumed = second.awaitFinal(id);
            assertThat(resumed.get("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(resumed.get("stop").get("reason").asString()).isEqualTo("COMPLETED");
            assertThat(resumed.get("resumedFromEpoch").asInt()).isGreaterThanOrEqualTo(8);

            String reference = second.submit(job);
            second.awaitFinal(reference);
            assertThat(Runs.rowsWithoutTime(second, id)).isEqualTo(Runs.rowsWithoutTime(second, reference));
            assertThat(Runs.model(second, id)).isEqualTo(Runs.model(second, reference));
        }
    }
}
