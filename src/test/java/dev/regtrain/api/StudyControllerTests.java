package dev.regtrain.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

import dev.regtrain.common.ConflictException;
import dev.regtrain.common.InvalidRequestException;
import dev.regtrain.common.NotFoundException;
import dev.regtrain.jobs.JobStatus;
import dev.regtrain.jobs.StatusChange;
import dev.regtrain.studies.FoldRecord;
import dev.regtrain.studies.StudyPage;
import dev.regtrain.studies.StudyRecord;
import dev.regtrain.studies.StudyRequest;
import dev.regtrain.studies.StudyResult;
import dev.regtrain.studies.StudyService;
import dev.regtrain.studies.TrialRecord;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The HTTP mapping of the studies resource, on a mocked StudyService: statuses, bodies, CSV, plots, errors. */
@WebMvcTest(StudyController.class)
@Import(WebSlice.class)
class StudyControllerTests {

    private static final String L2 = "regularization.penalty.l2";
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    StudyService studies;

    @MockitoBean
    IdempotentRequests idempotent;

    /** A finished path of two trials × two folds: trial 0 (λ=10) is the one-SE choice, trial 1 (λ=1) the best. */
    static StudyRecord finished() {
        StudyRequest request = new StudyRequest("bc", 7L, null, new StudyRequest.Search("path",
                Map.of(L2, new StudyRequest.ValueSpec(null, null, List.of(1.0, 10.0), 2)), null),
                new StudyRequest.CrossValidation(2, "stratified", 1), new StudyRequest.Selection("val_loss",
                "oneStandardError"), true, 0);
        TrialRecord strong = new TrialRecord(0, Map.of(L2, 10.0), JobStatus.SUCCEEDED, List.of(
                fold(0, "a0", 0.30), fold(1, "a1", 0.34)), 0.32, 0.02, 12.0);
        TrialRecord weak = new TrialRecord(1, Map.of(L2, 1.0), JobStatus.SUCCEEDED, List.of(
                fold(0, "b0", 0.29), fold(1, "b1", 0.33)), 0.31, 0.02, 20.0);
        StudyResult result = new StudyResult("val_loss", "oneStandardError",
                new StudyResult.Choice(1, Map.of(L2, 1.0), 0.31, 0.02),
                new StudyResult.Choice(0, Map.of(L2, 10.0), 0.32, 0.02),
                new StudyResult.Choice(0, Map.of(L2, 10.0), 0.32, 0.02), "refit-job", "4 fold jobs trained");
        return new StudyRecord("s1", "bc", JobStatus.SUCCEEDED, T0, T0, T0.plusSeconds(30), request,
                List.of(strong, weak), result, 5, false, null, List.of(StatusChange.of(JobStatus.QUEUED, T0),
                StatusChange.of(JobStatus.RUNNING, T0), StatusChange.of(JobStatus.SUCCEEDED, T0.plusSeconds(30))), null);
    }

    private static FoldRecord fold(int k, String job, double value) {
        return new FoldRecord(k, 0, job, JobStatus.SUCCEEDED, null, value, 10 + k, 0.0, 20, 0.5, List.of(3.0, 1.0),
                List.of(0.0, 0.0));
    }

    @Test
    void aStudyIsServedWithTrialsResultProgressAndLinks() {
        given(studies.get("s1")).willReturn(finished());

        assertThat(mvc.get().uri("/api/v1/studies/s1")).hasStatusOk().bodyJson().satisfies(body -> {
            assertThat(body).extractingPath("$.status").isEqualTo("SUCCEEDED");
            assertThat(body).extractingPath("$.progress.jobs").isEqualTo(5);
            assertThat(body).extractingPath("$.progress.etaSeconds").isEqualTo(0.0);
            assertThat(body).extractingPath("$.trials[0].folds[1].value").isEqualTo(0.34);
            assertThat(body).extractingPath("$.trials[1].standardError").isEqualTo(0.02);
            assertThat(body).extractingPath("$.result.selected.trial").isEqualTo(0);
            assertThat(body).extractingPath("$.result.refitJob").isEqualTo("refit-job");
            assertThat(body).extractingPath("$.links.jobs").isEqualTo("/api/v1/jobs?study=s1");
            assertThat(body).extractingPath("$.links.plots[1]").isEqualTo("/api/v1/studies/s1/plots/path.png");
        });
    }

    @Test
    void anUnknownStudyIsA404AndABadStudyA400NamingTheField() {
        given(studies.get("nope")).willThrow(new NotFoundException("no study with id 'nope'"));
        given(idempotent.submitStudy(any(), eq(null))).willThrow(new InvalidRequestException(
                "search.parameters.regularization.penalty.l3", "is not a parameter a study can search"));

        assertThat(mvc.get().uri("/api/v1/studies/nope")).hasStatus(HttpStatus.NOT_FOUND)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.post().uri("/api/v1/studies").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field")
                .isEqualTo("search.parameters.regularization.penalty.l3");
    }

