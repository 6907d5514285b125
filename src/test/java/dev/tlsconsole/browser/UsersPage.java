package dev.tlsconsole.browser;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The user list and the new-user form. */
class UsersPage {

    private final WebDriver driver;

    UsersPage(WebDriver driver) {
        this.driver = driver;
    }

    static UsersPage await(WebDriver driver) {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=users-page]")));
        return new UsersPage(driver);
    }

    /** Fills the new-user form; returns the user's detail page title after saving. */
    String createUser(String username, String password, String role) {
        driver.findElement(By.cssSelector("[data-testid=new-user]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=new-user-form]")));
        driver.findElement(By.cssSelector("[data-testid=user-username]")).sendKeys(username);
        driver.findElement(By.cssSelector("[data-testid=user-password]")).sendKeys(password);
        for (String candidate : new String[] {"ADMIN", "OPERATOR", "AUDITOR"}) {
            var box = driver.findElement(By.cssSelector("[data-testid=user-role-" + candidate + "]"));
            if (box.isSelected() != candidate.equals(role)) {
                box.click();
            }
        }
        driver.findElement(By.cssSelector("[data-testid=user-create]")).click();
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=user-name]")))
                .getText();
    }

    String flashMessage() {
        return driver.findElement(By.cssSelector("[data-testid=flash-success]")).getText();
    }
}
