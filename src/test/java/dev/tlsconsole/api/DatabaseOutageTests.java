package dev.tlsconsole.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.zaxxer.hikari.HikariDataSource;

import dev.tlsconsole.support.ConsoleTest;

/**
 * Issue 10 item 8: when the database refuses connections the console fails fast with 503 +
 * Retry-After, and recovers on its own. It runs in a context of its own, thrown away afterwards:
 * evicting every pooled connection of an in-memory H2 leaves its check constraints bound to a closed
 * session, which would break every test sharing the database after this one (a test artefact of
 * in-memory H2, not a console behaviour).
 */
@ConsoleTest
@TestPropertySource(properties = "console.test.context=database-outage")
@DirtiesContext
class DatabaseOutageTests {

    @Autowired
    private MockMvc mvc;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aDatabaseOutageIsA503WithRetryAfterWithinSeconds() throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        String[] adminRoles = roles("admin");
        String password = pool.getPassword();
        // the database "goes away": every new connection is refused, the open ones are closed
        pool.getHikariConfigMXBean().setPassword("not-the-database-password");
        pool.getHikariPoolMXBean().softEvictConnections();
        try {
            long start = System.nanoTime();
            MockHttpServletResponse signedIn = mvc.perform(get("/api/v1/hosts").with(user("admin").roles(adminRoles)))
                    .andReturn().getResponse();
            MockHttpServletResponse basic = mvc.perform(get("/api/v1/hosts")
                    .with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD))).andReturn().getResponse();
            assertThat((System.nanoTime() - start) / 1_000_000_000).isLessThan(15);
            for (MockHttpServletResponse answer : new MockHttpServletResponse[] {signedIn, basic}) {
                assertThat(answer.getStatus()).isEqualTo(503);
                assertThat(answer.getHeader("Retry-After")).isNotBlank();
                assertThat(answer.getContentType()).startsWith("application/problem+json");
            }
        } finally {
            pool.getHikariConfigMXBean().setPassword(password);
        }
        // the console recovers on its own once the database answers again
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> mvc.perform(
                get("/api/v1/hosts").with(user("admin").roles(adminRoles))).andReturn().getResponse().getStatus() == 200);
    }

    private String[] roles(String username) {
        return jdbc.queryForList("select r.role from user_account_role r join user_account a on a.id = r.account_id"
                + " where a.username = ?", String.class, username).toArray(String[]::new);
    }
}