    @Test
    void anUnknownFieldOfTheStudyOrItsTemplateIsA400NamingIt() {
        assertThat(mvc.post().uri("/api/v1/studies").contentType(MediaType.APPLICATION_JSON)
                .content("{\"template\": {\"trainig\": {}}}")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .extractingPath("$.errors[0].field").isEqualTo("template.trainig");
        then(idempotent).shouldHaveNoInteractions();
    }

    @Test
    void aStudyIsCreatedThroughTheIdempotencyKey() {
        given(idempotent.submitStudy(any(), eq("k"))).willReturn(ResponseEntity.status(HttpStatus.ACCEPTED)
                .header("Location", "/api/v1/studies/s1").contentType(MediaType.APPLICATION_JSON).body("{}"));

        assertThat(mvc.post().uri("/api/v1/studies").header("Idempotency-Key", "k")
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"x\"}"))
                .hasStatus(HttpStatus.ACCEPTED).hasHeader("Location", "/api/v1/studies/s1");
    }

    @Test
    void theListPagesAndFiltersByStatus() {
        given(studies.list(Set.of(JobStatus.SUCCEEDED), 1, null)).willReturn(new StudyPage(List.of(finished()),
                "c2"));

        assertThat(mvc.get().uri("/api/v1/studies?status=succeeded&limit=1")).hasStatusOk().bodyJson()
                .satisfies(body -> {
                    assertThat(body).extractingPath("$.studies[0].id").isEqualTo("s1");
                    assertThat(body).extractingPath("$.studies[0].selected.trial").isEqualTo(0);
                    assertThat(body).extractingPath("$.next").isEqualTo("c2");
                });
    }

    @Test
    void cancelIs202AndDeleteOfARunningStudyIs409() {
        given(studies.cancel("s1")).willReturn(finished());
        org.mockito.BDDMockito.willThrow(new ConflictException("study s2 is RUNNING")).given(studies).delete("s2");

        assertThat(mvc.post().uri("/api/v1/studies/s1/cancel")).hasStatus(HttpStatus.ACCEPTED);
        assertThat(mvc.delete().uri("/api/v1/studies/s2")).hasStatus(HttpStatus.CONFLICT);
        assertThat(mvc.delete().uri("/api/v1/studies/s1")).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(mvc.delete().uri("/api/v1/studies/s1").accept(MediaType.APPLICATION_PROBLEM_JSON))
                .as("a client that accepts only problems, as Postman's collection does").hasStatus(HttpStatus.NO_CONTENT);
        assertThat(mvc.delete().uri("/api/v1/studies/s2").accept(MediaType.APPLICATION_PROBLEM_JSON))
                .hasStatus(HttpStatus.CONFLICT).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        then(studies).should(org.mockito.Mockito.times(2)).delete("s1");
    }

    @Test
    void resultsAreOneRowPerTrialAndFoldAsJsonAndCsv() {
        given(studies.get("s1")).willReturn(finished());

        assertThat(mvc.get().uri("/api/v1/studies/s1/results")).hasStatusOk().bodyJson().satisfies(body -> {
            assertThat(body).extractingPath("$.rows.length()").isEqualTo(4);
            assertThat(body).extractingPath("$.rows[2].job").isEqualTo("b0");
        });
        assertThat(mvc.get().uri("/api/v1/studies/s1/results").accept(MediaType.parseMediaType("text/csv")))
                .hasStatusOk().hasContentTypeCompatibleWith("text/csv").bodyText().isEqualTo("""
                        trial,fold,repeat,job,"regularization.penalty.l2",value,bestEpoch,status
                        0,0,0,a0,10.0,0.3,10,SUCCEEDED
                        0,1,0,a1,10.0,0.34,11,SUCCEEDED
                        1,0,0,b0,1.0,0.29,10,SUCCEEDED
                        1,1,0,b1,1.0,0.33,11,SUCCEEDED
                        """);
    }

    @Test
    void theValidationCurveAndThePathArePngsOfTheSizeAsked() throws Exception {
        given(studies.get("s1")).willReturn(finished());

        for (String plot : List.of("validation-curve.png", "path.png")) {
            var result = mvc.get().uri("/api/v1/studies/s1/plots/" + plot + "?width=640&height=400").exchange();
            assertThat(result).hasStatusOk().hasContentType(MediaType.IMAGE_PNG);
            var image = ImageIO.read(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()));
            assertThat(image.getWidth()).isEqualTo(640);
            assertThat(image.getHeight()).isEqualTo(400);
        }
        assertThat(mvc.get().uri("/api/v1/studies/s1/plots/path.png?width=10")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("width");
    }
}
