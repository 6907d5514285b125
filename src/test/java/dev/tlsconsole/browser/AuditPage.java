package dev.tlsconsole.browser;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The audit trail: filters, the list, verify and export. */
class AuditPage {

    private final WebDriver driver;

    AuditPage(WebDriver driver) {
        this.driver = driver;
    }

    static AuditPage open(WebDriver driver, String baseUrl) {
        driver.get(baseUrl + "/audit");
        return await(driver);
    }

    static AuditPage await(WebDriver driver) {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=audit-page]")));
        return new AuditPage(driver);
    }

    AuditPage filterByObject(String type, String name) {
        new Select(driver.findElement(By.cssSelector("[data-testid=filter-object-type]"))).selectByValue(type);
        WebElement nameBox = driver.findElement(By.cssSelector("[data-testid=filter-object-name]"));
        nameBox.clear();
        nameBox.sendKeys(name);
        driver.findElement(By.cssSelector("[data-testid=filter-apply]")).click();
        return await(driver);
    }

    List<String> rowTexts() {
        return driver.findElements(By.cssSelector("[data-testid^=audit-row-]")).stream().map(WebElement::getText).toList();
    }

    AuditEntryPage openEntryWithAction(String action) {
        WebElement row = driver.findElements(By.cssSelector("[data-testid^=audit-row-]")).stream()
                .filter(r -> r.getText().contains(action)).findFirst().orElseThrow();
        row.findElement(By.cssSelector("[data-testid=audit-entry-link]")).click();
        return AuditEntryPage.await(driver);
    }

    void exportCsv() {
        driver.findElement(By.cssSelector("[data-testid=audit-export]")).click();
    }

    String verify() {
        driver.findElement(By.cssSelector("[data-testid=audit-verify]")).click();
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=verify-ok], [data-testid=verify-broken]")))
                .getText();
    }
}
