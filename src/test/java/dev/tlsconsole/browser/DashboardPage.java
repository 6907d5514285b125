package dev.tlsconsole.browser;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The dashboard, with the navigation bar every signed-in page has. */
class DashboardPage {

    private final WebDriver driver;

    DashboardPage(WebDriver driver) {
        this.driver = driver;
    }

    static DashboardPage await(WebDriver driver) {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=dashboard]")));
        return new DashboardPage(driver);
    }

    String signedInUser() {
        return driver.findElement(By.cssSelector("[data-testid=nav-username]")).getText();
    }

    boolean showsUsersNavigation() {
        return !driver.findElements(By.cssSelector("[data-testid=nav-users]")).isEmpty();
    }

    LoginPage signOut() {
        driver.findElement(By.cssSelector("[data-testid=nav-user-menu]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(5))
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=logout]"))).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=login-page]")));
        return new LoginPage(driver);
    }

    UsersPage openUsers() {
        driver.findElement(By.cssSelector("[data-testid=nav-users]")).click();
        return UsersPage.await(driver);
    }
}
