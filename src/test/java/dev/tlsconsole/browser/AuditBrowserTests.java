package dev.tlsconsole.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.tlsconsole.security.accounts.AccountCommands.AccountChange;
import dev.tlsconsole.security.accounts.AccountCommands.AccountView;
import dev.tlsconsole.security.accounts.AccountService;
import dev.tlsconsole.security.accounts.Role;
import dev.tlsconsole.support.TestAccounts;

class AuditBrowserTests extends BrowserTest {

    @Autowired
    TestAccounts accounts;
    @Autowired
    AccountService accountService;

    @Test
    void anAuditorFiltersToOneObjectReadsTheDiffExportsAndVerifies() throws IOException {
        AccountView watched = accounts.create("watched", Role.OPERATOR);
        TestAccounts.asAdmin(() -> accountService.update(watched.id(),
                new AccountChange(EnumSet.of(Role.OPERATOR, Role.AUDITOR), true, watched.version())));
        AccountView auditor = accounts.create("auditor", Role.AUDITOR);

        LoginPage.open(driver, baseUrl()).signIn(auditor.username(), TestAccounts.PASSWORD);
        AuditPage audit = AuditPage.open(driver, baseUrl()).filterByObject("USER", watched.username());
        List<String> rows = audit.rowTexts();
        assertThat(rows).hasSize(2).allSatisfy(row -> assertThat(row).contains(watched.username()));

        AuditEntryPage entry = audit.openEntryWithAction("user.update");
        assertThat(entry.diffRow("roles").getAttribute("data-change")).isEqualTo("CHANGED");
        assertThat(entry.diffRow("roles").getText()).contains("OPERATOR").contains("AUDITOR");
        entry.backToList();

        audit = AuditPage.await(driver);
        audit.exportCsv();
        Path csv = downloads.resolve("audit-trail.csv");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(csv) && Files.size(csv) > 0);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).startsWith("id,at,actor");
        assertThat(lines).hasSize(3);
        assertThat(lines.subList(1, 3)).allSatisfy(line -> assertThat(line).contains(watched.username()));

        assertThat(audit.verify()).contains("The chain is intact");
    }
}
