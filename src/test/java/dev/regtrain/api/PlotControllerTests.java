package dev.regtrain.api;

import static dev.regtrain.jobs.JobRecords.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

import dev.regtrain.jobs.JobRecord;
import dev.regtrain.jobs.JobService;
import dev.regtrain.jobs.JobSnapshot;
import dev.regtrain.models.DecisionSurfaces;
import dev.regtrain.models.ModelService;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.awt.image.BufferedImage;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The HTTP mapping of the plots: PNGs of the asked size, sizes and job lists checked, on mocked services. */
@WebMvcTest(PlotController.class)
@Import(WebSlice.class)
class PlotControllerTests {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    JobService jobs;

    @MockitoBean
    ModelService models;

    @MockitoBean
    DecisionSurfaces surfaces;

    @Test
    void aLossPlotIsAPngOfTheAskedSize() throws IOException {
        JobRecord job = aJob().build();
        given(jobs.snapshot(job.id())).willReturn(new JobSnapshot(job, List.of()));

        byte[] png = mvc.get().uri("/api/v1/jobs/{id}/plots/loss.png?width=640&height=400", job.id()).exchange()
                .getResponse().getContentAsByteArray();

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(400);
        assertThat(mvc.get().uri("/api/v1/jobs/{id}/plots/loss.png", job.id())).hasStatusOk()
                .hasContentType(MediaType.IMAGE_PNG);
    }

    @Test
    void aSizeOutOfRangeIsA400NamingIt() {
        assertThat(mvc.get().uri("/api/v1/jobs/j/plots/loss.png?width=5")).hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("width");
    }

    @Test
    void aComparisonOfAnUnknownJobIsA400NamingIt() {
        given(jobs.exists("a")).willReturn(true);
        given(jobs.exists("b")).willReturn(false);

        assertThat(mvc.get().uri("/api/v1/plots/compare.png?jobs=a,b")).hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("jobs");
    }
}
