package dev.regtrain.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * Hostile input: a few thousand mutated and random requests against every endpoint, over real HTTP so that Tomcat
 * and the filters are attacked too. No answer is a 5xx; every 4xx is a problem document without stack traces, class
 * names or paths; the service stays healthy; and every job and dataset that existed before is exactly as it was.
 *
 * <p>The requests come from one seeded random source: a failure prints the request that caused it, and rerunning
 * with the same seed ({@code -Dregtrain.fuzz.seed=...}) sends the same requests. {@code -Dregtrain.fuzz.rounds=N}
 * sends N times as many. It takes half a minute or so, hence the tag.
 */
@Tag("slow")
class HostileInputFuzzTests extends ServiceTest {

    private static final long SEED = Long.getLong("regtrain.fuzz.seed", 20_261_125L);
    private static final int ROUNDS = Integer.getInteger("regtrain.fuzz.rounds", 1);
    private static final int SHOWN_VIOLATIONS = 25;

    private final List<String> stormJobs = new ArrayList<>();
    private final List<String> stormDatasets = new ArrayList<>();

    @Test
    void hostileRequestsGetProblemsNeverA5xxAndChangeNothingThatWasThere() {
        String job = submit(moonsJob(6, "\"regularization\": {\"dropout\": {\"hidden\": 0.2}}, "
                + "\"checkpoints\": {\"everyEpochs\": 2, \"keepLast\": 2}"));
        assertThat(awaitFinal(job).get("status").asString()).isEqualTo("SUCCEEDED");
        String dataset = upload("?name=survivor", HostileCsv.valid(10)).get("id").asString();
        Map<String, String> before = snapshot(job, dataset);
        Map<String, String> existing = finishedJobsAndDatasets();
        AnswerChecks checks = new AnswerChecks(DATA_DIR.toString());
        ProbeClient client = new ProbeClient(port, checks,
                Map.of(HostileRequests.JOB, job, HostileRequests.DATASET, dataset));
        HostileRequests requests = new HostileRequests(new Random(SEED),
                before.get("model").replace(job, HostileRequests.JOB));

        long start = System.nanoTime();
        for (int round = 0; round < ROUNDS; round++) {
            storm(requests, client);
        }
        cleanUp(client, checks);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("hostile input, seed %d: %d requests in %.1f s (%d generated ones the client would not send)"
                        + "%n  mix: %s%n  statuses: %s%n  storm created %d jobs and %d datasets, all removed%n", SEED,
                client.sent(), took.toMillis() / 1000.0, client.unsendable(), client.mix(), client.statuses(),
                stormJobs.size(), stormDatasets.size());

        writeViolations(client.violations());
        assertThat(client.violations()).as(() -> client.violations().size() + " violations (seed " + SEED
                + "), the first ones:\n\n" + String.join("\n\n", client.violations().subList(0,
                Math.min(SHOWN_VIOLATIONS, client.violations().size())))).isEmpty();
        assertThat(client.sent()).isGreaterThanOrEqualTo(2000 * ROUNDS);
        assertThat(getJson("/actuator/health").get("status").asString()).isEqualTo("UP");
        assertThat(getJson("/actuator/health/readiness").get("status").asString()).isEqualTo("UP");
        assertThat(snapshot(job, dataset)).isEqualTo(before);
        assertThat(finishedJobsAndDatasets()).as("every job and dataset that was there before")
                .containsAllEntriesOf(existing);
    }

