package dev.tlsconsole.browser;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The options editor of any level: change a row, preview the impact, save. */
class OptionsEditorPanel {

    private final WebDriver driver;

    OptionsEditorPanel(WebDriver driver) {
        this.driver = driver;
    }

    static OptionsEditorPanel await(WebDriver driver) {
        Browser.waitFor(driver, "options-editor");
        return new OptionsEditorPanel(driver);
    }

    /** Replaces the value of the row that sets {@code key}. */
    OptionsEditorPanel change(String key, String value) {
        List<WebElement> keys = driver.findElements(By.cssSelector("[data-testid^='option-key-']"));
        for (int i = 0; i < keys.size(); i++) {
            if (key.equals(keys.get(i).getAttribute("value"))) {
                Browser.type(driver, "option-value-" + i, value);
                return this;
            }
        }
        throw new AssertionError("no row sets " + key);
    }

    /** Presses Preview and waits for the impact panel. */
    WebElement preview() {
        Browser.click(driver, "options-preview");
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(Browser.testId("impact-panel")));
    }

    /** The grade badges of a connection's row in the impact panel: {before, after}. */
    String[] impactGrades(WebElement panel, long connectionId) {
        WebElement row = panel.findElement(Browser.testId("impact-" + connectionId));
        return new String[] {
                row.findElement(Browser.testId("impact-before")).findElement(Browser.testId("grade-badge")).getAttribute("data-grade"),
                row.findElement(Browser.testId("impact-after")).findElement(Browser.testId("grade-badge")).getAttribute("data-grade")};
    }

    void save() {
        Browser.click(driver, "options-save");
        Browser.waitFor(driver, "flash-success");
    }
}
