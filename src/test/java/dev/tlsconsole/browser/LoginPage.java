package dev.tlsconsole.browser;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The sign-in page. */
class LoginPage {

    private final WebDriver driver;

    LoginPage(WebDriver driver) {
        this.driver = driver;
    }

    static LoginPage open(WebDriver driver, String baseUrl) {
        driver.get(baseUrl + "/login");
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=login-page]")));
        return new LoginPage(driver);
    }

    LoginPage typeCredentials(String username, String password) {
        driver.findElement(By.cssSelector("[data-testid=login-username]")).clear();
        driver.findElement(By.cssSelector("[data-testid=login-username]")).sendKeys(username);
        driver.findElement(By.cssSelector("[data-testid=login-password]")).sendKeys(password);
        return this;
    }

    DashboardPage signIn(String username, String password) {
        typeCredentials(username, password);
        driver.findElement(By.cssSelector("[data-testid=login-submit]")).click();
        return DashboardPage.await(driver);
    }

    LoginPage signInExpectingError(String username, String password) {
        typeCredentials(username, password);
        driver.findElement(By.cssSelector("[data-testid=login-submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=login-error]")));
        return this;
    }

    String errorMessage() {
        return driver.findElement(By.cssSelector("[data-testid=login-error]")).getText();
    }

    boolean showsSignedOutMessage() {
        return !driver.findElements(By.cssSelector("[data-testid=logout-message]")).isEmpty();
    }
}
