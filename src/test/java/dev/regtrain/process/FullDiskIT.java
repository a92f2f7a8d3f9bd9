package dev.regtrain.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The real jar on a data directory that is a 48 MB tmpfs, filled while a job trains, as the tester did: the job ends
 * FAILED with the cause, the service says 507 and not ready, cancel and delete work, deleting frees the room and it is
 * ready again; killed mid-training and started on a full disk, it starts, serves, and resumes the job once there is
 * room. Needs root to mount the tmpfs (CI runs as root); elsewhere it is skipped and says why.
 */
@Tag("slow")
class FullDiskIT {

    /** About 240,000 parameters: each checkpoint (weights and best weights) is about 4 MB. */
    private static final String BIG = """
            {"seed": 5, "dataset": {"builtin": "blobs", "samples": 2000, "features": 200, "classes": 4},
             "network": {"hidden": [{"units": 512, "activation": "relu"}, {"units": 256, "activation": "relu"}]},
             "training": {"epochs": %d, "batchSize": 256, "optimizer": "sgd", "learningRate": 0.01},
             "checkpoints": {"everyEpochs": %d, "keepLast": %d}}
            """;

    @TempDir
    Path work;

    private Path dataDir;
    private Path filler;

    @BeforeEach
    void mountATmpfs() throws Exception {
        dataDir = Files.createDirectories(work.resolve("data"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", dataDir.toString())
                .redirectErrorStream(true).start();
        String output = new String(mount.getInputStream().readAllBytes());
        Assumptions.assumeTrue(mount.waitFor() == 0, "a tmpfs cannot be mounted here (" + output.strip()
                + "); the full-disk test needs root, as CI has");
        filler = dataDir.resolve("filler");
    }

    @AfterEach
    void unmount() throws Exception {
        new ProcessBuilder("umount", "-l", dataDir.toString()).start().waitFor();
    }

    /** Fills the file system until at most {@code leftBytes} are free. */
    private void fillLeaving(long leftBytes) throws IOException {
        long free = Files.getFileStore(dataDir).getUsableSpace();
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(filler)) {
            for (long written = 0; written < free - leftBytes - block.length; written += block.length) {
                out.write(block);
            }
        } catch (IOException full) {
            // full already
        }
    }

    @Test
    void aDiskThatFillsDuringTrainingEndsTheJobWithTheCauseAndEverythingElseKeepsWorking() throws Exception {
        Path log = work.resolve("service.log");
        try (ServiceProcess service = ServiceProcess.start(dataDir, log, "--regtrain.workers=1",
                "--regtrain.min-free-space=6MB")) {
            String filling = service.submit(BIG.formatted(400, 1, 20));
            String waiting = service.submit(BIG.formatted(5, 0, 1));
            service.awaitEpoch(filling, 1);
            fillLeaving(12L << 20);

            JsonNode failed = service.awaitFinal(filling);
            assertThat(failed.get("status").asString()).isEqualTo("FAILED");
            assertThat(failed.get("error").get("message").asString()).contains("the data directory is full");
            assertThat(service.status("/actuator/health/readiness")).isEqualTo(503);
            assertThat(service.status("/actuator/health/liveness")).isEqualTo(200);

            HttpResponse<String> upload = service.send("POST", "/api/v1/datasets?name=big", "text/csv",
                    "a,b,label\n" + "1.5,2.5,x\n1.0,2.0,y\n".repeat(450_000));
            assertThat(upload.statusCode()).as(upload.body()).isEqualTo(507);
            assertThat(upload.headers().firstValue("Retry-After")).isPresent();
            assertThat(upload.body()).contains("storage-full").contains("the data directory is full");
            try (var datasets = Files.list(dataDir.resolve("datasets"))) {
                assertThat(datasets.filter(d -> !d.getFileName().toString().startsWith(".")).toList())
                        .as("a failed upload leaves nothing behind").isEmpty();
            }

            JsonNode other = service.job(waiting);
            if (!other.get("status").asString().equals("FAILED")) {
                assertThat(service.send("POST", "/api/v1/jobs/" + waiting + "/cancel", null, null).statusCode())
                        .isIn(202, 409);
            }
            service.awaitFinal(waiting);
            assertThat(service.send("DELETE", "/api/v1/jobs/" + filling, null, null).statusCode()).isEqualTo(204);
            Files.delete(filler);
            await().atMost(Duration.ofSeconds(30)).until(() -> service.status("/actuator/health/readiness") == 200);
            String after = service.submit(BIG.formatted(2, 0, 1));
            assertThat(service.awaitFinal(after).get("status").asString()).isEqualTo("SUCCEEDED");
        }
    }

    @Test
    void aServiceKilledMidTrainingStartsOnAFullDiskAndResumesTheJobWhenThereIsRoom() throws Exception {
        Path log = work.resolve("service.log");
        String id;
        try (ServiceProcess first = ServiceProcess.start(dataDir, log, "--regtrain.workers=1")) {
            id = first.submit(BIG.formatted(40, 5, 1));
            first.awaitEpoch(id, 12);
            first.kill();
        }
        fillLeaving(0);

        try (ServiceProcess second = ServiceProcess.start(dataDir, log, "--regtrain.workers=1")) {
            assertThat(second.job(id).get("status").asString()).isEqualTo("RUNNING");
            assertThat(second.get("/api/v1/jobs").get("jobs")).hasSize(1);
            assertThat(second.status("/actuator/health/readiness")).isEqualTo(503);

            Files.delete(filler);
            JsonNode done = second.awaitFinal(id);
            assertThat(done.get("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(done.get("resumedFromEpoch").asInt()).isGreaterThanOrEqualTo(10);
            List<String> statuses = new java.util.ArrayList<>();
            done.get("history").forEach(h -> statuses.add(h.get("status").asString()));
            assertThat(statuses).containsExactly("QUEUED", "RUNNING", "RUNNING", "SUCCEEDED");
        }
    }
}
