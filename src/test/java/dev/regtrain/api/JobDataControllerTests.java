package dev.regtrain.api;

import static dev.regtrain.jobs.JobRecords.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;

import dev.regtrain.common.ConflictException;
import dev.regtrain.common.InvalidRequestException;
import dev.regtrain.engine.EpochMetrics;
import dev.regtrain.engine.LayerMetrics;
import dev.regtrain.jobs.CheckpointInfo;
import dev.regtrain.jobs.CheckpointKind;
import dev.regtrain.jobs.JobRecord;
import dev.regtrain.jobs.JobService;
import dev.regtrain.models.ExportFormat;
import dev.regtrain.models.ModelFiles;
import dev.regtrain.models.ModelService;
import dev.regtrain.models.Prediction;
import dev.regtrain.models.Predictions;
import dev.regtrain.engine.Precision;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The HTTP mapping of a job's metrics, checkpoints, model and predictions, on mocked services. */
@WebMvcTest(JobDataController.class)
@Import(WebSlice.class)
class JobDataControllerTests {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    JobService jobs;

    @MockitoBean
    ModelService models;

    @MockitoBean
    ModelFiles files;

    private static EpochMetrics row(int epoch) {
        return new EpochMetrics(epoch, 0.5, 0.1, 0.3, 0.25, 0.05, 0, 0.05, 0.9, 0.28, 0.91, null, null,
                List.of(new LayerMetrics(1, 2.0, 3.0, 0, 0.1, 0.4, 0.01)));
    }

    @Test
    void metricsAreJsonRowsOrCsvByTheAcceptHeader() {
        JobRecord job = aJob().succeeded().build();
        given(jobs.metrics(job.id())).willReturn(List.of(row(1), row(2)));
        given(jobs.get(job.id())).willReturn(job);

        assertThat(mvc.get().uri("/api/v1/jobs/{id}/metrics", job.id())).hasStatusOk().bodyJson().satisfies(b -> {
            assertThat(b).extractingPath("$.jobId").isEqualTo(job.id());
            assertThat(b).extractingPath("$.epochs[1].epoch").isEqualTo(2);
            assertThat(b).extractingPath("$.epochs[0].trainRmse").isNull();
            assertThat(b).extractingPath("$.epochs[0].layers[0].weightNorm").isEqualTo(2.0);
        });
        assertThat(mvc.get().uri("/api/v1/jobs/{id}/metrics", job.id()).accept(MediaType.parseMediaType("text/csv")))
                .hasStatusOk().hasContentTypeCompatibleWith("text/csv").bodyText()
                .startsWith("epoch,seconds,learningRate,").contains("layer1.weightNorm").contains("\n2,0.5,");
    }

    @Test
    void checkpointsAreListedBestFirst() {
        given(files.checkpoints("j")).willReturn(List.of(
                new CheckpointInfo("best", 3, CheckpointKind.BEST, 0.2, Instant.EPOCH, 10, "ab"),
                new CheckpointInfo("5", 5, CheckpointKind.FINAL, null, Instant.EPOCH, 11, "cd")));

        assertThat(mvc.get().uri("/api/v1/jobs/j/checkpoints")).hasStatusOk().bodyJson().satisfies(b -> {
            assertThat(b).extractingPath("$.checkpoints[*].ref").asArray().containsExactly("best", "5");
            assertThat(b).extractingPath("$.checkpoints[0].kind").isEqualTo("BEST");
            assertThat(b).extractingPath("$.checkpoints[0].monitorValue").isEqualTo(0.2);
        });
    }

