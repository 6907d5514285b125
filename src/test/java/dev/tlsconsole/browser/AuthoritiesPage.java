package dev.tlsconsole.browser;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/** The console CA screens: list, new CA form, a CA's page and its issue form. */
class AuthoritiesPage extends CertificateScreens {

    AuthoritiesPage(WebDriver driver) {
        super(driver);
    }

    static AuthoritiesPage open(WebDriver driver) {
        await(driver, "nav-certificates").click();
        await(driver, "tab-authorities").click();
        await(driver, "authorities-page");
        return new AuthoritiesPage(driver);
    }

    /** Creates a root CA; returns on the CA's page. */
    AuthoritiesPage createRoot(String name, String subject) {
        click("new-authority");
        await(driver, "new-authority-form");
        type("authority-name-input", name);
        type("authority-subject", subject);
        click("authority-create");
        await(driver, "authority-detail-page");
        return this;
    }

    String title() {
        return find("authority-title").getText();
    }

    /** Issues a certificate for a topology host from the CA whose page is open; returns on the certificate's page. */
    CertificatePage issueForHost(String host, String usage, int validityDays) {
        click("issue-certificate");
        await(driver, "issue-form");
        new Select(find("issue-host")).selectByVisibleText(host);
        new Select(find("issue-usage")).selectByValue(usage);
        type("issue-validity", Integer.toString(validityDays));
        click("issue-submit");
        await(driver, "certificate-detail-page");
        return new CertificatePage(driver);
    }
}
