package dev.tlsconsole.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The topology graph page: its filters, the drawing (through the Cytoscape instance the page exposes
 * as {@code window.consoleGraph}) and the same graph as a table.
 */
class GraphPage {

    private static final Pattern CONNECTION = Pattern.compile("graph-edge-conn:(\\d+)(:backup)?");
    private final WebDriver driver;

    GraphPage(WebDriver driver) {
        this.driver = driver;
    }

    static GraphPage await(WebDriver driver) {
        Browser.waitFor(driver, "graph-page");
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> "true".equals(
                d.findElement(Browser.testId("graph-canvas")).getAttribute("data-ready")));
        return new GraphPage(driver);
    }

    static GraphPage openFromNavigation(WebDriver driver) {
        Browser.click(driver, "nav-graph");
        return await(driver);
    }

    static GraphPage open(WebDriver driver, String url) {
        driver.get(url);
        return await(driver);
    }

    GraphPage filterGrade(String grade) {
        new Select(Browser.find(driver, "filter-grade")).selectByValue(grade);
        Browser.click(driver, "filter-apply");
        return await(driver);
    }

    /** The connection ids of the table's rows (an HA backup's row names its connection again). */
    Set<Long> listedConnections() {
        Set<Long> ids = new LinkedHashSet<>();
        for (WebElement row : driver.findElements(By.cssSelector("[data-testid^='graph-edge-conn:']"))) {
            Matcher m = CONNECTION.matcher(row.getAttribute("data-testid"));
            if (m.matches()) {
                ids.add(Long.parseLong(m.group(1)));
            }
        }
        return ids;
    }

    /** The grades of the table's rows. */
    List<String> listedGrades() {
        return driver.findElements(By.cssSelector("[data-testid^='graph-edge-conn:']")).stream()
                .map(row -> row.getAttribute("data-grade")).toList();
    }

    /** Expands every host; while the hosts were folded on the server, waits for the whole selection to be drawn. */
    GraphPage expandAll() {
        Browser.click(driver, "graph-expand-all");
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> "true".equals(
                d.findElement(Browser.testId("graph-canvas")).getAttribute("data-ready")));
        return this;
    }

    /** The connection ids of the edges drawn one per connection (not folded into a collapsed host). */
    @SuppressWarnings("unchecked")
    Set<Long> drawnConnections() {
        List<Object> ids = (List<Object>) script("return window.consoleGraph.edges('[connectionId]').map(e => e.data('connectionId'));");
        Set<Long> result = new LinkedHashSet<>();
        ids.forEach(id -> result.add(((Number) id).longValue()));
        return result;
    }

    /** The classes and label of an edge as drawn. */
    @SuppressWarnings("unchecked")
    List<String> edge(String edgeId) {
        return (List<String>) script("var e = window.consoleGraph.getElementById(arguments[0]);"
                + "return e.empty() ? [] : [e.classes().join(' '), e.data('label'), e.style('line-color')];", edgeId);
    }

    /** Clicks the middle of an edge on the canvas, as a user would. */
    void clickEdge(String edgeId) {
        script("arguments[0].scrollIntoView({block: 'center'});", Browser.find(driver, "graph-canvas"));
        script("window.consoleGraph.getElementById(arguments[0]).select(); window.consoleGraph.center(window.consoleGraph.getElementById(arguments[0]));",
                edgeId);
        List<?> point = (List<?>) script("var e = window.consoleGraph.getElementById(arguments[0]);"
                + "var p = e.renderedMidpoint(); var r = window.consoleGraph.container().getBoundingClientRect();"
                + "return [p.x, p.y, r.width, r.height];", edgeId);
        WebElement canvas = Browser.find(driver, "graph-canvas");
        int x = (int) Math.round(((Number) point.get(0)).doubleValue() - ((Number) point.get(2)).doubleValue() / 2);
        int y = (int) Math.round(((Number) point.get(1)).doubleValue() - ((Number) point.get(3)).doubleValue() / 2);
        new Actions(driver).moveToElement(canvas, x, y).click().perform();
    }

    /** Writes a screenshot to {@code dir/name} when the screenshots of the README are being made. */
    static void screenshot(WebDriver driver, String name) throws java.io.IOException {
        String dir = System.getProperty("console.screenshots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        Files.createDirectories(Path.of(dir));
        Files.write(Path.of(dir, name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    private Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }
}
