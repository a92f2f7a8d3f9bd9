package dev.regtrain.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The events endpoint as a client sees it: raw server-sent events over HTTP. */
class EventStreamTests extends ServiceTest {

    record Event(String name, String id, JsonNode data) {
    }

    /** Reads the whole stream until the server closes it. */
    List<Event> readStream(String path, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(120));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<Event> events = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String name = null;
            String id = null;
            StringBuilder data = new StringBuilder();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty()) {
                    if (name != null) {
                        events.add(new Event(name, id, read(data.toString())));
                    }
                    name = null;
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                }
            }
        }
        return events;
    }

    @Test
    void aSubscriberGetsTheStatusFirstThenEveryEpochInOrderAndTheStreamClosesAfterTheFinalStatus() throws Exception {
        String id = submit(moonsJob(25, ""));

        List<Event> events = readStream("/api/v1/jobs/" + id + "/events", null);

        assertThat(events.get(0).name()).isEqualTo("status");
        List<Integer> epochs = events.stream().filter(e -> e.name().equals("epoch"))
                .map(e -> e.data().get("epoch").asInt()).toList();
        assertThat(epochs).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 25).boxed().toList());
        assertThat(events.stream().filter(e -> e.name().equals("epoch")).map(Event::id).toList())
                .containsExactlyElementsOf(epochs.stream().map(String::valueOf).toList());
        Event last = events.get(events.size() - 1);
        assertThat(last.name()).isEqualTo("status");
        assertThat(last.data().get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(last.data().get("stop").get("reason").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void aLateSubscriberFirstGetsTheCurrentStatusAndCanResumeAfterTheLastEventItSaw() throws Exception {
        String id = submit(moonsJob(10, ""));
        awaitFinal(id);

        List<Event> events = readStream("/api/v1/jobs/" + id + "/events", "7");

        assertThat(events.get(0).name()).isEqualTo("status");
        assertThat(events.get(0).data().get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(events.stream().filter(e -> e.name().equals("epoch")).map(e -> e.data().get("epoch").asInt()))
                .containsExactly(8, 9, 10);
        assertThat(events.get(events.size() - 1).name()).isEqualTo("status");
    }

    @Test
    void followingAnUnknownJobIsAProblem() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/jobs/00000000-0000-0000-0000-000000000000/events"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }
}
