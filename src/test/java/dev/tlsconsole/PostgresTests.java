package dev.tlsconsole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.support.PostgresConsoleTest;

/** The same migrations, login flow and audit chain on a real PostgreSQL server. */
@PostgresConsoleTest
class PostgresTests {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;

    @Test
    void theSchemaIsBuiltByFlywayOnPostgresql() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Long.class)).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from user_account where username = 'admin'", Long.class)).isEqualTo(1);
    }

    @Test
    void formLoginSucceedsAndFailsAsOnH2() throws Exception {
        mvc.perform(formLogin().user("admin").password(ConsoleTest.ADMIN_PASSWORD)).andExpect(authenticated());
        mvc.perform(formLogin().user("admin").password("nope-nope-nope")).andExpect(unauthenticated());
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'auth.login' and outcome = 'FAILURE'",
                Long.class)).isPositive();
    }

    @Test
    void accountsAndTheAuditChainWorkOnPostgresql() throws Exception {
        String username = "pg-user-" + System.nanoTime() % 100000;
        mvc.perform(post("/api/v1/users").with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"" + username + "\",\"password\":\"postgres-long-password\",\"roles\":[\"AUDITOR\"]}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/audit/verify").with(httpBasic(username, "postgres-long-password")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true));

        long victim = jdbc.queryForObject("select max(id) from audit_entry where action = 'user.create'", Long.class);
        jdbc.update("update audit_entry set detail = 'edited by hand' where id = ?", victim);
        try {
            mvc.perform(get("/api/v1/audit/verify").with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD)))
                    .andExpect(jsonPath("$.valid").value(false))
                    .andExpect(jsonPath("$.firstBrokenEntryId").value(victim));
        } finally {
            jdbc.update("update audit_entry set detail = null where id = ?", victim);
        }
    }
}
