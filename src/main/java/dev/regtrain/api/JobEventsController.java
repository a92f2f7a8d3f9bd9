package dev.regtrain.api;

import dev.regtrain.config.RegtrainProperties;
import dev.regtrain.engine.EpochMetrics;
import dev.regtrain.jobs.JobEvents;
import dev.regtrain.jobs.JobRecord;
import dev.regtrain.jobs.JobService;
import dev.regtrain.common.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@Tag(name = "Jobs")
class JobEventsController {

    /** The event types, as the OpenAPI document lists them. */
    static final String EVENT_TYPES = "The stream's events, each a JSON document in its data field: 'status' (the "
            + "job, as GET /api/v1/jobs/{id} answers: schema JobResponse) first, then on every status change and "
            + "last; 'epoch' (one metrics row: schema MetricsRow; the event id is the epoch) once per epoch, in "
            + "order. Comments (': keep-alive') keep an idle connection open.";

    private final JobService jobs;
    private final EventStreams streams;
    private final Clock clock;
    private final Duration heartbeat;

    JobEventsController(JobService jobs, EventStreams streams, Clock clock, RegtrainProperties properties) {
        this.jobs = jobs;
        this.streams = streams;
        this.clock = clock;
        this.heartbeat = properties.events().heartbeat();
    }

    @GetMapping(path = "/api/v1/jobs/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(operationId = "followJob", summary = "Follow a job as server-sent events",
            description = "First a 'status' event with the job as it is now; then one 'epoch' event per epoch in "
                    + "order (id = epoch number; earlier epochs are replayed after Last-Event-ID or 'since', all of "
                    + "them by default); a 'status' event on every status change; the stream ends after the final "
                    + "status. Try: curl -N http://localhost:8080/api/v1/jobs/ID/events")
    @ApiResponse(responseCode = "200", description = EVENT_TYPES, content = @Content(
            mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string",
            description = "A text/event-stream (the HTML Living Standard's server-sent events)"), examples = {
            @ExampleObject(name = "status", summary = "A status event: the job as GET /api/v1/jobs/{id} answers",
                    value = "event:status\ndata:{\"id\":\"9b1d5e0c-4e6f-4c43-9a55-2f0b1e4f7a10\",\"status\":"
                            + "\"RUNNING\",\"progress\":{\"epoch\":6,\"epochs\":200}}\n\n"),
            @ExampleObject(name = "epoch", summary = "An epoch event: one metrics row, with the epoch as its id",
                    value = "event:epoch\nid:7\ndata:{\"epoch\":7,\"seconds\":0.04,\"trainLoss\":0.352,"
                            + "\"valLoss\":0.298}\n\n")}))
    @ApiResponse(responseCode = "429", description = "This client already holds "
            + "regtrain.events.max-streams-per-client streams; close one first")
    @ApiResponse(responseCode = "503", description = "Every event stream slot is taken "
            + "(regtrain.events.max-streams); retry after Retry-After seconds")
    SseEmitter events(@PathVariable String id,
                      @Parameter(description = "Replay epochs after this one (default 0: all)")
                      @RequestParam(required = false) Integer since,
                      @Parameter(description = "The id of the last event received (an epoch): a reconnecting "
                              + "client continues after it")
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                      @Parameter(hidden = true) jakarta.servlet.http.HttpServletRequest request) {
        JobEvents.Start start = jobs.follow(id, epochsSeen(since, lastEventId));
        SseEmitter emitter = new SseEmitter(0L);
        switch (streams.start(request.getRemoteAddr(), () -> stream(id, start, emitter))) {
            case SERVICE_FULL -> throw new TooManyStreamsException();
            case CLIENT_FULL -> throw new TooManyClientStreamsException(streams.maxStreamsPerClient());
            case NONE -> { }
        }
        return emitter;
    }

    private static int epochsSeen(Integer since, String lastEventId) {
        if (since != null) {
            return Math.max(0, since);
        }
        if (lastEventId != null) {
            try {
                return Math.max(0, Integer.parseInt(lastEventId.trim()));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    private void stream(String id, JobEvents.Start start, SseEmitter emitter) {
        try {
            sendStatus(emitter, start.current());
            boolean lastWasFinalStatus = start.current().status().isFinal();
            JobEvents.Cursor cursor = start.cursor();
            while (streams.open()) {
                JobEvents.Batch batch = jobs.next(id, cursor, heartbeat);
                for (EpochMetrics row : batch.epochs()) {
                    emitter.send(SseEmitter.event().name("epoch").id(Integer.toString(row.epoch()))
                            .data(MetricsRow.of(row), MediaType.APPLICATION_JSON));
                    lastWasFinalStatus = false;
                }
                if (batch.status() != null) {
                    sendStatus(emitter, batch.status());
                    lastWasFinalStatus = batch.status().status().isFinal();
                }
                cursor = batch.next();
                if (batch.finished()) {
                    if (!lastWasFinalStatus) {
                        sendStatus(emitter, jobs.get(id));
                    }
                    break;
                }
                if (batch.epochs().isEmpty() && batch.status() == null) {
                    emitter.send(SseEmitter.event().comment("keep-alive"));
                }
            }
            emitter.complete();
        } catch (IOException | IllegalStateException | NotFoundException e) {
            emitter.complete(); // the client went away, or the job was deleted
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emitter.complete();
        }
    }

    private void sendStatus(SseEmitter emitter, JobRecord job) throws IOException {
        emitter.send(SseEmitter.event().name("status").data(JobResponse.of(job, clock.instant(), java.util.List.of(),
                        jobs.diagnostics(job.id())),
                MediaType.APPLICATION_JSON));
    }

    /** Every stream slot is taken. */
    static final class TooManyStreamsException extends RuntimeException {
        TooManyStreamsException() {
            super("too many open event streams (limit regtrain.events.max-streams); try again shortly");
        }
    }

    static final class TooManyClientStreamsException extends RuntimeException {
        TooManyClientStreamsException(int max) {
            super("this client already holds " + max + " open event streams (limit "
                    + "regtrain.events.max-streams-per-client); close one first");
        }
    }
}
