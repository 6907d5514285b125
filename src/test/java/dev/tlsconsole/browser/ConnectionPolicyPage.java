package dev.tlsconsole.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** A connection's page with its effective-policy panel (loaded after the page by htmx). */
class ConnectionPolicyPage {

    private final WebDriver driver;

    ConnectionPolicyPage(WebDriver driver) {
        this.driver = driver;
    }

    static ConnectionPolicyPage await(WebDriver driver) {
        Browser.waitFor(driver, "connection-detail-page");
        Browser.waitFor(driver, "effective-policy");
        return new ConnectionPolicyPage(driver);
    }

    static ConnectionPolicyPage open(WebDriver driver, String url) {
        driver.get(url);
        return await(driver);
    }

    /** The grade as the panel's badge shows it. */
    String grade() {
        return Browser.find(driver, "effective-policy").findElement(Browser.testId("grade-badge")).getAttribute("data-grade");
    }

    /** The badge's text, which screen readers read (grade and meaning). */
    String gradeText() {
        return Browser.find(driver, "effective-policy").findElement(Browser.testId("grade-badge")).getText();
    }

    WebElement finding(String code) {
        return Browser.find(driver, "findings").findElement(By.cssSelector("[data-code='" + code + "']"));
    }

    /** Follows the "fix" link of the first finding with this code. */
    void fix(String code) {
        finding(code).findElement(By.cssSelector("[data-testid^='fix-link-']")).click();
    }

    /** A finding of the last probe (the "observed" panel, loaded by htmx after the page). */
    WebElement observed(String code) {
        return Browser.waitFor(driver, "observed-findings").findElement(By.cssSelector("[data-code='" + code + "']"));
    }

    /** The declared grade capped by what the last probe observed. */
    String observedGrade() {
        return Browser.waitFor(driver, "observed-policy").getAttribute("data-observed-grade");
    }
}
