package dev.tlsconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.support.TestAccounts;

/** What the trail records, how it is filtered, and that verify finds an entry edited in the database. */
@ConsoleTest
class AuditTrailTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void loginsFailuresAndAccountChangesAreRecordedWithTheirOutcome() throws Exception {
        String username = "audited-" + System.nanoTime() % 100000;
        mvc.perform(post("/api/v1/users").with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + username + "\",\"password\":\"" + TestAccounts.PASSWORD + "\",\"roles\":[\"AUDITOR\"]}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/users/me").with(httpBasic(username, "wrong-password"))).andExpect(status().isUnauthorized());

        Map<String, Object> created = jdbc.queryForMap(
                "select actor, outcome, object_type, after_state from audit_entry where action = 'user.create' and object_name = ?",
                username);
        assertThat(created).containsEntry("ACTOR", "admin").containsEntry("OUTCOME", "SUCCESS")
                .containsEntry("OBJECT_TYPE", "USER");
        assertThat((String) created.get("AFTER_STATE")).contains("AUDITOR").doesNotContain(TestAccounts.PASSWORD);
        assertThat(jdbc.queryForObject("select detail from audit_entry where action = 'auth.login' and outcome = 'FAILURE'"
                + " and actor = ?", String.class, username)).isEqualTo("wrong username or password");
    }

    @Test
    void aRejectedChangeWritesExactlyOneFailureEntryAndNoSuccess() throws Exception {
        long before = count();
        mvc.perform(post("/api/v1/users").with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"rejected-one\",\"password\":\"short\",\"roles\":[\"AUDITOR\"]}"))
                .andExpect(status().isBadRequest());
        assertThat(count()).isEqualTo(before + 1);
        Map<String, Object> entry = jdbc.queryForMap("select action, outcome, object_name, detail from audit_entry order by id desc limit 1");
        assertThat(entry).containsEntry("ACTION", "user.create").containsEntry("OUTCOME", "FAILURE")
                .containsEntry("OBJECT_NAME", "rejected-one");
        assertThat((String) entry.get("DETAIL")).contains("password");
    }

    @Test
    void auditorsFilterTheListByActorActionAndOutcome() throws Exception {
        String username = "filtered-" + System.nanoTime() % 100000;
        mvc.perform(post("/api/v1/users").with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + username + "\",\"password\":\"" + TestAccounts.PASSWORD + "\",\"roles\":[\"AUDITOR\"]}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/audit").param("action", "user.create").param("outcome", "SUCCESS").param("actor", "admin")
                        .param("objectName", username).with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.items[0].objectName").value(username))
                .andExpect(jsonPath("$.items[0].after.username").value(username));
        mvc.perform(get("/api/v1/audit").param("outcome", "MAYBE").with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/audit").param("from", "yesterday").with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
    }

    @Test
    void verifyNamesAnEntryEditedDirectlyInTheDatabase() throws Exception {
        mvc.perform(get("/api/v1/audit/verify").with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.firstBrokenEntryId").doesNotExist());

        long victim = jdbc.queryForObject("select min(id) from audit_entry where action = 'user.create'", Long.class);
        String original = jdbc.queryForObject("select actor from audit_entry where id = ?", String.class, victim);
        jdbc.update("update audit_entry set actor = 'mallory' where id = ?", victim);
        try {
            mvc.perform(get("/api/v1/audit/verify").with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD)))
                    .andExpect(jsonPath("$.valid").value(false))
                    .andExpect(jsonPath("$.firstBrokenEntryId").value(victim))
                    .andExpect(jsonPath("$.problem").value(org.hamcrest.Matchers.containsString("changed")));
        } finally {
            jdbc.update("update audit_entry set actor = ? where id = ?", original, victim);
        }
        mvc.perform(get("/api/v1/audit/verify").with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD)))
                .andExpect(jsonPath("$.valid").value(true));
    }

    @Test
    void verifyNamesTheEntryAfterADeletedOne() throws Exception {
        long last = jdbc.queryForObject("select max(id) from audit_entry", Long.class);
        Map<String, Object> deleted = jdbc.queryForMap("select * from audit_entry where id = ?", last - 1);
        jdbc.update("delete from audit_entry where id = ?", last - 1);
        try {
            mvc.perform(get("/api/v1/audit/verify").with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD)))
                    .andExpect(jsonPath("$.valid").value(false))
                    .andExpect(jsonPath("$.firstBrokenEntryId").value(org.hamcrest.Matchers.greaterThanOrEqualTo((int) last - 1)))
                    .andExpect(jsonPath("$.problem").value(org.hamcrest.Matchers.containsString("deleted")));
        } finally {
            String columns = String.join(", ", deleted.keySet());
            String marks = String.join(", ", deleted.keySet().stream().map(k -> "?").toList());
            jdbc.update("insert into audit_entry (" + columns + ") values (" + marks + ")", deleted.values().toArray());
        }
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from audit_entry", Long.class);
    }
}
