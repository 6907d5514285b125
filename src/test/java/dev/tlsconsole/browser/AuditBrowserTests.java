package dev.tlsconsole.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import dev.tlsconsole.security.accounts.AccountCommands.AccountView;
import dev.tlsconsole.security.accounts.Role;
import dev.tlsconsole.support.TestAccounts;
import dev.tlsconsole.topology.TopologyApi;

class AuditBrowserTests extends BrowserTest {

    @Autowired
    TestAccounts accounts;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAuditorFiltersToOneHostsChangesReadsTheDiffExportsAndVerifies() throws Exception {
        TopologyApi topology = new TopologyApi(mvc, jdbc);
        String hostName = TopologyApi.unique("audited-host");
        long hostId = topology.host(hostName, "{\"sec-protocol\":\"TLSv12\"}");
        String ip = jdbc.queryForObject("select ip_address from host where id = ?", String.class, hostId);
        topology.asAdmin(put("/api/v1/hosts/" + hostId), "{\"name\":\"" + hostName + "\",\"ipAddress\":\"" + ip
                + "\",\"osType\":\"UNIX\",\"securityPackVersion\":\"8.5.100.25\",\"security\":{\"sec-protocol\":\"TLSv13\"},\"version\":0}")
                .andExpect(status().isOk());
        topology.host(TopologyApi.unique("other-host"), "{}");
        AccountView auditor = accounts.create("auditor", Role.AUDITOR);

        LoginPage.open(driver, baseUrl()).signIn(auditor.username(), TestAccounts.PASSWORD);
        AuditPage audit = AuditPage.open(driver, baseUrl()).filterByObject("HOST", hostName);
        List<String> rows = audit.rowTexts();
        assertThat(rows).hasSize(2).allSatisfy(row -> assertThat(row).contains(hostName));

        AuditEntryPage entry = audit.openEntryWithAction("host.update");
        assertThat(entry.diffRow("security.sec-protocol").getAttribute("data-change")).isEqualTo("CHANGED");
        assertThat(entry.diffRow("security.sec-protocol").getText()).contains("TLSv12").contains("TLSv13");
        assertThat(entry.objectLink()).endsWith("/hosts/" + hostId);
        entry.backToList();

        audit = AuditPage.await(driver);
        audit.exportCsv();
        Path csv = downloads.resolve("audit-trail.csv");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(csv) && Files.size(csv) > 0);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).startsWith("id,at,actor");
        assertThat(lines).hasSize(3);
        assertThat(lines.subList(1, 3)).allSatisfy(line -> assertThat(line).contains(hostName));

        assertThat(audit.verify()).contains("The chain is intact");
    }
}
