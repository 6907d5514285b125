package dev.tlsconsole.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.tlsconsole.security.accounts.AccountCommands.AccountView;
import dev.tlsconsole.security.accounts.Role;
import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.support.TestAccounts;

class LoginBrowserTests extends BrowserTest {

    @Autowired
    TestAccounts accounts;

    @Test
    void wrongPasswordIsExplainedAndTheRightOneSignsIn() {
        LoginPage login = LoginPage.open(driver, baseUrl());

        login.signInExpectingError("admin", "not-the-password");
        assertThat(login.errorMessage()).contains("Wrong username or password");

        DashboardPage dashboard = login.signIn("admin", ConsoleTest.ADMIN_PASSWORD);
        assertThat(dashboard.signedInUser()).isEqualTo("admin");
        assertThat(dashboard.showsUsersNavigation()).isTrue();

        LoginPage afterLogout = dashboard.signOut();
        assertThat(afterLogout.showsSignedOutMessage()).isTrue();
        driver.get(baseUrl() + "/");
        assertThat(driver.getCurrentUrl()).endsWith("/login");
    }

    @Test
    void adminCreatesAnOperatorWhoThenSignsIn() {
        DashboardPage dashboard = LoginPage.open(driver, baseUrl()).signIn("admin", ConsoleTest.ADMIN_PASSWORD);
        UsersPage users = dashboard.openUsers();
        String username = "op-" + System.nanoTime() % 1_000_000;

        String shown = users.createUser(username, "operator-password-long", "OPERATOR");

        assertThat(shown).isEqualTo(username);
        assertThat(users.flashMessage()).contains("User " + username + " created");
        LoginPage login = dashboard.signOut();
        DashboardPage operatorDashboard = login.signIn(username, "operator-password-long");
        assertThat(operatorDashboard.signedInUser()).isEqualTo(username);
        assertThat(operatorDashboard.showsUsersNavigation()).as("an OPERATOR has no user administration").isFalse();
        operatorDashboard.signOut();
    }

    @Test
    void anAuditorSeesTheAuditFigureButNoUserAdministration() {
        AccountView auditor = accounts.create("auditor", Role.AUDITOR);
        DashboardPage dashboard = LoginPage.open(driver, baseUrl()).signIn(auditor.username(), TestAccounts.PASSWORD);
        assertThat(dashboard.showsUsersNavigation()).isFalse();
        assertThat(driver.findElements(org.openqa.selenium.By.cssSelector("[data-testid=tile-audit]"))).hasSize(1);
        dashboard.signOut();
    }
}
