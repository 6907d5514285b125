package dev.tlsconsole.browser;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Small steps the page objects share: find by {@code data-testid}, wait for it, type into it, click it. */
final class Browser {

    private Browser() {
    }

    static By testId(String testId) {
        return By.cssSelector("[data-testid='" + testId + "']");
    }

    static WebElement waitFor(WebDriver driver, String testId) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(testId(testId)));
    }

    static WebElement find(WebDriver driver, String testId) {
        return driver.findElement(testId(testId));
    }

    static void type(WebDriver driver, String testId, String text) {
        WebElement input = find(driver, testId);
        input.clear();
        input.sendKeys(text);
    }

    static void click(WebDriver driver, String testId) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(testId(testId))).click();
    }

    static String text(WebDriver driver, String testId) {
        return waitFor(driver, testId).getText();
    }
}
