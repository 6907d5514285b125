package dev.tlsconsole.browser;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tlsconsole.support.ConsoleTest;

/**
 * Base of the browser tests: the shared console context on its real HTTPS port, one headless
 * Chromium per test class, and a screenshot in {@code target/screenshots/} of every failing test.
 */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(BrowserTest.ScreenshotOnFailure.class)
abstract class BrowserTest {

    @LocalServerPort
    int port;

    WebDriver driver;

    /** Where this class's browser saves downloads. */
    Path downloads;

    @BeforeAll
    void startBrowser() throws java.io.IOException {
        downloads = Files.createDirectories(Path.of("target", "downloads", getClass().getSimpleName()));
        try (var old = Files.list(downloads)) {
            for (Path file : old.toList()) {
                // a plan download leaves a directory behind; a rerun in the same checkout must not trip on it
                org.springframework.util.FileSystemUtils.deleteRecursively(file);
            }
        }
        driver = BrowserSupport.startChromium(downloads);
    }

    @AfterAll
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    String baseUrl() {
        return "https://localhost:" + port;
    }

    /** Runs before {@code @AfterEach}, while the page of the failing step is still on screen. */
    static class ScreenshotOnFailure implements AfterTestExecutionCallback {
        @Override
        public void afterTestExecution(ExtensionContext context) throws Exception {
            if (context.getExecutionException().isEmpty() || !(context.getRequiredTestInstance() instanceof BrowserTest test)
                    || test.driver == null) {
                return;
            }
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) test.driver).getScreenshotAs(OutputType.BYTES));
        }
    }
}
