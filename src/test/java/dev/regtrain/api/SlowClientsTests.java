package dev.regtrain.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Slow and greedy clients against a service with few request threads: a client trickling bodies gets 429 beyond its
 * share and 408 once it is too slow, while other requests are answered; one client cannot hold every event stream; a
 * prediction is bounded in work (refused up front) and in time (stopped, so an abandoned one does not compute on).
 */
@TestPropertySource(properties = {"server.tomcat.threads.max=12", "regtrain.limits.max-bodies-per-client=4",
        "regtrain.limits.body-grace=1s", "regtrain.limits.min-body-rate=1KB", "regtrain.events.max-streams-per-client=2",
        "regtrain.events.heartbeat=500ms", "regtrain.limits.prediction-timeout=200ms",
        "regtrain.limits.max-prediction-work=5000000000"})
class SlowClientsTests extends ServiceTest {

    private final ScheduledExecutorService trickle = Executors.newScheduledThreadPool(2);
    private final List<Socket> sockets = new ArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void closeEverything() throws IOException {
        trickle.shutdownNow();
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    /** Opens a POST whose 10,000-byte body arrives one byte every 200 ms; returns the socket to read the answer. */
    private Socket trickling() throws IOException {
        Socket socket = new Socket("localhost", port);
        sockets.add(socket);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/v1/jobs HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 10000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        trickle.scheduleAtFixedRate(() -> {
            try {
                out.write(' ');
                out.flush();
            } catch (IOException e) {
                throw new IllegalStateException("closed", e); // ends this socket's schedule
            }
        }, 200, 200, TimeUnit.MILLISECONDS);
        return socket;
    }

    private static int status(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            line.append((char) b);
        }
        return Integer.parseInt(line.toString().split(" ")[1]);
    }

    @Test
    void clientsTricklingBodiesGetTheirShareAnd408WhileOtherRequestsAreAnswered() throws Exception {
        List<Socket> slow = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            slow.add(trickling());
        }
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (Socket socket : slow) {
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return status(socket);
                } catch (IOException e) {
                    return -1;
                }
            }));
        }

        for (int i = 0; i < 20; i++) { // 20 trickling bodies and 12 request threads: polls are still answered
            HttpResponse<String> poll = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/v1/jobs?limit=1")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(poll.statusCode()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> answers.stream().allMatch(CompletableFuture::isDone));
        List<Integer> statuses = answers.stream().map(CompletableFuture::join).toList();
        assertThat(statuses).containsOnly(408, 429);
        assertThat(statuses).filteredOn(s -> s == 408).as("the client's share was read, then cut off").hasSize(4);
    }

    @Test
    void oneClientHoldsItsShareOfEventStreamsAndADroppedStreamFreesItsSlot() throws Exception {
        String id = submit(moonsJob(2000, ""));
        List<CompletableFuture<HttpResponse<Stream<String>>>> streams = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            streams.add(client.sendAsync(events(id), HttpResponse.BodyHandlers.ofLines()));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> streams.stream().allMatch(CompletableFuture::isDone));

        HttpResponse<String> third = client.send(events(id), HttpResponse.BodyHandlers.ofString());
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(read(third.body()).get("detail").asString()).contains("regtrain.events.max-streams-per-client");

        streams.get(0).join().body().close(); // the client goes away
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            CompletableFuture<HttpResponse<Stream<String>>> again = client.sendAsync(events(id),
                    HttpResponse.BodyHandlers.ofLines());
            HttpResponse<Stream<String>> response = again.get(5, TimeUnit.SECONDS);
            boolean accepted = response.statusCode() == 200;
            if (accepted) {
                streams.add(again);
            } else {
                response.body().close();
            }
            return accepted;
        });
        streams.forEach(s -> s.join().body().close());
        http.post().uri("/api/v1/jobs/" + id + "/cancel").exchange();
    }

    private HttpRequest events(String id) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/jobs/" + id + "/events"))
                .header("Accept", "text/event-stream").build();
    }

    @Test
    void aPredictionIsRefusedUpFrontBeyondTheWorkLimitAndStoppedBeyondTheTimeLimit() {
        String id = submit(moonsJob(2, "\"regularization\": {\"dropout\": {\"hidden\": 0.3}}"));
        awaitFinal(id);

        JsonNode refused = predict(id, 100_000, 1000, 400); // 100,000 × 1,000 × 65 parameters > 5e9
        assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("mcDropoutSamples");
        assertThat(refused.get("errors").get(0).get("message").asString())
                .contains("regtrain.limits.max-prediction-work");

        JsonNode stopped = predict(id, 50_000, 1000, 503); // allowed, but far longer than 200 ms
        assertThat(stopped.get("detail").asString()).contains("regtrain.limits.prediction-timeout");

        assertThat(predict(id, 1, 1000, 200).get("predictions")).hasSize(1);
    }

    private JsonNode predict(String id, int rows, int samples, int status) {
        StringBuilder inputs = new StringBuilder("[0.1, 0.2]");
        for (int i = 1; i < rows; i++) {
            inputs.append(",[").append(i % 7 * 0.1).append(", 0.3]");
        }
        return read(http.post().uri("/api/v1/jobs/" + id + "/predictions").contentType(MediaType.APPLICATION_JSON)
                .body("{\"inputs\": [" + inputs + "], \"mcDropoutSamples\": " + samples + "}").exchange()
                .expectStatus().isEqualTo(status).expectBody(String.class).returnResult().getResponseBody());
    }
}
