package dev.regtrain.api;

import dev.regtrain.common.NotFoundException;
import dev.regtrain.config.RegtrainProperties;
import dev.regtrain.jobs.JobStatus;
import dev.regtrain.studies.FoldRecord;
import dev.regtrain.studies.StudyRecord;
import dev.regtrain.studies.StudyService;
import dev.regtrain.studies.TrialRecord;
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
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@Tag(name = "Studies")
class StudyEventsController {

    /** The event types, as the OpenAPI document lists them. */
    static final String EVENT_TYPES = "The stream's events, each a JSON document in its data field: 'status' (the "
            + "study, as GET /api/v1/studies/{id} answers: schema StudyResponse) first, then on every status change "
            + "and last; 'trial' (one trial with its folds: schema TrialRecord; the event id is the trial number) "
            + "whenever one of its jobs ends. Comments (': keep-alive') keep an idle connection open.";

    private final StudyService studies;
    private final EventStreams streams;
    private final Clock clock;
    private final Duration heartbeat;

    StudyEventsController(StudyService studies, EventStreams streams, Clock clock, RegtrainProperties properties) {
        this.studies = studies;
        this.streams = streams;
        this.clock = clock;
        this.heartbeat = properties.events().heartbeat();
    }

    @GetMapping(path = "/api/v1/studies/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(operationId = "followStudy", summary = "Follow a study as server-sent events", description = "First a "
            + "'status' event with the study as it is now; a 'trial' event (the trial with its folds) whenever one of "
            + "its jobs ends; a 'status' event on every status change; the stream ends after the final status. Try: "
            + "curl -N http://localhost:8080/api/v1/studies/ID/events")
    @ApiResponse(responseCode = "200", description = EVENT_TYPES, content = @Content(
            mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string",
            description = "A text/event-stream (the HTML Living Standard's server-sent events)"), examples = {
            @ExampleObject(name = "status", summary = "A status event: the study as GET /api/v1/studies/{id} answers",
                    value = "event:status\ndata:{\"id\":\"5c0d2e1a-4e6f-4c43-9a55-2f0b1e4f7a10\",\"status\":"
                            + "\"RUNNING\",\"progress\":{\"jobsDone\":3,\"jobs\":61}}\n\n"),
            @ExampleObject(name = "trial", summary = "A trial event: the trial, with the trial number as its id",
                    value = "event:trial\nid:2\ndata:{\"trial\":2,\"parameters\":{\"regularization.penalty.l2\":"
                            + "18.7},\"status\":\"RUNNING\",\"folds\":[]}\n\n")}))
    @ApiResponse(responseCode = "404", description = "No such study")
    @ApiResponse(responseCode = "429", description = "This client already holds "
            + "regtrain.events.max-streams-per-client streams; close one first")
    @ApiResponse(responseCode = "503", description = "Every event stream slot is taken "
            + "(regtrain.events.max-streams); retry after Retry-After seconds")
    SseEmitter events(@PathVariable String id,
                      @Parameter(hidden = true) jakarta.servlet.http.HttpServletRequest request) {
        long version = studies.version(id);
        StudyRecord start = studies.get(id);
        SseEmitter emitter = new SseEmitter(0L);
        switch (streams.start(request.getRemoteAddr(), () -> stream(id, start, version, emitter))) {
            case SERVICE_FULL -> throw new JobEventsController.TooManyStreamsException();
            case CLIENT_FULL -> throw new JobEventsController.TooManyClientStreamsException(
                    streams.maxStreamsPerClient());
            case NONE -> { }
        }
        return emitter;
    }

    private void stream(String id, StudyRecord start, long version, SseEmitter emitter) {
        try {
            sendStatus(emitter, start);
            Map<Integer, Long> endedFolds = new HashMap<>();
            start.trials().forEach(t -> endedFolds.put(t.trial(), ended(t)));
            JobStatus status = start.status();
            long seen = version;
            while (streams.open() && !status.isFinal()) {
                long now = studies.awaitChange(id, seen, heartbeat);
                if (now == seen) {
                    emitter.send(SseEmitter.event().comment("keep-alive"));
                    continue;
                }
                seen = now;
                StudyRecord study = studies.get(id);
                for (TrialRecord trial : study.trials()) {
                    long ended = ended(trial);
                    if (ended > endedFolds.getOrDefault(trial.trial(), 0L)) {
                        endedFolds.put(trial.trial(), ended);
                        emitter.send(SseEmitter.event().name("trial").id(Integer.toString(trial.trial()))
                                .data(trial, MediaType.APPLICATION_JSON));
                    }
                }
                if (study.status() != status) {
                    status = study.status();
                    sendStatus(emitter, study);
                }
            }
            emitter.complete();
        } catch (IOException | IllegalStateException | NotFoundException e) {
            emitter.complete(); // the client went away, or the study was deleted
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emitter.complete();
        }
    }

    private static long ended(TrialRecord trial) {
        return trial.folds().stream().filter(FoldRecord::ended).count();
    }

    private void sendStatus(SseEmitter emitter, StudyRecord study) throws IOException {
        emitter.send(SseEmitter.event().name("status").data(StudyResponse.of(study, clock.instant()),
                MediaType.APPLICATION_JSON));
    }
}
