package dev.regtrain.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;

import dev.regtrain.common.ConflictException;
import dev.regtrain.common.NotFoundException;
import dev.regtrain.common.StorageFullException;
import dev.regtrain.datasets.DatasetRecord;
import dev.regtrain.datasets.DatasetService;
import dev.regtrain.jobs.JobService;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The HTTP mapping of the datasets resource, on mocked services. */
@WebMvcTest(DatasetController.class)
@Import(WebSlice.class)
class DatasetControllerTests {

    private static final DatasetRecord IRIS = new DatasetRecord("d1", "iris", 150, 4, "classification",
            List.of("0", "1", "2"), null, Instant.parse("2026-01-01T00:00:00Z"), null);

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    DatasetService datasets;

    @MockitoBean
    JobService jobs;

    @MockitoBean
    IdempotentRequests idempotent;

    @Test
    void theBuiltinGeneratorsAreListedWithTheirParameters() {
        assertThat(mvc.get().uri("/api/v1/datasets/builtin")).hasStatusOk().bodyJson().satisfies(body -> {
            assertThat(body).extractingPath("$.generators[*].name").asArray().contains("moons", "sine", "blobs");
            assertThat(body).extractingPath("$.generators[0].parameters").asArray().isNotEmpty();
        });
    }

    @Test
    void anUploadPassesItsQueryAndKeyOnAndIsAnsweredAsCreated() {
        given(idempotent.uploadDataset(any(), eq("iris"), isNull(), eq("auto"), eq("8x8"), eq("k")))
                .willReturn(ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/v1/datasets/d1")
                        .contentType(MediaType.APPLICATION_JSON).body("{\"id\":\"d1\"}"));

        assertThat(mvc.post().uri("/api/v1/datasets?name=iris&imageShape=8x8").header("Idempotency-Key", "k")
                .contentType("text/csv").content("a,label\n1,x\n")).hasStatus(HttpStatus.CREATED)
                .hasHeader("Location", "/api/v1/datasets/d1");
    }

    @Test
    void anUploadOnAFullDiskIsA507ProblemWithRetryAfter() {
        given(idempotent.uploadDataset(any(), any(), any(), any(), any(), any())).willThrow(new StorageFullException(
                "the data directory is full: could not write dataset.bin", new java.io.IOException("No space")));

        assertThat(mvc.post().uri("/api/v1/datasets").contentType("text/csv").content("a,label\n1,x\n"))
                .hasStatus(HttpStatus.INSUFFICIENT_STORAGE).hasHeader("Retry-After", "60")
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON).bodyJson().satisfies(b -> {
                    assertThat(b).extractingPath("$.type").isEqualTo("https://regtrain.dev/problems/storage-full");
                    assertThat(b).extractingPath("$.detail").asString().contains("the data directory is full");
                });
    }

    @Test
    void anUploadThatIsNotCsvIs415() {
        assertThat(mvc.post().uri("/api/v1/datasets").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void listingGettingAndDeleting() {
        given(datasets.list()).willReturn(List.of(IRIS));
        given(datasets.get("d1")).willReturn(IRIS);
        given(datasets.get("nope")).willThrow(new NotFoundException("no dataset with id 'nope'"));
        willThrow(new ConflictException("dataset used")).given(jobs).deleteDataset("busy");

        assertThat(mvc.get().uri("/api/v1/datasets")).hasStatusOk().bodyJson()
                .extractingPath("$.datasets[0].name").isEqualTo("iris");
        assertThat(mvc.get().uri("/api/v1/datasets/d1")).hasStatusOk().bodyJson()
                .extractingPath("$.classes").asArray().containsExactly("0", "1", "2");
        assertThat(mvc.get().uri("/api/v1/datasets/nope")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.delete().uri("/api/v1/datasets/d1")).hasStatus(HttpStatus.NO_CONTENT);
        then(jobs).should().deleteDataset("d1");
        assertThat(mvc.delete().uri("/api/v1/datasets/busy")).hasStatus(HttpStatus.CONFLICT);
    }
}
