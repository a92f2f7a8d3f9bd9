package dev.regtrain.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;

/**
 * Writes the README's pictures from a real run: jobs trained through the API, the dashboard in headless chromium at
 * 1280×800, plots fetched over HTTP. Not part of the suite (the name does not end in Tests); run it with
 * {@code docs/screenshots}, which writes into docs/images (or -Dscreenshots.dir=...).
 */
@Tag("screenshots")
class ReadmeScreenshots extends ServiceTest {

    static final Path DIR = Path.of(System.getProperty("screenshots.dir", "docs/images"));

    /** Moons with too few examples for a wide network: without regularisation the validation loss climbs. */
    static String moons(String name, String regularization) {
        return moons(name, "\"optimizer\": \"adam\", \"learningRate\": 0.01", regularization);
    }

    static String moons(String name, String optimizer, String regularization) {
        return """
                {"name": "%s", "seed": 7, "dataset": {"builtin": "moons", "samples": 300, "noise": 0.3},
                 "network": {"hidden": [{"units": 128, "activation": "relu"}, {"units": 128, "activation": "relu"}]},
                 "training": {"epochs": 300, "batchSize": 32, %s},
                 "regularization": %s}
                """.formatted(name, optimizer, regularization);
    }

    @Test
    void writeTheReadmeScreenshots() throws Exception {
        Files.createDirectories(DIR);
        List<String> compared = new ArrayList<>();
        compared.add(submit(moons("none", "{}")));
        compared.add(submit(moons("L2 λ₂ = 1", "{\"penalty\": {\"l2\": 1}}")));
        compared.add(submit(moons("dropout 0.5", "{\"dropout\": {\"hidden\": 0.5}}")));
        compared.add(submit(moons("early stopping", "{\"earlyStopping\": {\"patience\": 20}}")));
        // L1 against L2 with momentum, whose soft-threshold per step is the constant α/(1−μ)·λ₁/m (adam's varies)
        String momentum = "\"optimizer\": \"momentum\", \"learningRate\": 0.05";
        String l1 = submit(moons("proximal L1 λ₁ = 0.5, momentum", momentum,
                "{\"penalty\": {\"l1\": 0.5, \"l1Update\": \"proximal\"}}"));
        String l2 = submit(moons("L2 λ₂ = 1, momentum", momentum, "{\"penalty\": {\"l2\": 1}}"));
        String shown = submit(Files.readString(Path.of("examples", "moons-job.json")));

        ChromeDriver browser = Chromium.start(1280, 800);
        try {
            browser.get("http://localhost:" + port + "/#/");
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> browser
                    .findElements(By.cssSelector("[role=progressbar][data-status=RUNNING]")).size() == 2
                    && browser.findElements(By.cssSelector("tr[data-job-id]")).size() == 7);
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> Integer.parseInt(browser
                    .findElement(By.cssSelector("[role=progressbar][data-status=RUNNING]"))
                    .getDomAttribute("aria-valuenow")) >= 20);
            Files.write(DIR.resolve("dashboard-jobs.png"), browser.getScreenshotAs(OutputType.BYTES));

            compared.forEach(this::awaitFinal);
            awaitFinal(l1);
            awaitFinal(l2);
            JsonNode job = awaitFinal(shown);
            assertThat(job.get("stop").get("reason").asString()).isEqualTo("EARLY_STOPPED");
            browser.get("http://localhost:" + port + "/#/jobs/" + shown);
            String epochs = Integer.toString(job.get("stop").get("epoch").asInt());
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> epochs.equals(browser
                    .findElement(By.id("loss-chart")).getDomAttribute("data-epochs")));
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> browser
                    .findElement(By.id("stop-reason")).getText().equals("EARLY_STOPPED"));
            Files.write(DIR.resolve("dashboard-job.png"), browser.getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.quit();
        }

        save("/api/v1/jobs/" + shown + "/plots/loss.png", "loss-early-stopping.png");
        save("/api/v1/jobs/" + shown + "/plots/decision-boundary.png", "decision-regions.png");
        save("/api/v1/plots/compare.png?jobs=" + String.join(",", compared), "compare.png");
        save("/api/v1/jobs/" + l1 + "/plots/histogram.png", "histogram-proximal-l1.png");
        save("/api/v1/jobs/" + l2 + "/plots/histogram.png", "histogram-l2.png");
    }

    private void save(String path, String file) throws Exception {
        byte[] png = http.get().uri(path).exchange().expectStatus().isOk().expectBody(byte[].class).returnResult()
                .getResponseBody();
        Files.write(DIR.resolve(file), png);
    }
}
