package dev.tlsconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import dev.tlsconsole.security.accounts.AccountCommands.AccountView;
import dev.tlsconsole.security.accounts.Role;
import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.support.TestAccounts;

/**
 * The audit review, as an auditor uses it: filters, keyset paging, the side-by-side diff, CSV export
 * and verification. Run on H2 and on a real PostgreSQL by the two subclasses.
 */
abstract class AuditReviewContract {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    AuditTrail trail;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void filtersNarrowTheListToOneObjectsHistory() throws Exception {
        AccountView watched = accounts.create("watched", Role.OPERATOR);
        AccountView other = accounts.create("other", Role.OPERATOR);
        changeRoles(watched, "[\"AUDITOR\"]", 0);

        Document page = page("/audit?objectType=USER&objectName=" + watched.username());
        List<Element> rows = page.select("[data-testid^=audit-row-]");
        assertThat(rows).extracting(Element::text).hasSize(2)
                .allSatisfy(text -> assertThat(text).contains(watched.username()).doesNotContain(other.username()));
        assertThat(rows.get(0).text()).contains("user.update");
        assertThat(rows.get(1).text()).contains("user.create");

        Document byId = page("/audit?objectType=USER&objectId=" + watched.id());
        assertThat(byId.select("[data-testid^=audit-row-]")).extracting(Element::text)
                .allSatisfy(text -> assertThat(text).doesNotContain(other.username()))
                .anySatisfy(text -> assertThat(text).contains("user.update"));

