package dev.regtrain.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.bidi.module.Network;
import org.openqa.selenium.bidi.network.Header;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard of a service with keys, in a real browser (Debian's chromium, headless), every request the browser
 * sends seen through WebDriver BiDi: it asks for a key on the first 401, refuses a wrong one in the form, keeps the
 * right one in this tab's sessionStorage only, and follows jobs live with the key in a header, never in a URL.
 */
@Tag("browser")
@Tag("slow")
class DashboardKeyBrowserTests extends KeyedServiceTest {

    private static final String KEY_ITEM = "regtrain.key";

    private static ChromeDriver browser;
    private static Network network;
    /** Every request the browser sent, in every tab: its URL and its Authorization header ("" without one). */
    private static final Queue<String[]> SENT = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void startBrowser() {
        browser = Chromium.start(1280, 800, true);
        network = new Network(browser);
        network.onBeforeRequestSent(event -> SENT.add(new String[] {event.getRequest().getUrl(),
                event.getRequest().getHeaders().stream().filter(h -> h.getName().equalsIgnoreCase("Authorization"))
                        .map(Header::getValue).map(v -> v.getValue()).findFirst().orElse("")}));
    }

    @AfterAll
    static void stopBrowser() {
        if (network != null) {
            network.close();
        }
        if (browser != null) {
            browser.quit();
        }
    }

    /** Back to one blank tab, with nothing kept (the next test's page is loaded afresh, not reached by its hash). */
    @AfterEach
    void closeOtherTabs() {
        String first = browser.getWindowHandles().iterator().next();
        for (String handle : browser.getWindowHandles()) {
            if (!handle.equals(first)) {
                browser.switchTo().window(handle).close();
            }
        }
        browser.switchTo().window(first);
        script("sessionStorage.clear(); localStorage.clear();");
        browser.get("about:blank");
    }

    @Test
    void theDashboardAsksForAKeyRefusesAWrongOneAndFollowsTheOwnersJobsLiveWithTheRightOne() {
        String key = newKey("dashboard-tab", "user");
        String finished = submit(key, moonsJob(3));
        awaitFinal(key, finished);

        browser.get(url("#/"));
        awaitPrompt();
        assertThat(browser.findElements(By.cssSelector("tr[data-job-id]"))).as("no job list without a key").isEmpty();
        assertThat(find("#key-error").isDisplayed()).as("no error before a key was tried").isFalse();

        enterKey("rtk_not-a-key-of-this-service");
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> find("#key-error").isDisplayed());
        assertThat(find("#key-error").getText()).startsWith("This key was refused: ")
                .contains("does not hold a valid key");
        assertThat(find("#key-prompt").isDisplayed()).as("the prompt stays after a wrong key").isTrue();
        assertThat(find("#key-input").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(script("return sessionStorage.getItem(arguments[0]);", KEY_ITEM)).as("a refused key is not kept")
                .isNull();

        enterKey(key);
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> !browser.findElements(By.cssSelector("tr[data-job-id='" + finished + "']")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#key-prompt"))).as("the prompt is gone").isEmpty();
        assertThat(find("tr[data-job-id='" + finished + "'] .status").getText()).isEqualTo("SUCCEEDED");

        String running = submit(key, moonsJob(100_000));
        try {
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().alias("a job submitted with the key shows up")
                    .until(() -> !browser.findElements(By.cssSelector("tr[data-job-id='" + running + "']")).isEmpty());
            find("tr[data-job-id='" + running + "'] a").click();
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                    .until(() -> "RUNNING".equals(find("#job-status").getText()));
            String before = find("#job-progress").getDomAttribute("aria-valuetext");
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().alias("the progress moves with the events")
                    .until(() -> !before.equals(find("#job-progress").getDomAttribute("aria-valuetext")));
            String later = find("#job-progress").getDomAttribute("aria-valuetext");
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                    .until(() -> !later.equals(find("#job-progress").getDomAttribute("aria-valuetext")));
        } finally {
            http.post().uri("/api/v1/jobs/" + running + "/cancel").header("Authorization", bearer(key)).exchange();
        }

        assertThat(script("return sessionStorage.getItem(arguments[0]);", KEY_ITEM)).isEqualTo(key);
        assertThat(script("return localStorage.length;")).as("nothing in localStorage").isEqualTo(0L);
        assertThat((String) script("return document.cookie;")).doesNotContain(key);
        List<String[]> sent = List.copyOf(SENT);
        assertThat(sent).extracting(r -> r[0]).as("no URL holds a key").isNotEmpty()
                .noneMatch(url -> url.contains(key) || url.contains("not-a-key") || url.contains("rtk_"));
        List<String[]> streams = sent.stream().filter(r -> r[0].endsWith("/api/v1/jobs/" + running + "/events"))
                .toList();
        assertThat(streams).as("the job's event stream, sent with the key in its Authorization header").isNotEmpty()
                .allSatisfy(r -> assertThat(r[1]).isEqualTo("Bearer " + key));
    }

    @Test
    void aNewTabHasNoKeyAndAsksAgain() {
        String key = newKey("dashboard-tabs", "user");
        browser.get(url("#/"));
        awaitPrompt();
        enterKey(key);
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> find("#jobs-table").isDisplayed()
                && browser.findElements(By.cssSelector("#key-prompt")).isEmpty());
        String first = browser.getWindowHandle();

        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(url("#/"));

        awaitPrompt();
        assertThat(script("return sessionStorage.getItem(arguments[0]);", KEY_ITEM)).as("the new tab has no key")
                .isNull();
        assertThat(browser.findElements(By.cssSelector("#jobs-table"))).isEmpty();
        browser.switchTo().window(first);
        assertThat(script("return sessionStorage.getItem(arguments[0]);", KEY_ITEM)).as("the first tab keeps its own")
                .isEqualTo(key);
    }

    private void awaitPrompt() {
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().alias("the key prompt")
                .until(() -> find("#key-prompt").isDisplayed()
                        && "key-input".equals(browser.switchTo().activeElement().getDomAttribute("id")));
        assertThat(find("#key-prompt").getDomAttribute("open")).as("a modal dialog").isNotNull();
    }

    private void enterKey(String key) {
        WebElement input = find("#key-input");
        input.clear();
        input.sendKeys(key);
        find("#key-submit").click();
    }

    private String url(String fragment) {
        return "http://localhost:" + port + "/" + fragment;
    }

    private WebElement find(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    private Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(code, arguments);
    }

    private String submit(String key, String json) {
        String body = http.post().uri("/api/v1/jobs").header("Authorization", bearer(key))
                .contentType(MediaType.APPLICATION_JSON).body(json).exchange().expectStatus().isAccepted()
                .expectBody(String.class).returnResult().getResponseBody();
        return JSON.readTree(body).get("id").asString();
    }

    private void awaitFinal(String key, String id) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode job = JSON.readTree(http.get().uri("/api/v1/jobs/" + id).header("Authorization", bearer(key))
                    .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
            return job.hasNonNull("stop");
        });
    }

    private static String moonsJob(int epochs) {
        return ServiceTest.moonsJob(epochs, "");
    }
}
