package dev.tlsconsole.browser;

import java.time.Duration;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A certificate's page, and the assignment screen reached from it. */
class CertificatePage extends CertificateScreens {

    CertificatePage(WebDriver driver) {
        super(driver);
    }

    String title() {
        return find("certificate-title").getText();
    }

    String flash() {
        return await(driver, "flash-success").getText();
    }

    /** Opens the assignment screen, picks the target and asks for the Preview. */
    CertificatePage previewAssignment(String targetLabel) {
        click("assign-certificate");
        await(driver, "assign-form");
        new Select(find("assign-target")).selectByVisibleText(targetLabel);
        click("assign-preview");
        await(driver, "assign-preview-result");
        return this;
    }

    /** The grade the Preview shows for a connection, before or after. */
    String previewGrade(long connectionId, boolean after) {
        return driver.findElement(byTestId("impact-" + connectionId))
                .findElement(byTestId(after ? "impact-after" : "impact-before"))
                .findElement(byTestId("grade-badge")).getAttribute("data-grade");
    }

    /** Saves the previewed assignment (confirming), back on the certificate's page. */
    CertificatePage assign() {
        click("assign-submit");
        confirm();
        await(driver, "certificate-detail-page");
        return this;
    }

    /** The grade of a dependent connection in the where-used block (loaded after the page). */
    String whereUsedGrade(long connectionId) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(
                byTestId("usage-connection-" + connectionId))).findElement(byTestId("grade-badge")).getAttribute("data-grade");
    }
}
