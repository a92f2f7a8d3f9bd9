package dev.regtrain.process;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The packaged service jar running as a child process ({@code java -jar}), on a data directory of the test's. */
final class ServiceProcess implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** The API key every request carries from now on; null: none. */
    private volatile String key;

    private ServiceProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the jar and waits until it reports UP. */
    static ServiceProcess start(Path dataDir, Path log, String... extraArguments) throws IOException {
        String jar = System.getProperty("regtrain.jar");
        if (jar == null || !Files.exists(Path.of(jar))) {
            throw new IllegalStateException("the packaged jar is missing: run these tests with ./mvnw verify");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:+ExitOnOutOfMemoryError", "--add-modules", "jdk.incubator.vector", "-jar", jar,
                "--server.port=" + port, "--regtrain.data-dir=" + dataDir,
                "--spring.main.banner-mode=off"));
        command.addAll(List.of(extraArguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        ServiceProcess service = new ServiceProcess(process, port);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited during start; see " + log);
            }
            return service.status("/actuator/health/liveness") == 200; // ready or not: a full disk is not ready
        });
        return service;
    }

    /** Where the service listens, e.g. http://localhost:40123. */
    String baseUrl() {
        return "http://localhost:" + port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        String current = key;
        return current == null ? builder : builder.header("Authorization", "Bearer " + current);
    }

    /** Sends {@code apiKey} with every later request (null: no key). */
    void useKey(String apiKey) {
        this.key = apiKey;
    }

    int status(String path) {
        try {
            return http.send(request(path).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    HttpResponse<String> post(String path, String json, String idempotencyKey) throws Exception {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Any request, answered whatever its status. */
    HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder builder = request(path).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Uploads a CSV dataset and returns its record. */
    JsonNode upload(String csv) throws Exception {
        HttpResponse<String> response = http.send(request("/api/v1/datasets?name=before").header("Content-Type",
                "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("upload answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    String submit(String json) throws Exception {
        HttpResponse<String> response = post("/api/v1/jobs", json, null);
        if (response.statusCode() != 202) {
            throw new IllegalStateException("submit answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).get("id").asString();
    }

    JsonNode job(String id) throws Exception {
        return get("/api/v1/jobs/" + id);
    }

    void awaitEpoch(String id, int epoch) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                .until(() -> job(id).get("progress").get("epoch").asInt() >= epoch);
    }

    JsonNode awaitFinal(String id) throws Exception {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(100)).until(() -> {
            String status = job(id).get("status").asString();
            return status.equals("SUCCEEDED") || status.equals("FAILED") || status.equals("CANCELLED");
        });
        return job(id);
    }

    /** SIGKILL: the process gets no chance to do anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, then waits for the process to exit on its own. */
    void terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException("the service did not stop within 120 s of SIGTERM");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
