package dev.regtrain.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;

/** The dashboard in a real browser (Debian's chromium, headless) at 1280×800. */
@Tag("browser")
@Tag("slow")
class DashboardBrowserTests extends ServiceTest {

    private static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start(1280, 800);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String fragment) {
        return "http://localhost:" + port + "/" + fragment;
    }

    private WebElement find(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    private void type(String css, String text) {
        WebElement input = find(css);
        input.clear();
        input.sendKeys(text);
    }

    private Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(code, arguments);
    }

    /** Opens the form and waits until the generators are loaded. */
    private void openForm() {
        browser.get(url("#/new"));
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> !browser.findElements(By.cssSelector("#f-p-samples")).isEmpty());
    }

    @Test
    void aJobSubmittedThroughTheFormIsFollowedLiveToItsEnd() {
        openForm();
        type("#f-name", "browser-moons");
        type("#f-p-samples", "200");
        type("#f-p-noise", "0.2");
        type("#f-units-0", "16");
        type("#f-units-1", "16");
        type("#f-epochs", "20");
        type("#f-es-patience", "3");
        // record every value the progress bar shows, from now on (the page is not reloaded: the router swaps views)
        script("""
                window.progressSeen = [];
                new MutationObserver((changes) => changes.forEach((c) => {
                  if (c.target.id === 'job-progress') window.progressSeen.push(Number(c.target.getAttribute('aria-valuenow')));
                })).observe(document.body, {attributes: true, subtree: true, attributeFilter: ['aria-valuenow']});
                """);

        // both workers busy, so that the page is following the job before it trains: it sees every epoch arrive,
        // however fast the job is
        List<String> blockers = List.of(submit(moonsJob(100_000, "")), submit(moonsJob(100_000, "")));
        blockers.forEach(b -> awaitStatus(b, "RUNNING", 0));
        find("#submit-job").click();

        await().atMost(Duration.ofSeconds(20)).until(() -> browser.getCurrentUrl().contains("#/jobs/"));
        String id = browser.getCurrentUrl().replaceFirst(".*#/jobs/", "");
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> "QUEUED".equals(find("#job-status").getText()));
        blockers.forEach(b -> http.post().uri("/api/v1/jobs/" + b + "/cancel").exchange().expectStatus().isAccepted());
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> "100".equals(find("#job-progress").getDomAttribute("aria-valuenow")));
        JsonNode job = awaitFinal(id);
        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("name").asString()).isEqualTo("browser-moons");
        assertThat(job.get("request").get("dataset").get("samples").asInt()).isEqualTo(200);

        @SuppressWarnings("unchecked")
        List<Number> seen = (List<Number>) script("return window.progressSeen;");
        assertThat(seen).as("the progress bar moved through several values to 100 %").hasSizeGreaterThan(2)
                .last().isEqualTo(100L);
        assertThat(seen.stream().mapToLong(Number::longValue).toArray()).isSorted();

        int epochs = job.get("stop").get("epoch").asInt();
        await().atMost(Duration.ofSeconds(10)).until(() -> String.valueOf(epochs)
                .equals(find("#loss-chart").getDomAttribute("data-epochs")));
        assertThat((Long) script("""
                const canvas = document.getElementById('loss-chart');
                const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                let drawn = 0;
                for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) drawn++; }
                return drawn;""")).as("pixels drawn on the learning-curve canvas").isGreaterThan(2000);
        await().atMost(Duration.ofSeconds(10)).until(() -> find("#stop-reason").getText()
                .equals(job.get("stop").get("reason").asString()));
        assertThat(find("#stop-detail").getText()).isEqualTo(job.get("stop").get("detail").asString());
        assertThat(find("#objective").getText()).isEqualTo(job.get("objective").asString());
        assertThat(find("#regularisation").getText()).as("the server's summary, not a copy of it")
                .isEqualTo(job.get("regularizationSummary").asString()).startsWith("L2 λ₂ = 0.5");
        assertThat(find("#job-status").getText()).isEqualTo("SUCCEEDED");

        find("#predict-mc").sendKeys(Keys.ENTER); // submits the prediction form, which comes with two example rows
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> browser.findElements(By.cssSelector("#predictions tbody tr")).size() == 2);
        assertThat(find("#predictions tbody tr td:nth-child(2)").getText()).isIn("0", "1");

        find("a[data-nav=jobs]").click();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> find("tr[data-job-id='" + id + "']")
                .findElement(By.cssSelector("[role=progressbar]")).getDomAttribute("aria-valuenow").equals("100"));
        assertThat(find("tr[data-job-id='" + id + "'] .status").getText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void theFormOffersTheServicesChoices() {
        openForm();

        for (String[] select : new String[][] {{"#f-optimizer", "training.optimizer"},
                {"#f-output", "network.output"}, {"#f-activation-0", "network.hidden[].activation"},
                {"#f-l1-update", "regularization.penalty.l1Update"},
                {"#f-es-monitor", "regularization.earlyStopping.monitor"}}) {
            dev.regtrain.jobs.request.Choice choice = java.util.Arrays.stream(dev.regtrain.jobs.request.Choice.values())
                    .filter(c -> c.path().equals(select[1])).findFirst().orElseThrow();
            assertThat(find(select[0]).findElements(By.tagName("option"))).extracting(o -> o.getDomAttribute("value"))
                    .as(select[1]).containsExactlyElementsOf(choice.names());
        }
        assertThat(find("#f-upload-task").findElements(By.tagName("option"))).extracting(o -> o.getDomAttribute("value"))
                .containsExactlyElementsOf(dev.regtrain.common.ApiNames.of(dev.regtrain.data.TaskChoice.class));
    }

    @Test
    void theSwaggerUiListsJobsFirst() {
        browser.get("http://localhost:" + port + "/swagger-ui/index.html");

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> !browser.findElements(By.cssSelector(".opblock-tag[data-tag]")).isEmpty());
        assertThat(browser.findElements(By.cssSelector(".opblock-tag[data-tag]")))
                .extracting(e -> e.getDomAttribute("data-tag")).startsWith("Jobs", "Results");
    }

    @Test
    void theServicesValidationErrorsAppearNextToTheirFields() {
        openForm();
        type("#f-units-1", "0");
        type("#f-dropout-hidden", "0.2, 1.5");
        int jobsBefore = getJson("/api/v1/jobs?limit=1000").get("jobs").size();

        find("#f-name").sendKeys(Keys.ENTER); // submitted from the keyboard

        await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> find("#f-units-1-error").isDisplayed());
        WebElement units = find("#f-units-1");
        assertThat(units.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(units.getDomAttribute("aria-describedby")).contains("f-units-1-error");
        assertThat(find("#f-units-1-error").getText()).contains("must be").doesNotContain("network.hidden");
        assertThat((Boolean) script("return arguments[0].closest('.field').contains(arguments[1]);",
                units, find("#f-units-1-error"))).as("the message sits with its field").isTrue();
        assertThat(find("#f-dropout-hidden-error").getText())
                .contains("regularization.dropout.hidden[1]: must be in [0, 1); got 1.5");
        assertThat(find("#f-dropout-hidden").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).as("focus moves to the error summary")
                .isEqualTo("error-summary");
        assertThat(find("#error-summary").getText()).contains("There are 2 problems");
        assertThat(getJson("/api/v1/jobs?limit=1000").get("jobs").size()).isEqualTo(jobsBefore);
    }

    @Test
    void aCsvFileUploadedThroughTheFormBecomesTheJobsDataset() {
        openForm();
        find("#src-upload").click();
        find("#submit-job").click();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> find("#f-upload-file-error").getText().contains("choose a CSV file"));

        find("#f-upload-file").sendKeys(java.nio.file.Path.of("examples", "iris.csv").toAbsolutePath().toString());
        type("#f-upload-name", "iris-from-the-form");
        type("#f-name", "iris-browser");
        type("#f-epochs", "5");
        type("#f-dropout-hidden", "0");
        find("#submit-job").click();

        await().atMost(Duration.ofSeconds(20)).until(() -> browser.getCurrentUrl().contains("#/jobs/"));
        JsonNode job = awaitFinal(browser.getCurrentUrl().replaceFirst(".*#/jobs/", ""));
        assertThat(job.get("status").asString()).isEqualTo("SUCCEEDED");
        String dataset = job.get("request").get("dataset").get("id").asString();
        assertThat(getJson("/api/v1/datasets/" + dataset).get("name").asString()).isEqualTo("iris-from-the-form");
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> find("#data").getText()
                .contains("4 features"));
        assertThat(browser.findElements(By.cssSelector("#plots img"))).extracting(e -> e.getDomAttribute("data-src"))
                .as("no decision regions for four features").hasSize(5)
                .noneMatch(src -> src.contains("decision-boundary"));
    }

    @Test
    void blobsInThePlaneGetDecisionRegionsAndAFailedDownloadIsSaid() {
        String job = """
                {"dataset": {"builtin": "blobs", "samples": 150, "classes": 3%s},
                 "network": {"hidden": [{"units": 8, "activation": "relu"}]}, "training": {"epochs": 3}}""";
        String plane = submit(job.formatted(""));
        String space = submit(job.formatted(", \"features\": 3"));
        awaitFinal(plane);
        awaitFinal(space);

        browser.get(url("#/jobs/" + plane));
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> browser
                .findElements(By.cssSelector("#plots img")).stream()
                .anyMatch(e -> e.getDomAttribute("data-src").contains("decision-boundary")));
        browser.get(url("#/jobs/" + space));
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> browser.findElements(By.cssSelector("#plots img")).size() == 5);
        assertThat(browser.findElements(By.cssSelector("#plots img"))).extracting(e -> e.getDomAttribute("data-src"))
                .as("no decision regions for three features").noneMatch(src -> src.contains("decision-boundary"));

        http.delete().uri("/api/v1/jobs/" + space).exchange().expectStatus().isNoContent();
        browser.findElements(By.cssSelector("button.link")).stream()
                .filter(b -> b.getText().equals("metrics as CSV")).findFirst().orElseThrow().click();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> find(".notice.error").isDisplayed()
                && find(".notice.error").getText().startsWith("Not downloaded: "));
    }

    @Test
    void theJobPageShowsTheDiagnosticsFoundAndTheGradientsPlot() {
        String job = submit(TrainingDepthEndpointsTests.deepSigmoid(false).replace("\"epochs\": 40", "\"epochs\": 4"));
        awaitFinal(job);

        browser.get(url("#/jobs/" + job));
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> !browser.findElements(By.cssSelector("#diagnostics li.finding")).isEmpty());
        // the list is drawn anew on every status the page receives: read it whole, again if it was replaced
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            WebElement first = browser.findElements(By.cssSelector("#diagnostics li.finding")).get(0);
            assertThat(first.getDomAttribute("data-kind")).isEqualTo("VANISHING_GRADIENTS");
            assertThat(first.getText()).startsWith("vanishing gradients: layer 1, from epoch 1.")
                    .contains("batch normalisation");
        });
        assertThat(browser.findElements(By.cssSelector("#plots img"))).extracting(e -> e.getDomAttribute("data-src"))
                .anyMatch(src -> src.contains("/plots/gradients.png"));
    }

    @Test
    void theJobListStaysLiveWithMoreUnfinishedJobsThanTheBrowserHasConnections() {
        List<String> jobs = new java.util.ArrayList<>();
        try {
            jobs.add(submit(moonsJob(100_000, "")));
            jobs.add(submit(moonsJob(100_000, "")));
            for (int i = 0; i < 6; i++) {
                jobs.add(submit(moonsJob(5, "")));
            }
            browser.get(url("#/"));
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> jobs.stream().allMatch(id ->
                    !browser.findElements(By.cssSelector("tr[data-job-id='" + id + "']")).isEmpty()));
            String running = jobs.get(0);
            String before = find("tr[data-job-id='" + running + "'] [role=progressbar]").getDomAttribute("aria-valuetext");
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> !before.equals(
                    find("tr[data-job-id='" + running + "'] [role=progressbar]").getDomAttribute("aria-valuetext")));

            String late = submit(moonsJob(5, "\"name\": \"late\""));
            jobs.add(late);
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().alias("a job submitted elsewhere shows up")
                    .until(() -> !browser.findElements(By.cssSelector("tr[data-job-id='" + late + "']")).isEmpty());
        } finally {
            jobs.forEach(id -> http.post().uri("/api/v1/jobs/" + id + "/cancel").exchange());
        }
        jobs.forEach(this::awaitFinal);
    }

    @Test
    void theDashboardIsServedAtTheRootWithChartJsFromItsWebjar() {
        browser.get(url(""));
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getTitle().equals("Jobs · regtrain"));
        assertThat((Boolean) script("return typeof window.Chart === 'function';")).isTrue();
        assertThat(script("return [window.innerWidth, window.innerHeight];")).isEqualTo(List.of(1280L, 800L));
        assertThat((Long) script("return document.documentElement.scrollWidth;")).as("no sideways scrolling at 1280")
                .isLessThanOrEqualTo(1280L);
        List<String> order = new java.util.ArrayList<>();
        WebDriver.TargetLocator focus = browser.switchTo();
        find("body").sendKeys(Keys.TAB);
        for (int i = 0; i < 5; i++) {
            order.add(focus.activeElement().getText());
            focus.activeElement().sendKeys(Keys.TAB);
        }
        assertThat(order).as("keyboard focus order").containsExactly("Skip to content", "regtrain", "Jobs",
                "New job", "Studies");
    }

    @Test
    void tuneThisStartsAStudyFromTheFormAndItsPageFollowsItToTheSelection() {
        openForm();
        type("#f-p-samples", "120");
        type("#f-units-0", "4");
        type("#f-units-1", "4");
        type("#f-epochs", "15");
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> !browser.findElements(By.cssSelector("#t-parameter option")).isEmpty());
        type("#t-lo", "0.1");
        type("#t-hi", "10");
        type("#t-count", "3");
        type("#t-folds", "2");

        find("#tune-this").click();

        await().atMost(Duration.ofSeconds(20)).until(() -> browser.getCurrentUrl().contains("#/studies/"));
        String id = browser.getCurrentUrl().replaceFirst(".*#/studies/", "");
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions()
                .until(() -> find("#study-status").getText().equals("SUCCEEDED"));
        JsonNode study = getJson("/api/v1/studies/" + id);
        assertThat(study.get("request").get("template").get("training").get("epochs").asInt()).isEqualTo(15);
        assertThat(study.get("request").get("search").get("method").asString()).isEqualTo("path");
        assertThat(browser.findElements(By.cssSelector("#trials-body tr"))).hasSize(3);
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> find("#study-selected").getText()
                .startsWith("trial " + study.get("result").get("selected").get("trial").asInt()));
        await().atMost(Duration.ofSeconds(10)).until(() -> (Boolean) script(
                "const img = document.getElementById('validation-curve'); return img.complete && img.naturalWidth > 0;"));
        assertThat(find("#trials-body tr.selected th").getText()).contains("(selected)");
    }
}
