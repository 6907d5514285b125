package dev.tlsconsole.browser;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/** The new-application form with its port rows. */
class ApplicationFormPage {

    private final WebDriver driver;

    ApplicationFormPage(WebDriver driver) {
        this.driver = driver;
    }

    static ApplicationFormPage await(WebDriver driver) {
        Browser.waitFor(driver, "application-form");
        return new ApplicationFormPage(driver);
    }

    ApplicationFormPage describe(String name, String componentType, String version) {
        Browser.type(driver, "application-name-input", name);
        new Select(Browser.find(driver, "application-type-input")).selectByValue(componentType);
        Browser.type(driver, "application-version-input", version);
        return this;
    }

    ApplicationFormPage host(String host) {
        Browser.type(driver, "application-host-input", host);
        return this;
    }

    ApplicationFormPage port(int row, String portId, int number, String listeningMode, String transport) {
        Browser.type(driver, "port-id-" + row, portId);
        Browser.type(driver, "port-number-" + row, Integer.toString(number));
        new Select(Browser.find(driver, "port-mode-" + row)).selectByValue(listeningMode);
        Browser.type(driver, "port-transport-" + row, transport);
        return this;
    }

    ApplicationPage save() {
        Browser.click(driver, "application-save");
        return ApplicationPage.await(driver);
    }
}
