package dev.tlsconsole.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The effective-policies list: filters, rows with grades, links to the connections. */
class PoliciesPage {

    private final WebDriver driver;

    PoliciesPage(WebDriver driver) {
        this.driver = driver;
    }

    static PoliciesPage openFromNavigation(WebDriver driver) {
        Browser.click(driver, "nav-policies");
        Browser.waitFor(driver, "policies-page");
        return new PoliciesPage(driver);
    }

    PoliciesPage filter(String grade, String text) {
        new Select(Browser.find(driver, "filter-grade")).selectByValue(grade);
        Browser.type(driver, "filter-q", text);
        Browser.click(driver, "filter-apply");
        Browser.waitFor(driver, "policies-page");
        return this;
    }

    /** The grade of every listed row, in order. */
    List<String> grades() {
        return driver.findElements(By.cssSelector("[data-testid^='policy-row-']")).stream()
                .map(row -> row.getAttribute("data-grade")).toList();
    }

    ConnectionPolicyPage open(long connectionId) {
        Browser.click(driver, "policy-link-" + connectionId);
        return ConnectionPolicyPage.await(driver);
    }

    WebElement row(long connectionId) {
        return Browser.find(driver, "policy-row-" + connectionId);
    }
}