    /** All violations, for a look beyond the first few the assertion shows. */
    private static void writeViolations(List<String> violations) {
        try {
            Path file = Path.of("target", "hostile-input-violations.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, String.join("\n\n", violations));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void storm(HostileRequests requests, ProbeClient client) {
        repeat(client, 900, requests::mutatedJob);
        repeat(client, 150, requests::randomJob);
        requests.emptyBodies().forEach(probe -> send(client, probe));
        send(client, requests.hugeJob(3));
        send(client, requests.hugeJob(12));
        repeat(client, 250, requests::mutatedPrediction);
        repeat(client, 4, requests::largePrediction);
        repeat(client, 250, requests::upload);
        repeat(client, 550, requests::read);
        repeat(client, 150, requests::wrongMethod);
        repeat(client, 40, requests::oddDelete);
        for (Probe raw : RawRequests.all()) {
            remember(raw, client.sendRaw(raw), client);
        }
    }

    private void repeat(ProbeClient client, int times, Supplier<Probe> probes) {
        for (int i = 0; i < times; i++) {
            send(client, probes.get());
        }
    }

    private void send(ProbeClient client, Probe probe) {
        remember(probe, client.send(probe), client);
    }

    /** Keeps what the storm created; a job is cancelled at once, so that no worker stays busy with it. */
    private void remember(Probe probe, ProbeClient.Answer answer, ProbeClient client) {
        if (answer == null || (answer.status() != 201 && answer.status() != 202)) {
            return;
        }
        JsonNode created = read(answer.body());
        if (answer.status() == 202 && created.has("links") && !stormJobs.contains(created.get("id").asString())) {
            String id = created.get("id").asString();
            stormJobs.add(id);
            client.send(Probe.of("POST cancel (storm job)", "POST", HostileRequests.JOBS + "/" + id + "/cancel"));
        } else if (answer.status() == 201 && created.has("rows")) {
            stormDatasets.add(created.get("id").asString());
        }
    }

    /** Waits out every job the storm created, then deletes them and its datasets: each delete must be a 204. */
    private void cleanUp(ProbeClient client, AnswerChecks checks) {
        for (String id : stormJobs) {
            awaitFinal(id);
            assertThat(checks.leakIn(getText(HostileRequests.JOBS + "/" + id))).as("job %s as it ended", id).isNull();
            assertThat(client.send(Probe.of("DELETE storm job", "DELETE", HostileRequests.JOBS + "/" + id)).status())
                    .isEqualTo(204);
        }
        for (String id : stormDatasets) {
            assertThat(client.send(Probe.of("DELETE storm dataset", "DELETE", HostileRequests.DATASETS + "/" + id))
                    .status()).isEqualTo(204);
        }
    }

    /** Everything the service says about the job and the dataset, as text. */
    private Map<String, String> snapshot(String job, String dataset) {
        Map<String, String> state = new LinkedHashMap<>();
        String path = HostileRequests.JOBS + "/" + job;
        for (String part : List.of("", "/metrics", "/checkpoints", "/checkpoints/best", "/checkpoints/latest",
                "/model")) {
            state.put(part.isEmpty() ? "job" : part.substring(1), getText(path + part));
        }
        state.put("metrics.csv", http.get().uri(path + "/metrics").accept(MediaType.parseMediaType("text/csv"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        state.put("predictions", http.post().uri(path + "/predictions").contentType(MediaType.APPLICATION_JSON)
                .body("{\"inputs\": [[0.5, -0.25], [1.0, 0.0]], \"mcDropoutSamples\": 5, \"seed\": 3}").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        state.put("dataset", getText(HostileRequests.DATASETS + "/" + dataset));
        state.put("listed", Boolean.toString(getJson(HostileRequests.DATASETS).get("datasets").findValuesAsString("id")
                .contains(dataset) && getJson(HostileRequests.JOBS + "?limit=1000").get("jobs")
                .findValuesAsString("id").contains(job)));
        return state;
    }

    /** Every finished job and every dataset there is, by id, as the service describes them. */
    private Map<String, String> finishedJobsAndDatasets() {
        Map<String, String> state = new LinkedHashMap<>();
        for (JsonNode summary : getJson(HostileRequests.JOBS + "?limit=1000").get("jobs")) {
            if (FINAL.contains(summary.get("status").asString())) {
                String id = summary.get("id").asString();
                state.put("job " + id, getText(HostileRequests.JOBS + "/" + id));
            }
        }
        for (JsonNode dataset : getJson(HostileRequests.DATASETS).get("datasets")) {
            state.put("dataset " + dataset.get("id").asString(), dataset.toString());
        }
        return state;
    }
}
