package dev.regtrain.api;

import static dev.regtrain.jobs.JobRecords.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;

import dev.regtrain.common.ConflictException;
import dev.regtrain.common.InvalidRequestException;
import dev.regtrain.common.NotFoundException;
import dev.regtrain.jobs.JobFilter;
import dev.regtrain.jobs.JobPage;
import dev.regtrain.jobs.JobRecord;
import dev.regtrain.jobs.JobService;
import dev.regtrain.jobs.JobStatus;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The HTTP mapping of the jobs resource, on a mocked JobService: statuses, headers, bodies, errors. */
@WebMvcTest(JobController.class)
@Import(WebSlice.class)
class JobControllerTests {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    JobService jobs;

    @MockitoBean
    IdempotentRequests idempotent;

    @Test
    void aJobIsServedWithItsHistoryProgressAndLinks() {
        JobRecord job = aJob().succeeded().build();
        given(jobs.get(job.id())).willReturn(job);

        assertThat(mvc.get().uri("/api/v1/jobs/{id}", job.id())).hasStatusOk()
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .bodyJson().satisfies(body -> {
                    assertThat(body).extractingPath("$.status").isEqualTo("SUCCEEDED");
                    assertThat(body).extractingPath("$.history[*].status")
                            .isEqualTo(List.of("QUEUED", "RUNNING", "SUCCEEDED"));
                    assertThat(body).extractingPath("$.history[2].at").isEqualTo("2026-01-01T00:00:02Z");
                    assertThat(body).extractingPath("$.progress.etaSeconds").isEqualTo(0.0);
                    assertThat(body).extractingPath("$.links.events")
                            .isEqualTo("/api/v1/jobs/" + job.id() + "/events");
                });
    }

    @Test
    void anUnknownJobIsA404Problem() {
        given(jobs.get("nope")).willThrow(new NotFoundException("no job with id 'nope'"));

        assertThat(mvc.get().uri("/api/v1/jobs/nope")).hasStatus(HttpStatus.NOT_FOUND)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.detail").isEqualTo("no job with id 'nope'");
    }

    @Test
    void theListFiltersByStatusesPagesAndSaysWhereTheNextPageStarts() {
        JobRecord running = aJob().running().build();
        given(jobs.list(new JobFilter(Set.of(JobStatus.RUNNING, JobStatus.QUEUED)), 2, "c1"))
                .willReturn(new JobPage(List.of(running), "c2"));

        assertThat(mvc.get().uri("/api/v1/jobs?status=running,QUEUED&limit=2&cursor=c1")).hasStatusOk()
                .bodyJson().satisfies(body -> {
                    assertThat(body).extractingPath("$.jobs[0].id").isEqualTo(running.id());
                    assertThat(body).extractingPath("$.jobs[0].status").isEqualTo("RUNNING");
                    assertThat(body).extractingPath("$.next").isEqualTo("c2");
                });
    }

    @Test
    void anUnknownStatusInTheFilterIsA400NamingTheParameter() {
        assertThat(mvc.get().uri("/api/v1/jobs?status=RUNNING,DONE")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().satisfies(body -> {
                    assertThat(body).extractingPath("$.errors[0].field").isEqualTo("status");
                    assertThat(body).extractingPath("$.errors[0].message").asString().contains("'DONE'");
                });
    }

    @Test
    void aSubmissionGoesThroughTheIdempotencyKeyAndIsAnsweredAsCreated() {
        given(idempotent.submitJob(any(), eq("key-1"))).willReturn(ResponseEntity.status(HttpStatus.ACCEPTED)
                .header("Location", "/api/v1/jobs/x").contentType(MediaType.APPLICATION_JSON).body("{\"id\":\"x\"}"));

        assertThat(mvc.post().uri("/api/v1/jobs").header("Idempotency-Key", "key-1")
                .contentType(MediaType.APPLICATION_JSON).content("{\"dataset\": {\"builtin\": \"moons\"}}"))
                .hasStatus(HttpStatus.ACCEPTED).hasHeader("Location", "/api/v1/jobs/x");
        then(idempotent).should().submitJob(any(), eq("key-1"));
    }

    @Test
    void aFieldGivenTwiceIsA400NamingItAtAnyDepth() {
        assertThat(mvc.post().uri("/api/v1/jobs").contentType(MediaType.APPLICATION_JSON)
                .content("{\"seed\": 1, \"dataset\": {\"builtin\": \"moons\"}, \"seed\": 2}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().satisfies(body -> {
                    assertThat(body).extractingPath("$.errors[0].field").isEqualTo("seed");
                    assertThat(body).extractingPath("$.errors[0].message").asString().contains("more than once");
                });
        assertThat(mvc.post().uri("/api/v1/jobs").contentType(MediaType.APPLICATION_JSON)
                .content("{\"training\": {\"epochs\": 1, \"epochs\": 2}}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field")
                .isEqualTo("training.epochs");
        then(idempotent).shouldHaveNoInteractions();
    }

    @Test
    void aSubmissionThatIsNotJsonIs415AndAnEmptyBodyIs400() {
        assertThat(mvc.post().uri("/api/v1/jobs").contentType(MediaType.APPLICATION_XML).content("<epochs>3</epochs>"))
                .hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        // a form's or plain text's type is refused before (CrossSiteFilter): another site could send it
        assertThat(mvc.post().uri("/api/v1/jobs").contentType(MediaType.TEXT_PLAIN).content("epochs=3"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/api/v1/jobs").contentType(MediaType.APPLICATION_JSON))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("body");
    }

    @Test
    void cancellingIs202WithTheJobAndAFinishedJobIs409() {
        JobRecord cancelled = aJob().cancelled().build();
        given(jobs.cancel(cancelled.id())).willReturn(cancelled);
        given(jobs.cancel("done")).willThrow(new ConflictException("job done is already SUCCEEDED"));

        assertThat(mvc.post().uri("/api/v1/jobs/{id}/cancel", cancelled.id())).hasStatus(HttpStatus.ACCEPTED)
                .bodyJson().extractingPath("$.status").isEqualTo("CANCELLED");
        assertThat(mvc.post().uri("/api/v1/jobs/done/cancel")).hasStatus(HttpStatus.CONFLICT)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void deletingIs204AndAJobStillRunningIs409() {
        willThrow(new ConflictException("job r is RUNNING")).given(jobs).delete("r");

        assertThat(mvc.delete().uri("/api/v1/jobs/gone")).hasStatus(HttpStatus.NO_CONTENT);
        then(jobs).should().delete("gone");
        assertThat(mvc.delete().uri("/api/v1/jobs/r")).hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void aLimitOutOfRangeIsA400FromTheService() {
        given(jobs.list(any(), eq(5000), any())).willThrow(new InvalidRequestException("limit", "must be between 1 and 1000"));

        assertThat(mvc.get().uri("/api/v1/jobs?limit=5000")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("limit");
    }
}