    @Test
    void aJobWithoutAModelYetIs409InEveryFormat() {
        given(files.model(eq("j"), any())).willThrow(new ConflictException("job j has produced no model yet"));

        for (String query : new String[] {"", "?format=onnx", "?format=onnx&precision=float64"}) {
            assertThat(mvc.get().uri("/api/v1/jobs/j/model" + query)).hasStatus(HttpStatus.CONFLICT)
                    .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void theModelIsJsonByDefaultAndOnnxOnRequestEachWithItsDigestAsETag() {
        byte[] json = "{\"format\":\"regtrain-model/1\"}".getBytes(StandardCharsets.UTF_8);
        byte[] onnx = {8, 7, 18, 8};
        given(files.model("j", new ExportFormat.Choice(ExportFormat.JSON, null)))
                .willReturn(new ModelFiles.ModelFile(json, "aa"));
        given(files.model("j", new ExportFormat.Choice(ExportFormat.ONNX, Precision.FLOAT64)))
                .willReturn(new ModelFiles.ModelFile(onnx, "bb"));

        assertThat(mvc.get().uri("/api/v1/jobs/j/model")).hasStatusOk()
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON).hasHeader("ETag", "\"aa\"")
                .bodyJson().extractingPath("$.format").isEqualTo("regtrain-model/1");
        assertThat(mvc.get().uri("/api/v1/jobs/j/model?format=onnx&precision=float64")).hasStatusOk()
                .hasContentType(MediaType.APPLICATION_OCTET_STREAM).hasHeader("ETag", "\"bb\"")
                .hasHeader("Content-Disposition", "attachment; filename=\"regtrain-j-model-float64.onnx\"")
                .body().isEqualTo(onnx);
        assertThat(mvc.get().uri("/api/v1/jobs/j/model?format=onnx&precision=float64")
                .header("If-None-Match", "\"bb\"")).hasStatus(HttpStatus.NOT_MODIFIED).body().isEmpty();
    }

    @Test
    void aCheckpointIsServedInTheFormatAskedFor() {
        given(files.checkpoint("j", "best", new ExportFormat.Choice(ExportFormat.ONNX, Precision.FLOAT32)))
                .willReturn(new ModelFiles.ModelFile(new byte[] {1, 2, 3}, "cc"));

        assertThat(mvc.get().uri("/api/v1/jobs/j/checkpoints/best?format=onnx")).hasStatusOk()
                .hasContentType(MediaType.APPLICATION_OCTET_STREAM).hasHeader("ETag", "\"cc\"")
                .hasHeader("Content-Disposition", "attachment; filename=\"regtrain-j-best-float32.onnx\"");
    }

    @Test
    void anUnknownFormatOrPrecisionIsA400NamingTheParameter() {
        assertThat(mvc.get().uri("/api/v1/jobs/j/model?format=pmml")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("format");
        assertThat(mvc.get().uri("/api/v1/jobs/j/checkpoints/3?format=onnx&precision=half"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("precision");
        assertThat(mvc.get().uri("/api/v1/jobs/j/model?precision=float64")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].message").isEqualTo("applies only to format=onnx");
    }

    @Test
    void predictionsAreAnsweredAndARowOfTheWrongWidthIsA400NamingIt() {
        given(models.predict(eq("j"), any())).willReturn(new Predictions(List.of(
                new Prediction("1", new double[] {0.2, 0.8}, null, null)), "float32"));
        given(models.predict(eq("bad"), any())).willThrow(
                new InvalidRequestException("inputs[1]", "has 3 values; the model takes 2"));

        assertThat(mvc.post().uri("/api/v1/jobs/j/predictions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"inputs\": [[0, 1]]}")).hasStatusOk().bodyJson().satisfies(b -> {
                    assertThat(b).extractingPath("$.predictions[0].label").isEqualTo("1");
                    assertThat(b).extractingPath("$.precision").isEqualTo("float32");
                    assertThat(b).doesNotHavePath("$.predictions[0].std");
                });
        assertThat(mvc.post().uri("/api/v1/jobs/bad/predictions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"inputs\": [[0, 1], [1, 2, 3]]}")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("inputs[1]");
        assertThat(mvc.post().uri("/api/v1/jobs/j/predictions").contentType(MediaType.APPLICATION_JSON))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("inputs");
    }
}
