package dev.regtrain.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.regtrain.storage.postgres.TestPostgres;
import dev.regtrain.webhooks.Receiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Three service jars on one PostgreSQL ({@code regtrain.store=postgres}), each with its own data directory and one
 * worker. Jobs are submitted through different instances and spread over them; the instance that trains the long job
 * is killed with SIGKILL mid-training; another takes the job over when its lease runs out and resumes it from its last
 * checkpoint. Every job ends exactly once, each has one metrics row per epoch, and the moved job ends bit-identical to
 * an uninterrupted run. A cancel sent to one instance stops a job another trains, and an event stream opened on an
 * instance that does not train the job follows it to its end. A study created on the killed instance is taken over by
 * a survivor and ends, and a study cancelled through the instance that does not coordinate it ends cancelled. Keys and
 * webhooks are shared too.
 */
@Tag("slow")
class ClusterIT {

    private static final String LEASE = "6s";

    @TempDir
    Path dir;

    private ServiceProcess start(String name, String database, String... more) throws Exception {
        Path data = Files.createDirectories(dir.resolve(name));
        List<String> arguments = new ArrayList<>(List.of("--regtrain.store=postgres",
                "--spring.datasource.url=" + database, "--regtrain.workers=1",
                "--regtrain.cluster.lease-timeout=" + LEASE));
        arguments.addAll(List.of(more));
        return ServiceProcess.start(data, dir.resolve(name + ".log"), arguments.toArray(String[]::new));
    }

    private static String job(int seed, int epochs) {
        return Runs.JOB.replace("\"seed\": 2024", "\"seed\": " + seed).replace("\"epochs\": 60",
                "\"epochs\": " + epochs);
    }

    /** The instance (of those given) that trains the job now, by the cluster view of {@code asked}. */
    private static ServiceProcess owner(ServiceProcess asked, String jobId, List<ServiceProcess> among)
            throws Exception {
        for (JsonNode instance : asked.get("/api/v1/cluster").get("instances")) {
            for (JsonNode job : instance.get("jobs")) {
                if (job.asString().equals(jobId)) {
                    String url = instance.get("url").asString();
                    String port = url.substring(url.lastIndexOf(':'));
                    return among.stream().filter(s -> s.baseUrl().endsWith(port)).findFirst().orElse(null);
                }
            }
        }
        return null;
    }

    private static void assertEndedOnceWithOneRowPerEpoch(ServiceProcess service, String id, int epochs)
            throws Exception {
        JsonNode job = service.awaitFinal(id);
        List<String> finals = new ArrayList<>();
        job.get("history").forEach(h -> {
            String status = h.get("status").asString();
            if (status.equals("SUCCEEDED") || status.equals("FAILED") || status.equals("CANCELLED")) {
                finals.add(status);
            }
        });
        assertThat(finals).as("job %s ends exactly once", id).hasSize(1);
        List<Integer> rows = new ArrayList<>();
        service.get("/api/v1/jobs/" + id + "/metrics").get("epochs").forEach(r -> rows.add(r.get("epoch").asInt()));
        assertThat(rows).as("job %s has each epoch's row once", id)
                .isEqualTo(IntStream.rangeClosed(1, epochs).boxed().toList());
    }

