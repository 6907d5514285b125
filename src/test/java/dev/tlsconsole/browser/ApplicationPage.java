package dev.tlsconsole.browser;

import org.openqa.selenium.WebDriver;

/** An application's page: its ports and its connections both ways. */
class ApplicationPage {

    private final WebDriver driver;

    ApplicationPage(WebDriver driver) {
        this.driver = driver;
    }

    static ApplicationPage await(WebDriver driver) {
        Browser.waitFor(driver, "application-detail-page");
        return new ApplicationPage(driver);
    }

    static ApplicationPage open(WebDriver driver, String url) {
        driver.get(url);
        return await(driver);
    }

    String url() {
        return driver.getCurrentUrl();
    }

    String name() {
        return Browser.text(driver, "application-name");
    }

    String port(String portId) {
        return Browser.text(driver, "port-" + portId);
    }

    /** The line of the outgoing connection to {@code server}'s port, or null. */
    String outgoing(String server, String portId) {
        return driver.findElements(Browser.testId("outgoing-" + server + "-" + portId)).stream().findFirst()
                .map(e -> e.getText()).orElse(null);
    }

    /** The line of the incoming connection from {@code client} on a port, or null. */
    String incoming(String client, String portId) {
        return driver.findElements(Browser.testId("incoming-" + client + "-" + portId)).stream().findFirst()
                .map(e -> e.getText()).orElse(null);
    }

    ConnectionFormPage connectToServer() {
        Browser.click(driver, "application-new-connection");
        return ConnectionFormPage.await(driver);
    }

    /** Presses the Probe button of a port; the page comes back with the probe's result in a message. */
    ApplicationPage probe(String portId) {
        Browser.click(driver, "probe-" + portId);
        Browser.waitFor(driver, "flash-success");
        return await(driver);
    }
}
