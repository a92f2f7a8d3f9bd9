package dev.regtrain.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Files of every kind damaged while the service was down, as the tester did: it starts, lists without 500, and says
 * what is damaged (health details, warnings, 409s) instead of serving it as if whole or creating anything twice.
 */
@Tag("slow")
class DamagedFilesIT {

    private static final String JOB = """
            {"seed": 3, "dataset": {"builtin": "moons", "samples": 200},
             "network": {"hidden": [{"units": 8, "activation": "relu"}]},
             "training": {"epochs": 12, "optimizer": "adam", "learningRate": 0.01},
             "checkpoints": {"everyEpochs": 4, "keepLast": 5}}
            """;

    @TempDir
    Path dataDir;

    private static void flip(Path file, int index) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        int at = index >= 0 ? index : bytes.length + index;
        bytes[at] ^= 0x08;
        Files.write(file, bytes);
    }

    @Test
    void aServiceWithDamagedFilesOfEveryKindStartsListsAndSaysWhatIsDamaged() throws Exception {
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-service.log");
        String recordDamaged;
        String rowsDamaged;
        String dataset;
        try (ServiceProcess first = ServiceProcess.start(dataDir, log)) {
            recordDamaged = first.submit(JOB);
            rowsDamaged = JsonField.id(first.post("/api/v1/jobs", JOB.replace("\"seed\": 3", "\"seed\": 4"), "key-1"));
            first.awaitFinal(recordDamaged);
            first.awaitFinal(rowsDamaged);
            dataset = first.upload("a,b,label\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n").get("id").asString();
            first.terminate();
        }
        Path jobs = dataDir.resolve("jobs");
        flip(jobs.resolve(recordDamaged).resolve("job.json"), 40);
        Path metrics = jobs.resolve(rowsDamaged).resolve("metrics.jsonl");
        flip(metrics, Files.readAllLines(metrics).get(0).length() + 20); // the second row
        Path best;
        try (Stream<Path> files = Files.list(jobs.resolve(rowsDamaged).resolve("checkpoints"))) {
            best = files.filter(f -> f.getFileName().toString().startsWith("best-") && f.toString().endsWith(".ckpt"))
                    .max(Path::compareTo).orElseThrow();
        }
        flip(best, -10);
        flip(dataDir.resolve("datasets").resolve(dataset).resolve("dataset.bin"), -10);
        try (Stream<Path> keys = Files.list(dataDir.resolve("idempotency"))) {
            flip(keys.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow(), 30);
        }

        try (ServiceProcess second = ServiceProcess.start(dataDir, log)) {
            List<String> listed = new ArrayList<>();
            second.get("/api/v1/jobs").get("jobs").forEach(j -> listed.add(j.get("id").asString()));
            assertThat(listed).containsExactly(rowsDamaged);

            HttpResponse<String> record = second.send("GET", "/api/v1/jobs/" + recordDamaged, null, null);
            assertThat(record.statusCode()).isEqualTo(409);
            assertThat(record.body()).contains("job.json.damaged");

            JsonNode rows = second.get("/api/v1/jobs/" + rowsDamaged + "/metrics");
            assertThat(rows.get("epochs")).hasSize(11);
            assertThat(rows.get("warnings").get(0).asString()).contains("metrics.jsonl line 2");
            JsonNode checkpoints = second.get("/api/v1/jobs/" + rowsDamaged + "/checkpoints");
            int listedBest = checkpoints.get("checkpoints").get(0).get("epoch").asInt();
            assertThat(second.get("/api/v1/jobs/" + rowsDamaged + "/checkpoints/best").get("epoch").asInt())
                    .as("the list and the download agree on the intact best").isEqualTo(listedBest);
            assertThat(second.job(rowsDamaged).get("warnings").toString()).contains("best checkpoint");

            assertThat(second.get("/api/v1/datasets/" + dataset).get("damaged").asString())
                    .contains("does not read back intact");
            HttpResponse<String> onDamaged = second.post("/api/v1/jobs",
                    "{\"dataset\": {\"id\": \"" + dataset + "\"}, \"validationSplit\": 0}", null);
            assertThat(onDamaged.statusCode()).isEqualTo(400);
            assertThat(onDamaged.body()).contains("dataset.id").contains("damaged");

            HttpResponse<String> replay = second.post("/api/v1/jobs", JOB.replace("\"seed\": 3", "\"seed\": 4"),
                    "key-1");
            assertThat(replay.statusCode()).as("a damaged key never creates a second job").isEqualTo(409);
            assertThat(second.get("/api/v1/jobs").get("jobs")).hasSize(1);

            JsonNode health = second.get("/actuator/health/liveness");
            assertThat(health.get("status").asString()).isEqualTo("UP");
            String details = second.send("GET", "/actuator/health", null, null).body();
            assertThat(details).contains("damagedCount");
        }
    }

    /** The id in a job's JSON answer. */
    private static final class JsonField {
        static String id(HttpResponse<String> response) throws Exception {
            return ServiceProcess.JSON.readTree(response.body()).get("id").asString();
        }
    }
}
