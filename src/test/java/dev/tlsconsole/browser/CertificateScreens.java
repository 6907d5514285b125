package dev.tlsconsole.browser;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What the certificate page objects share: finding by test id, waiting, clicking what may be below the fold. */
abstract class CertificateScreens {

    final WebDriver driver;

    CertificateScreens(WebDriver driver) {
        this.driver = driver;
    }

    static WebElement await(WebDriver driver, String testId) {
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(byTestId(testId)));
    }

    static By byTestId(String testId) {
        return By.cssSelector("[data-testid='" + testId + "']");
    }

    WebElement find(String testId) {
        return driver.findElement(byTestId(testId));
    }

    void type(String testId, String text) {
        WebElement input = find(testId);
        input.clear();
        input.sendKeys(text);
    }

    /** Scrolls the element to the middle of the window first: a click at the fold may land on something else. */
    void click(String testId) {
        WebElement element = new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(byTestId(testId)));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    /** Accepts the confirmation a destructive or saving form asks for. */
    void confirm() {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent()).accept();
    }
}
