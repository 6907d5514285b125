package dev.tlsconsole.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** A host's page (its applications and the annex options editor) and its edit form. */
class HostPage {

    private final WebDriver driver;

    HostPage(WebDriver driver) {
        this.driver = driver;
    }

    static HostPage await(WebDriver driver) {
        Browser.waitFor(driver, "host-detail-page");
        return new HostPage(driver);
    }

    String name() {
        return Browser.text(driver, "host-name");
    }

    String url() {
        return driver.getCurrentUrl();
    }

    ApplicationFormPage newApplication() {
        Browser.click(driver, "host-new-application");
        return ApplicationFormPage.await(driver);
    }

    /** Types an option into the blank row of the options editor and saves; returns the page after the save. */
    HostPage setOption(String key, String value) {
        List<WebElement> keys = driver.findElements(By.cssSelector("[data-testid^='option-key-']"));
        int blank = keys.size() - 1;
        Browser.type(driver, "option-key-" + blank, key);
        Browser.type(driver, "option-value-" + blank, value);
        Browser.click(driver, "options-save");
        return await(driver);
    }

    /** The value of an option as the editor shows it, or null when the option is not set here. */
    String option(String key) {
        List<WebElement> keys = driver.findElements(By.cssSelector("[data-testid^='option-key-']"));
        for (int i = 0; i < keys.size(); i++) {
            if (key.equals(keys.get(i).getAttribute("value"))) {
                return Browser.find(driver, "option-value-" + i).getAttribute("value");
            }
        }
        return null;
    }

    String flash() {
        return Browser.text(driver, "flash-success");
    }

    boolean listsApplication(String name) {
        return !driver.findElements(Browser.testId("host-application-" + name)).isEmpty();
    }

    /** Opens the edit form (in the current window). */
    HostPage edit() {
        Browser.click(driver, "host-edit");
        Browser.waitFor(driver, "host-form");
        return this;
    }

    /** On the edit form: changes the IP address and saves. */
    void saveIpAddress(String ipAddress) {
        Browser.type(driver, "host-ip-input", ipAddress);
        Browser.click(driver, "host-save");
    }

    /** The conflict panel's row for a field: {stored now, your input}. */
    String[] conflict(String field) {
        Browser.waitFor(driver, "conflict");
        WebElement row = Browser.find(driver, "conflict-row-" + field);
        return new String[] {row.findElement(Browser.testId("conflict-theirs")).getText(),
                row.findElement(Browser.testId("conflict-yours")).getText()};
    }

    String ipAddressInput() {
        return Browser.find(driver, "host-ip-input").getAttribute("value");
    }
}
