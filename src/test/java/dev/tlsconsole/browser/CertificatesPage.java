package dev.tlsconsole.browser;

import org.openqa.selenium.WebDriver;

/** The inventory list with its expiry bands. */
class CertificatesPage extends CertificateScreens {

    CertificatesPage(WebDriver driver) {
        super(driver);
    }

    static CertificatesPage open(WebDriver driver) {
        await(driver, "nav-certificates").click();
        await(driver, "certificates-page");
        return new CertificatesPage(driver);
    }

    /** Narrows the list to a band by its chip. */
    CertificatesPage band(String band) {
        click("band-filter-" + band);
        await(driver, "certificates-table");
        return this;
    }

    CertificatesPage search(String text) {
        type("certificates-search", text);
        click("certificates-filter-submit");
        await(driver, "certificates-table");
        return this;
    }

    /** The band badge shown in a certificate's row, e.g. {@code WITHIN_30_DAYS}. */
    String bandOf(long certificateId) {
        return find("certificate-row-" + certificateId).findElement(org.openqa.selenium.By.cssSelector("[data-testid^='band-']"))
                .getAttribute("data-testid").substring("band-".length());
    }

    boolean lists(long certificateId) {
        return !driver.findElements(byTestId("certificate-row-" + certificateId)).isEmpty();
    }
}
