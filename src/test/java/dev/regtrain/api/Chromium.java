package dev.regtrain.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium driven through its chromedriver, headless, with a fresh profile. Both are taken from /usr/bin,
 * never downloaded: with the driver's path given, Selenium Manager is not asked for anything. Without them the
 * browser tests fail and say how to install them.
 */
final class Chromium {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /**
     * The tests use WebDriver, not the DevTools protocol, so Selenium's warning that it has no CDP binding for this
     * chromium's version is noise; held here so the level stays set.
     */
    private static final List<Logger> QUIET = List.of(Logger.getLogger("org.openqa.selenium.devtools"),
            Logger.getLogger("org.openqa.selenium.chromium"));

    private Chromium() {
    }

    /** A headless chromium whose viewport (the page's window.innerWidth × innerHeight) is {@code width × height}. */
    static ChromeDriver start(int width, int height) {
        return start(width, height, false);
    }

    /**
     * As {@link #start(int, int)}, with WebDriver BiDi on when {@code bidi}: a test can then listen to every request
     * the browser sends, in every tab (Selenium's {@code org.openqa.selenium.bidi.module.Network}).
     */
    static ChromeDriver start(int width, int height, boolean bidi) {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("the browser tests drive Debian's chromium through chromedriver and need "
                    + BROWSER + " and " + DRIVER + "; install them with: sudo apt-get install -y chromium "
                    + "chromium-driver (.ci/run does this on CI)");
        }
        QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        // without the background-networking flags chromium reaches for the network, which is closed here
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--force-device-scale-factor=1", "--user-data-dir=" + profile(),
                "--window-size=" + width + "," + height);
        if (bidi) {
            options.enableBiDi();
        }
        ChromeDriver driver = new ChromeDriver(service, options);
        // --window-size is the outer window: grow it by whatever the browser's frame takes, so the page gets exactly
        // width × height
        Number frameWidth = (Number) driver.executeScript("return window.outerWidth - window.innerWidth;");
        Number frameHeight = (Number) driver.executeScript("return window.outerHeight - window.innerHeight;");
        driver.manage().window().setSize(new Dimension(width + frameWidth.intValue(),
                height + frameHeight.intValue()));
        return driver;
    }

    private static Path profile() {
        try {
            Path dir = Files.createTempDirectory("regtrain-chromium-");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
