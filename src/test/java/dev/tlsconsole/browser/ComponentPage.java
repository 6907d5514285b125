package dev.tlsconsole.browser;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A component's page: what it is, its notes, its links and the "check a link" form. */
class ComponentPage {

    private final WebDriver driver;
    private final WebElement page;

    ComponentPage(WebDriver driver) {
        this.driver = driver;
        this.page = driver.findElement(By.cssSelector("[data-testid=component-page]"));
    }

    static ComponentPage open(WebDriver driver, String baseUrl, String name) {
        driver.get(baseUrl + "/catalog/components/" + name.replace(" ", "%20"));
        return await(driver);
    }

    static ComponentPage await(WebDriver driver) {
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=component-page]")));
        return new ComponentPage(driver);
    }

    String name() {
        return driver.findElement(By.cssSelector("[data-testid=component-name]")).getText();
    }

    List<String> notes() {
        return driver.findElements(By.cssSelector("[data-testid=component-notes] li")).stream()
                .map(WebElement::getText).toList();
    }

    /** The peers of the explicit links and the rules through which this component is a client. */
    String connectsTo() {
        return driver.findElement(By.cssSelector("[data-testid=connects-to]")).getText();
    }

    /**
     * Fills the check form towards {@code to} and submits it (with Enter, as the name suggestions may cover the
     * button); returns the verdict box once it shows the answer.
     */
    WebElement check(String fromVersion, String to, String toVersion, String port) {
        type("check-from-version", fromVersion);
        type("check-to", to);
        type("check-to-version", toVersion);
        type("check-port", port);
        WebElement oldResult = driver.findElement(By.cssSelector("[data-testid=check-result]"));
        driver.findElement(By.cssSelector("[data-testid=check-port]")).sendKeys(Keys.ENTER);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        wait.until(ExpectedConditions.stalenessOf(oldResult));
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=check-verdict]")));
    }

    /** True while the browser still shows the document this page object was made for (no reload happened). */
    boolean notReloaded() {
        return !ExpectedConditions.stalenessOf(page).apply(driver);
    }

    private void type(String testId, String text) {
        WebElement input = driver.findElement(By.cssSelector("[data-testid=" + testId + "]"));
        input.clear();
        input.sendKeys(text);
    }
}
