package dev.tlsconsole.browser;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** One audit entry with its before/after diff. */
class AuditEntryPage {

    private final WebDriver driver;

    AuditEntryPage(WebDriver driver) {
        this.driver = driver;
    }

    static AuditEntryPage await(WebDriver driver) {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=audit-entry-page]")));
        return new AuditEntryPage(driver);
    }

    WebElement diffRow(String path) {
        return driver.findElement(By.cssSelector("[data-testid='diff-row-" + path + "']"));
    }

    String objectLink() {
        return driver.findElement(By.cssSelector("[data-testid=entry-object-link]")).getAttribute("href");
    }

    void backToList() {
        driver.navigate().back();
    }
}
