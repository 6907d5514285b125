package dev.tlsconsole.browser;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The supported-component matrix: the grid, its filter, the cell details panel and the search box. */
class MatrixPage {

    private final WebDriver driver;

    MatrixPage(WebDriver driver) {
        this.driver = driver;
    }

    static MatrixPage open(WebDriver driver, String baseUrl) {
        driver.get(baseUrl + "/catalog");
        return await(driver);
    }

    static MatrixPage await(WebDriver driver) {
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=matrix-page]")));
        return new MatrixPage(driver);
    }

    int rowCount() {
        return driver.findElements(By.cssSelector("[data-testid=matrix-row]")).size();
    }

    int columnCount() {
        return driver.findElements(By.cssSelector("[data-testid=matrix-column]")).size();
    }

    int cellCount() {
        return driver.findElements(By.cssSelector("[data-testid=matrix-cell]")).size();
    }

    List<String> rowNames() {
        return driver.findElements(By.cssSelector("[data-testid=matrix-row]")).stream()
                .map(row -> row.getAttribute("data-component")).toList();
    }

    List<String> columnNames() {
        return driver.findElements(By.cssSelector("[data-testid=matrix-column]")).stream()
                .map(WebElement::getText).toList();
    }

    boolean showsEmptyState() {
        return !driver.findElements(By.cssSelector("[data-testid=matrix-empty]")).isEmpty();
    }

    /** Chooses a group; the page filters as soon as the choice changes. */
    MatrixPage filterByGroup(String group) {
        WebElement page = driver.findElement(By.cssSelector("[data-testid=matrix-page]"));
        new Select(driver.findElement(By.cssSelector("[data-testid=matrix-filter-group]"))).selectByVisibleText(group);
        return reloaded(page);
    }

    MatrixPage filterByName(String text) {
        WebElement page = driver.findElement(By.cssSelector("[data-testid=matrix-page]"));
        WebElement name = driver.findElement(By.cssSelector("[data-testid=matrix-filter-name]"));
        name.clear();
        name.sendKeys(text);
        driver.findElement(By.cssSelector("[data-testid=matrix-filter-apply]")).click();
        return reloaded(page);
    }

    /** Selects the cell of {@code from → to}; returns the text of the details panel that opens. */
    String openCell(String from, String to) {
        cellLink(from, to).click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        WebElement panel = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid=cell-details-body] [data-testid=pair-details]")));
        // the whole panel, also what is scrolled out of its view (getText() leaves clipped lines out)
        return panel.getDomProperty("textContent").replaceAll("\\s+", " ").strip();
    }

    /** The tooltip a cell shows while the pointer rests on it. */
    String hoverCell(String from, String to) {
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(cellLink(from, to)).perform();
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".tooltip"))).getText();
    }

    /** The link of a filled cell: its row is the client, and its address names the server. */
    private WebElement cellLink(String from, String to) {
        return driver.findElement(By.cssSelector("tr[data-component='" + from + "'] [data-testid=matrix-cell] "
                + "a.mx-link[href$='to=" + to.replace(" ", "%20") + "']"));
    }

    ComponentPage search(String text) {
        WebElement box = driver.findElement(By.cssSelector("[data-testid=catalog-search-input]"));
        box.sendKeys(text, Keys.ENTER);
        return ComponentPage.await(driver);
    }

    private MatrixPage reloaded(WebElement before) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(before));
        return await(driver);
    }
}
