package dev.tlsconsole.browser;

import org.openqa.selenium.WebDriver;

/** The new-connection form and, after saving, the connection's page. */
class ConnectionFormPage {

    private final WebDriver driver;

    ConnectionFormPage(WebDriver driver) {
        this.driver = driver;
    }

    static ConnectionFormPage await(WebDriver driver) {
        Browser.waitFor(driver, "connection-form");
        return new ConnectionFormPage(driver);
    }

    String client() {
        return Browser.find(driver, "connection-client-input").getAttribute("value");
    }

    /** Fills server, port and transport, saves, and returns the connection's title. */
    String create(String server, String portId, String transport) {
        Browser.type(driver, "connection-server-input", server);
        Browser.type(driver, "connection-port-input", portId);
        Browser.type(driver, "connection-transport-input", transport);
        Browser.click(driver, "connection-save");
        Browser.waitFor(driver, "connection-detail-page");
        return Browser.text(driver, "connection-label");
    }
}
