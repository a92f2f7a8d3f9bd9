package dev.regtrain.api;

import static dev.regtrain.jobs.JobRecords.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;

import dev.regtrain.common.NotFoundException;
import dev.regtrain.engine.EpochMetrics;
import dev.regtrain.jobs.JobEvents;
import dev.regtrain.jobs.JobRecord;
import dev.regtrain.jobs.JobService;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The HTTP mapping of a job's event stream: event names, ids, order and the end, on a mocked JobService. */
@WebMvcTest(JobEventsController.class)
@Import({WebSlice.class, EventStreams.class})
class JobEventsControllerTests {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    JobService jobs;

    private static EpochMetrics row(int epoch) {
        return new EpochMetrics(epoch, 0.1, 0.1, 0.5, 0.5, 0, 0, 0, 0.8, null, null, null, null, List.of());
    }

    @Test
    void theStreamSendsTheStatusThenTheEpochsAfterTheOnesSeenThenTheFinalStatusAndEnds() throws Exception {
        JobRecord running = aJob().running().build();
        JobRecord done = aJob().withId(running.id()).succeeded().build();
        JobEvents.Cursor start = new JobEvents.Cursor(2, 1);
        given(jobs.follow(running.id(), 2)).willReturn(new JobEvents.Start(running, start));
        given(jobs.next(eq(running.id()), eq(start), any())).willReturn(
                new JobEvents.Batch(List.of(row(3), row(4)), done, true, new JobEvents.Cursor(4, 2)));

        String stream = mvc.get().uri("/api/v1/jobs/{id}/events", running.id()).header("Last-Event-ID", "2")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange(java.time.Duration.ofSeconds(30)).getResponse()
                .getContentAsString();

        assertThat(stream).containsSubsequence("event:status", "\"status\":\"RUNNING\"",
                "event:epoch", "id:3", "\"epoch\":3", "event:epoch", "id:4",
                "event:status", "\"status\":\"SUCCEEDED\"");
        assertThat(stream).doesNotContain("id:2");
    }

    @Test
    void theStreamOfAnUnknownJobIsA404() {
        given(jobs.follow(eq("nope"), org.mockito.ArgumentMatchers.anyInt()))
                .willThrow(new NotFoundException("no job with id 'nope'"));

        assertThat(mvc.get().uri("/api/v1/jobs/nope/events").accept(MediaType.TEXT_EVENT_STREAM))
                .hasStatus(HttpStatus.NOT_FOUND);
    }
}