    @Test
    void jobsSpreadOverThreeInstancesAndAKilledInstancesJobResumesElsewhereBitIdentical() throws Exception {
        String database = TestPostgres.newDatabase();
        try (ServiceProcess a = start("a", database); ServiceProcess b = start("b", database);
             ServiceProcess c = start("c", database)) {
            List<ServiceProcess> all = List.of(a, b, c);
            String moved = a.submit(Runs.JOB);
            String shortOne = b.submit(job(7, 6));
            String shortTwo = c.submit(job(8, 6));
            c.awaitEpoch(moved, 12);
            await().atMost(Duration.ofSeconds(30)).until(() -> owner(c, moved, all) != null);
            ServiceProcess victim = owner(c, moved, all);
            List<ServiceProcess> survivors = all.stream().filter(s -> s != victim).toList();
            String orphan = createStudy(victim); // coordinated by the victim until it dies, then by a survivor
            victim.kill();

            ServiceProcess survivor = survivors.get(0);
            String study = createStudy(survivors.get(1)); // its children train on both survivors
            JsonNode resumed = survivor.awaitFinal(moved);
            assertThat(resumed.get("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(resumed.get("resumedFromEpoch").asInt()).isBetween(11, 59);
            assertEndedOnceWithOneRowPerEpoch(survivor, moved, 60);
            assertEndedOnceWithOneRowPerEpoch(survivor, shortOne, 6);
            assertEndedOnceWithOneRowPerEpoch(survivors.get(1), shortTwo, 6);

            String reference = survivors.get(1).submit(Runs.JOB);
            survivor.awaitFinal(reference);
            assertThat(Runs.rowsWithoutTime(survivor, moved)).isEqualTo(Runs.rowsWithoutTime(survivor, reference));
            assertThat(Runs.model(survivor, moved)).isEqualTo(Runs.model(survivors.get(1), reference));
            assertThat(survivor.job(reference).get("resumedFromEpoch").isNull()).isTrue();

            JsonNode cluster = survivor.get("/api/v1/cluster");
            List<String> alive = new ArrayList<>();
            cluster.get("instances").forEach(i -> {
                if (i.get("alive").asBoolean()) {
                    alive.add(i.get("url").asString());
                }
            });
            assertThat(alive).hasSize(2);

            for (String id : List.of(study, orphan)) {
                JsonNode studied = awaitStudy(survivor, id);
                assertThat(studied.get("status").asString()).as("study %s", id).isEqualTo("SUCCEEDED");
                assertThat(studied.get("progress").get("jobsDone").asInt()).isEqualTo(studied.get("progress")
                        .get("jobs").asInt());
            }

            String cancelled = createStudy(survivors.get(0));
            HttpResponse<String> cancel = survivors.get(1).send("POST", "/api/v1/studies/" + cancelled + "/cancel",
                    null, null);
            assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(202);
            assertThat(awaitStudy(survivors.get(1), cancelled).get("status").asString())
                    .as("a study cancelled through the instance that does not coordinate it").isEqualTo("CANCELLED");

            cancelAndFollowAcrossInstances(survivors);
        }
    }

    private static final String ADMIN = "rtk_admin-key-of-the-cluster-test";

    /**
     * Keys and webhooks live in the database: a key created through one instance authenticates on the other and a
     * revoke through the other is refused by the first; a webhook registered on one instance hears the end of a job
     * whichever instance trained it, once each, and both instances show its deliveries.
     */
    @Test
    void aKeyCreatedOnOneInstanceWorksOnTheOtherAndAWebhookRegisteredOnOneHearsJobsThatEndOnEither()
            throws Exception {
        String database = TestPostgres.newDatabase();
        String[] keyed = {"--regtrain.security.mode=api-key", "--regtrain.security.bootstrap-admin-key-sha256="
                + dev.regtrain.security.KeyService.sha256(ADMIN), "--regtrain.webhooks.allow-http=true",
                "--regtrain.webhooks.allowed-hosts=127.0.0.1"};
        try (Receiver receiver = Receiver.on127001(); ServiceProcess a = start("ka", database, keyed);
             ServiceProcess b = start("kb", database, keyed)) {
            a.useKey(ADMIN);
            HttpResponse<String> created = a.post("/api/v1/keys",
                    "{\"owner\": \"team-a\", \"role\": \"user\", \"name\": \"ci\"}", null);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonNode key = ServiceProcess.JSON.readTree(created.body());
            b.useKey(key.get("key").asString());
            assertThat(b.status("/api/v1/jobs")).isEqualTo(200);
            b.useKey(ADMIN);
            assertThat(b.send("DELETE", "/api/v1/keys/" + key.get("id").asString(), null, null).statusCode())
                    .isEqualTo(204);
            a.useKey(key.get("key").asString());
            assertThat(a.status("/api/v1/jobs")).as("revoked through the other instance").isEqualTo(401);

            a.useKey(ADMIN);
            HttpResponse<String> webhook = a.post("/api/v1/webhooks", "{\"url\": \"" + receiver.url("/hook")
                    + "\", \"events\": [\"job.succeeded\"]}", null);
            assertThat(webhook.statusCode()).as(webhook.body()).isEqualTo(201);
            String webhookId = ServiceProcess.JSON.readTree(webhook.body()).get("id").asString();
            List<ServiceProcess> both = List.of(a, b);
            String first = a.submit(job(21, 20));
            await().atMost(Duration.ofSeconds(60)).until(() -> owner(a, first, both) != null);
            ServiceProcess firstTrainer = owner(a, first, both);
            String second = b.submit(job(22, 20)); // the first one's instance is busy: the other trains it
            await().atMost(Duration.ofSeconds(60)).until(() -> owner(a, second, both) != null);
            assertThat(owner(a, second, both)).as("each instance trains one").isNotSameAs(firstTrainer);

            a.awaitFinal(first);
            a.awaitFinal(second);
            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.requests().size() >= 2);
            List<String> announced = new ArrayList<>();
            for (Receiver.Request request : receiver.requests()) {
                announced.add(ServiceProcess.JSON.readTree(new String(request.body(),
                        java.nio.charset.StandardCharsets.UTF_8)).get("data").get("id").asString());
            }
            assertThat(announced).containsExactlyInAnyOrder(first, second);
            await().atMost(Duration.ofSeconds(10)).until(() -> b.get("/api/v1/webhooks/" + webhookId
                    + "/deliveries").get("deliveries").size() == 2);
        }
    }

    private static final String STUDY = """
            {"name": "shared", "seed": 11,
             "template": {"dataset": {"builtin": "moons", "samples": 300, "noise": 0.3},
                          "network": {"hidden": [{"units": 16}]},
                          "training": {"epochs": 20, "batchSize": 16, "optimizer": "adam", "learningRate": 0.01}},
             "search": {"method": "grid", "parameters": {"regularization.penalty.l2": {"values": [0.01, 1]}}},
             "crossValidation": {"folds": 2}}
            """;

    private static String createStudy(ServiceProcess service) throws Exception {
        HttpResponse<String> response = service.post("/api/v1/studies", STUDY, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return ServiceProcess.JSON.readTree(response.body()).get("id").asString();
    }

    private static JsonNode awaitStudy(ServiceProcess service, String id) throws Exception {
        await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(200)).until(() -> {
            String status = service.get("/api/v1/studies/" + id).get("status").asString();
            return status.equals("SUCCEEDED") || status.equals("FAILED") || status.equals("CANCELLED");
        });
        return service.get("/api/v1/studies/" + id);
    }

    /** A stream opened on the instance that does not train the job follows it; a cancel sent there stops it. */
    private void cancelAndFollowAcrossInstances(List<ServiceProcess> survivors) throws Exception {
        String id = survivors.get(0).submit(job(9, 60));
        await().atMost(Duration.ofSeconds(60)).until(() -> owner(survivors.get(0), id, survivors) != null);
        ServiceProcess trainer = owner(survivors.get(0), id, survivors);
        ServiceProcess other = survivors.stream().filter(s -> s != trainer).findFirst().orElseThrow();

        ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
        HttpClient http = HttpClient.newHttpClient();
        Thread reader = new Thread(() -> {
            try {
                http.send(HttpRequest.newBuilder(URI.create(other.url("/api/v1/jobs/" + id + "/events")))
                        .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines())
                        .body().forEach(lines::add);
            } catch (Exception e) {
                lines.add("failed: " + e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofSeconds(120)).until(() -> lines.stream().filter(l -> l.replace(" ", "").equals("event:epoch"))
                .count() >= 2);

        HttpResponse<String> cancel = other.send("POST", "/api/v1/jobs/" + id + "/cancel", null, null);
        assertThat(cancel.statusCode()).isEqualTo(202);
        JsonNode cancelled = other.awaitFinal(id);
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("stop").get("reason").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("stop").get("epoch").asInt()).isLessThan(60);

        reader.join(Duration.ofSeconds(30).toMillis());
        List<String> data = lines.stream().filter(l -> l.startsWith("data:")).toList();
        assertThat(data).isNotEmpty();
        assertThat(data.get(data.size() - 1)).contains("CANCELLED");
        assertThat(reader.isAlive()).as("the stream ended with the job").isFalse();
    }
}
