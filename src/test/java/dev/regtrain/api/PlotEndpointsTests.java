package dev.regtrain.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.w3c.dom.Node;

/** Every plot is a PNG of the asked size in every job state; what it shows is checked through its text chunks. */
class PlotEndpointsTests extends ServiceTest {

    static final List<String> JOB_PLOTS = List.of("loss", "accuracy", "weights", "histogram", "decision-boundary");
    /** The background of the message an empty chart shows. */
    static final int MESSAGE_BOX = 0xf3f5f7;

    /** A decoded plot with its iTXt "Title" and "Description". */
    record Plot(BufferedImage image, String title, String description) {

        long pixels(int rgb) {
            long n = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    n += (image.getRGB(x, y) & 0xffffff) == rgb ? 1 : 0;
                }
            }
            return n;
        }

        boolean saysNothingToShow() {
            return pixels(MESSAGE_BOX) > 2000;
        }
    }

    Plot plot(String path) {
        byte[] bytes = http.get().uri(path).exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_PNG)
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noCache())
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(bytes).as(path).startsWith(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
        return decode(bytes);
    }

    static Plot decode(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
            reader.setInput(in);
            BufferedImage image = reader.read(0);
            IIOMetadata metadata = reader.getImageMetadata(0);
            Map<String, String> text = new TreeMap<>();
            for (Node chunk = metadata.getAsTree("javax_imageio_png_1.0").getFirstChild(); chunk != null;
                 chunk = chunk.getNextSibling()) {
                if (chunk.getNodeName().equals("iTXt")) {
                    for (Node entry = chunk.getFirstChild(); entry != null; entry = entry.getNextSibling()) {
                        text.put(entry.getAttributes().getNamedItem("keyword").getNodeValue(),
                                entry.getAttributes().getNamedItem("text").getNodeValue());
                    }
                }
            }
            reader.dispose();
            return new Plot(image, text.get("Title"), text.get("Description"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String earlyStoppingJob(String name) {
        return """
                {"name": "%s", "seed": 42, "dataset": {"builtin": "moons", "samples": 300, "noise": 0.3},
                 "network": {"hidden": [{"units": 32, "activation": "relu"}]},
                 "training": {"epochs": 300, "batchSize": 32, "optimizer": "adam", "learningRate": 0.05},
                 "regularization": {"penalty": {"l2": 0.5}, "dropout": {"hidden": 0.3},
                                    "earlyStopping": {"patience": 5}}}
                """.formatted(name);
    }

    @Test
    void everyPlotOfAnEarlyStoppedJobIsAPngOf800By500WithTitleAndMarkers() {
        String id = submit(earlyStoppingJob("plots-es"));
        tools.jackson.databind.JsonNode job = awaitFinal(id);
        assertThat(job.get("stop").get("reason").asString()).isEqualTo("EARLY_STOPPED");

        Map<String, Plot> plots = new HashMap<>();
        for (String name : JOB_PLOTS) {
            Plot plot = plot("/api/v1/jobs/" + id + "/plots/" + name + ".png");
            plots.put(name, plot);
            assertThat(plot.image().getWidth()).as(name).isEqualTo(800);
            assertThat(plot.image().getHeight()).as(name).isEqualTo(500);
            assertThat(plot.title()).as(name).endsWith("· plots-es");
            assertThat(plot.description()).as(name).startsWith("early stopping fired at epoch");
            assertThat(plot.saysNothingToShow()).as(name).isFalse();
        }
        assertThat(plots.get("loss").description()).contains("J = (1/m)·Σℓ + (0.5/(2m))·Σ‖W‖²_F");
        assertThat(plots.get("accuracy").title()).startsWith("Accuracy");
        assertThat(plots.get("histogram").title()).startsWith("Final weights");
        assertThat(plots.get("decision-boundary").description())
                .as("the points are split as the job split them")
                .contains("dots: " + job.get("data").get("trainingExamples").asInt() + " training points")
                .contains("diamonds: " + job.get("data").get("validationExamples").asInt() + " validation points");
    }

    @Test
    void theSizeCanBeChosenWithinLimits() {
        String id = submit(moonsJob(3, ""));
        awaitFinal(id);

        Plot plot = plot("/api/v1/jobs/" + id + "/plots/loss.png?width=640&height=400");
        assertThat(plot.image().getWidth()).isEqualTo(640);
        assertThat(plot.image().getHeight()).isEqualTo(400);
        http.get().uri("/api/v1/jobs/" + id + "/plots/loss.png?width=10&height=100000").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("width")
                .jsonPath("$.errors[1].field").isEqualTo("height");
    }

    @Test
    void aQueuedJobGetsEmptyChartsThatSaySoAndARunningOneItsEpochsSoFar() {
        List<String> blockers = List.of(submit(moonsJob(100_000, "")), submit(moonsJob(100_000, "")));
        try {
            blockers.forEach(id -> awaitStatus(id, "RUNNING", 2));
            String queued = submit(moonsJob(5, "\"name\": \"waiting\""));
            assertThat(job(queued).get("status").asString()).isEqualTo("QUEUED");

            Map<String, Plot> plots = new HashMap<>();
            for (String name : JOB_PLOTS) {
                Plot plot = plot("/api/v1/jobs/" + queued + "/plots/" + name + ".png");
                plots.put(name, plot);
                assertThat(plot.description()).as(name).startsWith("queued: no epoch trained yet");
                assertThat(plot.image().getWidth()).isEqualTo(800);
                if (!name.equals("decision-boundary")) {
                    assertThat(plot.saysNothingToShow()).as(name).isTrue();
                }
            }
            assertThat(plots.get("decision-boundary").description()).contains("no model yet");

            Plot running = plot("/api/v1/jobs/" + blockers.get(0) + "/plots/loss.png");
            assertThat(running.description()).startsWith("running: epoch");
            assertThat(running.saysNothingToShow()).isFalse();
            assertThat(plot("/api/v1/plots/compare.png?jobs=" + blockers.get(0) + "," + queued).saysNothingToShow())
                    .isFalse();
        } finally {
            blockers.forEach(id -> http.post().uri("/api/v1/jobs/" + id + "/cancel").exchange());
        }
        blockers.forEach(id -> awaitStatus(id, "CANCELLED", 0)); // cancellation is cooperative, between mini-batches
        blockers.forEach(id -> assertThat(plot("/api/v1/jobs/" + id + "/plots/loss.png").description())
                .startsWith("cancelled after epoch"));
    }

    @Test
    void aDivergedJobSaysSoInsteadOfDrawingNonFiniteValues() {
        String id = submit(DIVERGING_JOB);
        assertThat(awaitFinal(id).get("stop").get("reason").asString()).isEqualTo("DIVERGED");

        Map<String, Plot> plots = new HashMap<>();
        for (String name : List.of("loss", "accuracy", "weights", "histogram")) {
            Plot plot = plot("/api/v1/jobs/" + id + "/plots/" + name + ".png");
            plots.put(name, plot);
            assertThat(plot.description()).as(name).startsWith("failed: diverged in epoch");
        }
        assertThat(plots.get("histogram").saysNothingToShow()).isTrue();
    }

    @Test
    void aRegressionWithoutValidationSplitPlotsTrainingRmse() {
        String id = submit("""
                {"name": "sine-train-only", "seed": 3, "dataset": {"builtin": "sine", "samples": 200},
                 "validationSplit": 0, "network": {"hidden": [{"units": 16, "activation": "tanh"}]},
                 "training": {"epochs": 8, "optimizer": "adam", "learningRate": 0.01}}
                """);
        awaitFinal(id);

        Plot accuracy = plot("/api/v1/jobs/" + id + "/plots/accuracy.png");
        assertThat(accuracy.title()).isEqualTo("RMSE · sine-train-only");
        assertThat(accuracy.description()).contains("no validation split");
        assertThat(accuracy.saysNothingToShow()).isFalse();
        assertThat(plot("/api/v1/jobs/" + id + "/plots/loss.png").saysNothingToShow()).isFalse();
        assertThat(plot("/api/v1/jobs/" + id + "/plots/weights.png").description()).contains("no regularisation");
    }

    @Test
    void decisionRegionsNeedATwoFeatureClassification() {
        String sine = submit("""
                {"seed": 3, "dataset": {"builtin": "sine", "samples": 100}, "training": {"epochs": 1}}
                """);
        String blobs = submit("""
                {"seed": 3, "dataset": {"builtin": "blobs", "samples": 100, "features": 3}, "training": {"epochs": 1}}
                """);

        http.get().uri("/api/v1/jobs/" + sine + "/plots/decision-boundary.png").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("dataset")
                .jsonPath("$.detail").value(String.class, d -> assertThat(d)
                        .contains("exactly 2 features").contains("a regression with 1 feature"));
        http.get().uri("/api/v1/jobs/" + blobs + "/plots/decision-boundary.png").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(String.class, d -> assertThat(d)
                        .contains("a classification with 3 features"));
        awaitFinal(sine);
        awaitFinal(blobs);
    }

    @Test
    void compareOverlaysSeveralJobsAndNamesTheIdsItDoesNotKnow() {
        String a = submit(moonsJob(4, "\"name\": \"none\""));
        String b = submit(moonsJob(4, "\"name\": \"l2\", \"regularization\": {\"penalty\": {\"l2\": 1}}"));
        awaitFinal(a);
        awaitFinal(b);

        Plot compare = plot("/api/v1/plots/compare.png?jobs=" + a + "," + b);
        assertThat(compare.title()).isEqualTo("Validation loss of 2 jobs");
        assertThat(compare.description()).contains("none: completed all 4 epochs", "l2: completed all 4 epochs");
        assertThat(compare.image().getWidth()).isEqualTo(800);
        assertThat(compare.image().getHeight()).isEqualTo(500);

        http.get().uri("/api/v1/plots/compare.png?jobs=" + a + ",nope-1,nope-2").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("jobs")
                .jsonPath("$.errors[0].message").isEqualTo("name no jobs: 'nope-1', 'nope-2'");
        http.get().uri("/api/v1/plots/compare.png").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("jobs");
        http.get().uri("/api/v1/plots/compare.png?jobs="
                        + String.join(",", java.util.stream.IntStream.rangeClosed(1, 11).mapToObj(i -> "j" + i).toList())).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").value(String.class, m -> assertThat(m)
                        .contains("at most 10"));
    }

    @Test
    void anUnknownJobIs404() {
        for (String name : JOB_PLOTS) {
            http.get().uri("/api/v1/jobs/no-such-job/plots/" + name + ".png").exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }
}
