package dev.tlsconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import dev.tlsconsole.security.accounts.Role;
import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.support.TestAccounts;

/** Purging old entries keeps the chain verifiable through the anchor entry; deleting without one does not. */
@ConsoleTest
class AuditRetentionTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestAccounts accounts;

    @Test
    void aPurgeLeavesAnAnchorAndTheChainStillVerifies() throws Exception {
        accounts.create("before-purge", Role.OPERATOR);
        long lastBefore = jdbc.queryForObject("select max(id) from audit_entry", Long.class);
        Instant cutoff = Instant.now();

        mvc.perform(post("/api/v1/audit/purge").with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"before\":\"" + cutoff + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.deleted").value(org.hamcrest.Matchers.greaterThan(0)))
                .andExpect(jsonPath("$.purgedThroughId").value(org.hamcrest.Matchers.lessThanOrEqualTo((int) lastBefore + 1)));

        Map<String, Object> anchor = jdbc.queryForMap(
                "select id, after_state from audit_entry where action = 'audit.purge' order by id desc limit 1");
        assertThat((String) anchor.get("AFTER_STATE")).contains("cutHash").contains("purgedThroughId");
        long first = jdbc.queryForObject("select min(id) from audit_entry", Long.class);
        assertThat(first).isGreaterThan(1);

        accounts.create("after-purge", Role.AUDITOR);
        mvc.perform(get("/api/v1/audit/verify").with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD)))
                .andExpect(jsonPath("$.valid").value(true));

        Map<String, Object> removed = jdbc.queryForMap("select * from audit_entry where id = ?", first);
        jdbc.update("delete from audit_entry where id = ?", first);
        try {
            mvc.perform(get("/api/v1/audit/verify").with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD)))
                    .andExpect(jsonPath("$.valid").value(false))
                    .andExpect(jsonPath("$.firstBrokenEntryId").value(first + 1))
                    .andExpect(jsonPath("$.problem").value(org.hamcrest.Matchers.containsString("without a recorded purge")));
        } finally {
            String columns = String.join(", ", removed.keySet());
            String marks = String.join(", ", removed.keySet().stream().map(k -> "?").toList());
            jdbc.update("insert into audit_entry (" + columns + ") values (" + marks + ")", removed.values().toArray());
        }
        mvc.perform(get("/api/v1/audit/verify").with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD)))
                .andExpect(jsonPath("$.valid").value(true));
    }

    @Test
    void onlyAnAdminMayPurgeAndNotIntoTheFuture() throws Exception {
        var auditor = accounts.create("purger", Role.AUDITOR);
        mvc.perform(post("/api/v1/audit/purge").with(httpBasic(auditor.username(), TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"before\":\"2020-01-01T00:00:00Z\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/audit/purge").with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"before\":\"2999-01-01T00:00:00Z\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("before"));
    }
}
