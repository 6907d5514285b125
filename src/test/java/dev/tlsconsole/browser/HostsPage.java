package dev.tlsconsole.browser;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The host list and the new-host form. */
class HostsPage {

    private final WebDriver driver;

    HostsPage(WebDriver driver) {
        this.driver = driver;
    }

    static HostsPage open(WebDriver driver, String baseUrl) {
        driver.get(baseUrl + "/hosts");
        Browser.waitFor(driver, "hosts-page");
        return new HostsPage(driver);
    }

    /** Fills and submits the new-host form; returns the new host's page. */
    HostPage create(String name, String ipAddress, String osType, String securityPack) {
        Browser.click(driver, "new-host");
        Browser.waitFor(driver, "host-form");
        Browser.type(driver, "host-name-input", name);
        Browser.type(driver, "host-ip-input", ipAddress);
        new Select(Browser.find(driver, "host-os-input")).selectByValue(osType);
        Browser.type(driver, "host-pack-input", securityPack);
        Browser.click(driver, "host-save");
        return HostPage.await(driver);
    }

    boolean lists(String name) {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=hosts-table]")));
        return !driver.findElements(By.cssSelector("[data-testid=host-row-" + name + "]")).isEmpty();
    }
}
