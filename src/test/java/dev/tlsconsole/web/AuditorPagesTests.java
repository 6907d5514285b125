package dev.tlsconsole.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.topology.TopologyApi;

/**
 * An AUDITOR reads every screen but changes nothing, so no screen offers it a button or form that would end
 * in a 403 page (issue 10): New host, Import, New CA, New application/connection, Probe, Notifications…
 * The same pages as an OPERATOR show those buttons, so the check cannot pass by a page that lost them.
 */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditorPagesTests {

    /** Buttons, links and forms that lead to a change an AUDITOR may not make. */
    private static final List<String> CHANGING = List.of("new-host", "new-application", "new-connection",
            "host-new-application", "port-new-connection", "application-new-connection", "host-edit", "application-edit", "application-delete",
            "host-delete", "import-certificate", "import-crl", "new-authority", "new-intermediate", "issue-certificate",
            "sign-csr", "new-user", "nav-import", "import-form", "nav-notifications", "channel-new", "notifications-run");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping handlers;

    private List<String> pages;

    @BeforeAll
    void aTopologyWithASecurePort() throws Exception {
        TopologyApi api = new TopologyApi(mvc, jdbc);
        String host = TopologyApi.unique("auditor-host");
        long hostId = api.host(host, "{}");
        long serverId = api.secureServer(TopologyApi.unique("auditor-cs"), "Configuration Server", host);
        pages = List.of("/", "/hosts", "/hosts/" + hostId, "/applications", "/applications/" + serverId, "/connections",
                "/certificates", "/authorities", "/crls", "/imports", "/users", "/policies", "/graph");
    }

    @Test
    void anAuditorIsOfferedNothingItCannotSubmit() throws Exception {
        List<String> offered = new ArrayList<>();
        for (String path : pages) {
            Document page = page(path, user("pages-auditor").roles("AUDITOR"));
            for (String testId : CHANGING) {
                if (!page.select("[data-testid=" + testId + "]").isEmpty()) {
                    offered.add(path + ": " + testId);
                }
            }
            if (!page.select("form[action=/probes]").isEmpty()) {
                offered.add(path + ": probe");
            }
        }
        assertThat(offered).as("buttons and forms an AUDITOR would only get a 403 from").isEmpty();
    }

    @Test
    void anOperatorIsOfferedThem() throws Exception {
        RequestPostProcessor operator = user("pages-operator").roles("OPERATOR");
        assertThat(page("/hosts", operator).select("[data-testid=new-host]")).hasSize(1);
        assertThat(page("/authorities", operator).select("[data-testid=new-authority]")).hasSize(1);
        Document imports = page("/imports", operator);
        assertThat(imports.select("[data-testid=nav-import]")).hasSize(1);
        assertThat(imports.select("[data-testid=import-form]")).hasSize(1);
        assertThat(page(pages.get(4), operator).select("form[action=/probes]")).isNotEmpty();
    }

    /**
     * Every write form of the UI, found in the request mappings (GET pages named new, edit, issue or sign-csr,
     * and a notification channel's page), opened by its URL: the 403 page for an AUDITOR, the form for an
     * OPERATOR (or ADMIN for a user).
     */
    @Test
    void writeFormsOpenedByTheirUrlAreRefusedToAnAuditor() throws Exception {
        List<String> forms = new ArrayList<>();
        handlers.getHandlerMethods().keySet().forEach(info -> {
            boolean get = info.getMethodsCondition().getMethods().contains(org.springframework.web.bind.annotation.RequestMethod.GET);
            for (String pattern : info.getPatternValues()) {
                if (get && !pattern.startsWith("/api/") && pattern.matches(".*/(new|edit|issue|sign-csr)|/notifications/channels/\\{id}")) {
                    forms.add(pattern.replaceAll("\\{[^}]+}", "987654"));
                }
            }
        });
        assertThat(forms).contains("/hosts/new", "/hosts/987654/edit", "/applications/new", "/applications/987654/edit",
                "/connections/new", "/connections/987654/edit", "/certificates/new", "/crls/new", "/authorities/new",
                "/authorities/987654/issue", "/authorities/987654/sign-csr", "/users/new", "/notifications/channels/new",
                "/notifications/channels/987654");
        List<String> opened = new ArrayList<>();
        for (String form : forms) {
            var answer = mvc.perform(get(form).with(user("forms-auditor").roles("AUDITOR")).accept(MediaType.TEXT_HTML))
                    .andReturn().getResponse();
            if (answer.getStatus() != 403) {
                opened.add(form + " -> " + answer.getStatus());
            }
            boolean adminForm = form.startsWith("/users/") || form.startsWith("/notifications/");
            RequestPostProcessor writer = adminForm ? user("forms-admin").roles("ADMIN") : user("forms-operator").roles("OPERATOR");
            int status = mvc.perform(get(form).with(writer).accept(MediaType.TEXT_HTML)).andReturn().getResponse().getStatus();
            assertThat(status).as("a writer opens " + form).isIn(200, 404);
        }
        assertThat(opened).as("write forms an AUDITOR could open by URL").isEmpty();
    }

    private Document page(String path, RequestPostProcessor user) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(user).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }
}