        mvc.perform(get("/api/v1/audit").param("objectType", "USER").param("objectName", watched.username())
                        .param("action", "user.c*").with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD)))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.items[0].objectName").value(watched.username()));
    }

    @Test
    void pagesMoveByKeysetAndComeBackToTheSameEntries() throws Exception {
        String actor = "pager-" + System.nanoTime() % 100000;
        for (int i = 0; i < 60; i++) {
            mvc.perform(get("/api/v1/users/me").with(httpBasic(actor, "wrong-" + i))).andExpect(status().isUnauthorized());
        }
        Document first = page("/audit?actor=" + actor);
        assertThat(first.select("[data-testid^=audit-row-]")).hasSize(50);
        String next = first.selectFirst("[data-testid=audit-next]").attr("href");
        assertThat(first.selectFirst("[data-testid=audit-previous]").hasAttr("href")).as("no newer entries").isFalse();

        Document second = page(next);
        assertThat(second.select("[data-testid^=audit-row-]")).hasSize(10);
        assertThat(second.selectFirst("[data-testid=audit-next]").hasAttr("href")).isFalse();

        Document back = page(second.selectFirst("[data-testid=audit-previous]").attr("href"));
        assertThat(back.select("[data-testid^=audit-row-]").eachAttr("data-testid"))
                .isEqualTo(first.select("[data-testid^=audit-row-]").eachAttr("data-testid"));

        Document oldest = page("/audit?sort=oldest&actor=" + actor);
        long firstShown = idOf(oldest.selectFirst("[data-testid^=audit-row-]"));
        long lastNewest = idOf(first.select("[data-testid^=audit-row-]").last());
        assertThat(firstShown).isLessThan(lastNewest);
    }

    @Test
    void anEntryShowsBeforeAndAfterSideBySideWithChangesHighlightedAndSecretsRedacted() throws Exception {
        AccountView changed = accounts.create("diffed", Role.OPERATOR);
        changeRoles(changed, "[\"ADMIN\"]", 0);
        long updateId = jdbc.queryForObject("select max(id) from audit_entry where action = 'user.update' and object_id = ?",
                Long.class, String.valueOf(changed.id()));

        Document detail = page("/audit/" + updateId);
        Element roles = detail.selectFirst("[data-testid=diff-row-roles]");
        assertThat(roles.attr("data-change")).isEqualTo("CHANGED");
        assertThat(roles.hasClass("table-warning")).isTrue();
        assertThat(roles.text()).contains("[\"OPERATOR\"]").contains("ADMIN");
        assertThat(detail.selectFirst("[data-testid=diff-row-username]").attr("data-change")).isEqualTo("SAME");
        assertThat(detail.selectFirst("[data-testid=entry-object-link]").attr("href")).isEqualTo("/users/" + changed.id());

        AuditEntry secret = transactions.execute(status -> trail.record(new AuditRecord("test.secret", "TEST", "1", "s", AuditOutcome.SUCCESS, null,
                Map.of("password", "old-secret-value"), Map.of("password", "new-secret-value", "note", "kept")), "tester"));
        String secretPage = mvc.perform(get("/audit/" + secret.getId()).with(user("admin").roles("ADMIN")))
                .andReturn().getResponse().getContentAsString();
        assertThat(secretPage).doesNotContain("old-secret-value").doesNotContain("new-secret-value").contains("redacted");
        assertThat(Jsoup.parse(secretPage).selectFirst("[data-testid=diff-row-note]").attr("data-change")).isEqualTo("ADDED");
    }

    @Test
    void theCsvExportHoldsExactlyTheFilteredEntries() throws Exception {
        AccountView exported = accounts.create("exported", Role.OPERATOR);
        changeRoles(exported, "[\"AUDITOR\"]", 0);
        String csv = mvc.perform(get("/api/v1/audit/export.csv").param("objectType", "USER")
                        .param("objectId", String.valueOf(exported.id())).with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertThat(records).extracting(r -> r.get("action")).containsExactly("user.create", "user.update");
        assertThat(records).allSatisfy(r -> assertThat(r.get("objectId")).isEqualTo(String.valueOf(exported.id())));
        assertThat(records.get(1).get("after")).contains("AUDITOR");
        assertThat(records.get(1).get("hash")).hasSize(64);

        String uiCsv = mvc.perform(get("/audit/export.csv").param("objectType", "USER")
                        .param("objectId", String.valueOf(exported.id())).with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(uiCsv).isEqualTo(csv);
    }

    @Test
    void verifyReportsAnIntactChainAndNamesAnEditedEntry() throws Exception {
        String ok = mvc.perform(get("/audit/verify").header("HX-Request", "true").with(user("admin").roles("ADMIN")))
                .andReturn().getResponse().getContentAsString();
        assertThat(ok).contains("data-testid=\"verify-ok\"");

        AccountView victim = accounts.create("victim", Role.OPERATOR);
        long entry = jdbc.queryForObject("select max(id) from audit_entry where action = 'user.create' and object_name = ?",
                Long.class, victim.username());
        jdbc.update("update audit_entry set after_state = replace(after_state, 'OPERATOR', 'ADMIN') where id = ?", entry);
        try {
            String broken = mvc.perform(get("/audit/verify").with(user("admin").roles("ADMIN")))
                    .andReturn().getResponse().getContentAsString();
            assertThat(Jsoup.parse(broken).selectFirst("[data-testid=verify-broken-link]").attr("href"))
                    .isEqualTo("/audit/" + entry);
        } finally {
            jdbc.update("update audit_entry set after_state = replace(after_state, 'ADMIN', 'OPERATOR') where id = ?", entry);
        }
    }

    @Test
    void badFiltersAreExplainedNotFailed() throws Exception {
        Document page = page("/audit?from=yesterday&outcome=MAYBE");
        assertThat(page.selectFirst("[data-testid=filter-errors]").text()).contains("'From'").contains("Outcome");
    }

    private void changeRoles(AccountView account, String roles, long version) throws Exception {
        mvc.perform(put("/api/v1/users/" + account.id()).with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"roles\":" + roles + ",\"version\":" + version + "}"))
                .andExpect(status().isOk());
    }

    private Document page(String path) throws Exception {
        String html = mvc.perform(get(path).with(user("auditor-" + getClass().getSimpleName()).roles("AUDITOR")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return Jsoup.parse(html);
    }

    private static long idOf(Element row) {
        Matcher matcher = Pattern.compile("audit-row-(\\d+)").matcher(row.attr("data-testid"));
        assertThat(matcher.matches()).isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
