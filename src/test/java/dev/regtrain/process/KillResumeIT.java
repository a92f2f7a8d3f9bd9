package dev.regtrain.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The service is killed with SIGKILL in the middle of training and started again on the same data directory: the
 * running job continues from its last checkpoint and ends bit-identical to an uninterrupted run; the queued job
 * runs; jobs, datasets and Idempotency-Keys from before are all still there.
 */
@Tag("slow")
class KillResumeIT {

    @TempDir
    Path dataDir;

    @Test
    void aJobKilledMidTrainingResumesAndEndsBitIdenticalToAnUninterruptedRun() throws Exception {
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-service.log");
        String interrupted;
        String queued;
        String finishedBefore;
        HttpResponse<String> keyed;
        JsonNode finishedRecord;
        JsonNode upload;
        String twoEpochs = Runs.JOB.replace("\"epochs\": 60", "\"epochs\": 2");
        try (ServiceProcess first = ServiceProcess.start(dataDir, log, "--regtrain.workers=1")) {
            keyed = first.post("/api/v1/jobs", twoEpochs, "before-the-crash");
            finishedBefore = ServiceProcess.JSON.readTree(keyed.body()).get("id").asString();
            finishedRecord = first.awaitFinal(finishedBefore);
            upload = first.upload("a,b,label\n1,2,x\n3,4,y\n5,6,x\n");
            interrupted = first.submit(Runs.JOB);
            queued = first.submit(Runs.JOB.replace("\"seed\": 2024", "\"seed\": 7").replace("\"epochs\": 60",
                    "\"epochs\": 3"));
            first.awaitEpoch(interrupted, 12);
            first.kill();
        }

        try (ServiceProcess second = ServiceProcess.start(dataDir, log, "--regtrain.workers=1")) {
            JsonNode resumed = second.awaitFinal(interrupted);
            assertThat(resumed.get("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(resumed.get("resumedFromEpoch").asInt()).isBetween(11, 59);
            assertThat(resumed.get("stop").get("epoch").asInt()).isEqualTo(60);
            assertThat(second.awaitFinal(queued).get("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(second.job(finishedBefore)).isEqualTo(finishedRecord);
            assertThat(second.get("/api/v1/datasets/" + upload.get("id").asString())).isEqualTo(upload);

            HttpResponse<String> replay = second.post("/api/v1/jobs", twoEpochs, "before-the-crash");
            assertThat(replay.body()).isEqualTo(keyed.body());

            String reference = second.submit(Runs.JOB);
            second.awaitFinal(reference);
            assertThat(Runs.rowsWithoutTime(second, interrupted)).isEqualTo(Runs.rowsWithoutTime(second, reference));
            assertThat(Runs.model(second, interrupted)).isEqualTo(Runs.model(second, reference));
            assertThat(second.job(reference).get("resumedFromEpoch").isNull()).isTrue();
        }
    }
}
