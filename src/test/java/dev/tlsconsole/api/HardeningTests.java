package dev.tlsconsole.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;


import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;


import dev.tlsconsole.StartupConfigurationException;
import dev.tlsconsole.security.accounts.Role;
import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.support.TestAccounts;

/** Issue 10: input rules, accounts, pages and start-up behaviour a user or a client notices. */
@ConsoleTest
class HardeningTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestAccounts accounts;
    @Autowired
    ApplicationContext context;

    @Test
    void overlongAndBinaryNamesAreRefusedBeforeTheDatabaseAndAudited() throws Exception {
        String longName = "h".repeat(300);
        MockHttpServletResponse tooLong = perform(post("/api/v1/hosts").contentType("application/json")
                .content("{\"name\":\"" + longName + "\",\"ipAddress\":\"10.8.8.8\",\"osType\":\"UNIX\"}"), "admin");
        assertThat(tooLong.getStatus()).isEqualTo(400);
        assertThat(tooLong.getContentAsString()).contains("\"field\":\"name\"").contains("at most 253");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'host.create' and outcome = 'FAILURE'"
                + " and detail like '%at most 253%'", Integer.class)).isPositive();

        MockHttpServletResponse nul = perform(post("/api/v1/hosts").contentType("application/json")
                .content("{\"name\":\"nul\\u0000host\",\"ipAddress\":\"10.8.8.9\",\"osType\":\"UNIX\"}"), "admin");
        assertThat(nul.getStatus()).isEqualTo(400);
        assertThat(nul.getContentAsString()).contains("control character");
        assertThat(jdbc.queryForObject("select count(*) from host where name like 'nul%'", Integer.class)).isZero();
    }

    @Test
    void listPagesRefuseUnknownSortsAndUnbindableRowsWithA400Page() throws Exception {
        for (String page : new String[] {"/hosts?sort=name,x", "/applications?sort=class", "/connections?sort=(select 1)",
            "/users?sort=passwordHash", "/hosts?page=-1", "/hosts?size=1000000"}) {
            MockHttpServletResponse answer = perform(get(page), "admin");
            assertThat(answer.getStatus()).as(page).isEqualTo(400);
        }
        assertThat(perform(get("/hosts?sort=ipAddress,desc"), "admin").getStatus()).isEqualTo(200);
        for (String row : new String[] {"rows[-1].key", "rows[99999].key", "rows[ 1].key"}) {
            MockHttpServletResponse answer = perform(post("/hosts/987654321/options").with(csrf())
                    .param(row, "tls").param("op", "save"), "admin");
            assertThat(answer.getStatus()).as(row).isEqualTo(400);
        }
    }

    @Test
    void matrixAddressLeadsToTheMatrix() throws Exception {
        MockHttpServletResponse answer = perform(get("/matrix?q=sip"), "admin");
        assertThat(answer.getStatus()).isBetween(300, 399);
        assertThat(answer.getRedirectedUrl()).startsWith("/catalog").contains("q=sip");
    }

    @Test
    void newUserFormTicksNoRoleAndAnAuditorCannotAlsoWrite() throws Exception {
        String form = perform(get("/users/new"), "admin").getContentAsString();
        java.util.regex.Matcher checkbox = java.util.regex.Pattern.compile("<input[^>]*name=\"roles\"[^>]*>").matcher(form);
        int checkboxes = 0;
        while (checkbox.find()) {
            checkboxes++;
            assertThat(checkbox.group()).as("role checkbox").doesNotContain("checked");
        }
        assertThat(checkboxes).isEqualTo(3);
        MockHttpServletResponse mixed = perform(post("/api/v1/users").contentType("application/json")
                .content("{\"username\":\"mixed-" + System.nanoTime() % 100000 + "\",\"password\":\"" + TestAccounts.PASSWORD
                        + "\",\"roles\":[\"AUDITOR\",\"OPERATOR\"]}"), "admin");
        assertThat(mixed.getStatus()).isEqualTo(400);
        assertThat(mixed.getContentAsString()).contains("AUDITOR is read-only");
    }

    @Test
    void anAuditorReadsUsersAndAssignmentPreviewsButSeesNoFormsItCannotSubmit() throws Exception {
        String auditor = accounts.create("reader", Role.AUDITOR).username();
        assertThat(perform(get("/api/v1/users"), auditor).getStatus()).isEqualTo(200);
        MockHttpServletResponse preview = perform(post("/api/v1/certificates/987654321/assign/preview")
                .contentType("application/json").content("{\"type\":\"HOST\",\"name\":\"nowhere\"}"), auditor);
        assertThat(preview.getStatus()).isNotEqualTo(403).isLessThan(500);
        MockHttpServletResponse users = perform(get("/users"), auditor);
        assertThat(users.getStatus()).isEqualTo(200);
        assertThat(users.getContentAsString()).doesNotContain("data-testid=\"new-user\"");
        assertThat(perform(get("/users/new"), auditor).getStatus()).isEqualTo(403);
    }

    @Test
    void wrongCurrentPasswordsCountTowardTheLockoutAndTheCurrentOneCannotBeReused() throws Exception {
        String name = accounts.create("guesser", Role.OPERATOR).username();
        MockHttpServletResponse reuse = changeOwnPassword(name, TestAccounts.PASSWORD, TestAccounts.PASSWORD);
        assertThat(reuse.getStatus()).isEqualTo(400);
        assertThat(reuse.getContentAsString()).contains("must differ from the current password");
        for (int guess = 0; guess < 5; guess++) {
            assertThat(changeOwnPassword(name, "wrong-guess-" + guess, "another-long-password").getStatus()).isEqualTo(400);
        }
        MockHttpServletResponse locked = changeOwnPassword(name, TestAccounts.PASSWORD, "another-long-password");
        assertThat(locked.getStatus()).isEqualTo(400);
        assertThat(locked.getContentAsString()).contains("locked");
        assertThat(mvc.perform(get("/api/v1/users/me").with(httpBasic(name, TestAccounts.PASSWORD)))
                .andReturn().getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void healthIsUpOnlyWhileTheConsoleAcceptsTraffic() throws Exception {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        try {
            assertThat(mvc.perform(get("/actuator/health")).andReturn().getResponse().getStatus()).isEqualTo(503);
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        assertThat(mvc.perform(get("/actuator/health")).andReturn().getResponse().getContentAsString())
                .isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void aBadStartupSettingIsOneClearLine() {
        FailureAnalysis analysis = new dev.tlsconsole.StartupConfigurationFailureAnalyzer().analyze(
                new IllegalStateException("runner failed", new StartupConfigurationException(
                        "console.admin-password (CONSOLE_ADMIN_PASSWORD)", "the admin password must not contain the username")));
        assertThat(analysis.getDescription()).doesNotContain("\n")
                .contains("console.admin-password").contains("must not contain the username");
        assertThat(analysis.getAction()).contains("CONSOLE_ADMIN_PASSWORD");
    }

    private MockHttpServletResponse changeOwnPassword(String name, String current, String next) throws Exception {
        return perform(post("/api/v1/users/me/password").contentType("application/json")
                .content("{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + next + "\"}"), name);
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request, String username) throws Exception {
        return mvc.perform(request.with(user(username).roles(roles(username)))).andReturn().getResponse();
    }

    private String[] roles(String username) {
        return jdbc.queryForList("select r.role from user_account_role r join user_account a on a.id = r.account_id"
                + " where a.username = ?", String.class, username).toArray(String[]::new);
    }
}
