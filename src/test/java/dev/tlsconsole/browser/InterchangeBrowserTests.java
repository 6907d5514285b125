package dev.tlsconsole.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.topology.TopologyApi;

/** An operator imports a Genesys archive through the Import page, reviews the plan, applies it and opens a host's runbook. */
class InterchangeBrowserTests extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    void signIn() {
        LoginPage.open(driver, baseUrl()).signIn("admin", ConsoleTest.ADMIN_PASSWORD);
    }

    @Test
    void anArchiveIsPlannedAppliedAndTheHostsRunbookOpens() throws IOException {
        String host = TopologyApi.unique("ui-gx-host");
        String server = TopologyApi.unique("ui-gx-cs");
        Map<String, String> files = new LinkedHashMap<>();
        files.put("hosts.csv", "name,ipAddress,osType,osVersion,securityPackVersion\r\n" + host + "," + TopologyApi.uniqueIp()
                + ",UNIX,RHEL 9,8.5.100.25\r\n");
        files.put("applications.csv", "name,componentType,componentVersion,host,backup\r\n" + server
                + ",Configuration Server,8.5.1," + host + ",\r\n");
        files.put("ports.csv", "application,portId,number,listeningMode,transport\r\n" + server + ",default,2020,SECURE,tls=1\r\n");
        files.put("hosts/" + host + ".annex.cfg", "# Host annex: " + host + "\n[security]\ncertificate=/opt/genesys/certs/"
                + host + ".pem\ncertificate-key=/opt/genesys/certs/" + host + ".key\ntrusted-ca=/opt/genesys/certs/ca.pem\n");
        files.put("applications/" + server + ".options.cfg", "# Application options: " + server
                + "\n[security]\nsec-protocol=TLSv12\nx-site-flag=1\n");
        Path archive = downloads.resolve(host + ".zip");
        Files.write(archive, zip(files));

        driver.get(baseUrl() + "/imports");
        Browser.waitFor(driver, "import-form");
        Browser.find(driver, "import-file").sendKeys(archive.toAbsolutePath().toString());
        click("import-plan-submit");

        Browser.waitFor(driver, "import-plan");
        // the plan ran as a background job the page followed (its progress bar), then showed its result
        assertThat(driver.getCurrentUrl()).contains("/imports/jobs/").endsWith("/result");
        List<String> creates = driver.findElements(Browser.testId("plan-create")).stream().map(WebElement::getText).toList();
        assertThat(creates).anyMatch(row -> row.contains("HOST") && row.contains(host))
                .anyMatch(row -> row.contains("APPLICATION") && row.contains(server));
        assertThat(Browser.text(driver, "import-warnings")).contains("x-site-flag");
        assertThat(Browser.find(driver, "import-impact").isDisplayed()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from host where name = ?", Long.class, host)).isZero();

        click("import-apply");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent()).accept();
        assertThat(Browser.text(driver, "import-applied")).contains("created");
        assertThat(driver.getCurrentUrl()).contains("/imports/jobs/");
        long hostId = jdbc.queryForObject("select id from host where name = ?", Long.class, host);

        driver.get(baseUrl() + "/hosts/" + hostId);
        click("host-runbook");
        assertThat(Browser.text(driver, "runbook-title")).contains(host);
        List<String> steps = driver.findElements(Browser.testId("runbook-step")).stream().map(WebElement::getText).toList();
        assertThat(steps.get(0)).startsWith("1.").contains("Security Pack");
        assertThat(String.join("\n", steps)).containsSubsequence("Library path", "Files", "Options", "Restart",
                "Peers in the same window");
        assertThat(Browser.text(driver, "runbook-text")).contains("/opt/genesys/certs/" + host + ".key");
    }

    private void click(String testId) {
        WebElement element = new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-testid='" + testId + "']")));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    private static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
