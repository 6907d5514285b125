package dev.tlsconsole.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.topology.TopologyApi;

/**
 * The effective-policy screens as an auditor and an operator see them: the policies list with its
 * filters, a connection's two columns with levels, sources and fix links, the panels of host and
 * application pages, the options editors' preview (nothing saved) and the dashboard.
 */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EffectivePolicyPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    PolicyTopology t;

    @BeforeAll
    void topology() throws Exception {
        t = new PolicyTopology(mvc, jdbc);
    }

    @Test
    void thePoliciesPageFiltersByGradeAndNameAndLinksToTheConnection() throws Exception {
        Document page = page(get("/policies").param("grade", "F").param("q", t.confserv));
        assertThat(page.select("[data-testid^=policy-row-]")).hasSize(1);
        assertThat(page.select("[data-testid=policy-row-" + t.failing + "]").attr("data-grade")).isEqualTo("F");
        assertThat(page.select("[data-testid=policy-link-" + t.failing + "]").attr("href")).isEqualTo("/connections/" + t.failing);
        assertThat(page.select("[data-testid=filter-grade] option[selected]").val()).isEqualTo("F");
        assertThat(page.select("[data-testid=grade-badge]").first().text()).contains("F").contains("at least one error");

        Document all = page(get("/policies").param("q", t.confserv).param("sort", "grade,asc"));
        assertThat(all.select("[data-testid^=policy-row-]").eachAttr("data-grade")).containsExactly("B", "F", "-");
    }

    @Test
    void aBadFilterIsExplainedNotAnError() throws Exception {
        Document page = page(get("/policies").param("grade", "Z"));
        assertThat(page.select("[data-testid=filter-problems]").text()).contains("grade").contains("A+");
    }

    @Test
    void theConnectionPolicyShowsBothSidesWithLevelsSourcesAndFixLinks() throws Exception {
        Document connection = page(get("/connections/" + t.secure));
        assertThat(connection.select("[data-testid=effective-policy-loading]").attr("hx-get"))
                .isEqualTo("/policies/connections/" + t.secure);

        Document panel = page(get("/policies/connections/" + t.secure));
        assertThat(panel.select("[data-testid=effective-policy]").attr("data-grade")).isEqualTo("B");
        assertThat(panel.select("[data-testid=policy-mode]").text()).isEqualTo("simple TLS");
        assertThat(panel.select("[data-testid=policy-protocol]").text()).isEqualTo("TLSv12");
        var certificate = panel.select("[data-testid=client-side] tr[data-option=certificate]");
        assertThat(certificate.select("[data-testid=option-value]").text()).isEqualTo("/opt/certs/c.pem");
        assertThat(certificate.select("[data-testid=option-level]").text()).isEqualTo("application");
        assertThat(certificate.select("[data-testid=option-source]").attr("href")).isEqualTo("/applications/" + t.statservId + "#options");
        var clientAuth = panel.select("[data-testid=client-side] tr[data-option=client-auth]");
        assertThat(clientAuth.hasClass("option-default")).isTrue();
        assertThat(clientAuth.select("[data-testid=option-source]")).isEmpty();
        var serverTls = panel.select("[data-testid=server-side] tr[data-option=tls]");
        assertThat(serverTls.select("[data-testid=option-source]").attr("href"))
                .isEqualTo("/applications/" + t.confservId + "/ports/default#options");
        assertThat(panel.select("[data-testid=finding-0]").attr("data-code")).isEqualTo("SEC_PROTOCOL_LEVEL");
        // issue 12 item 8: sec-protocol is to be set where the certificate is, the port
        assertThat(panel.select("[data-testid=fix-link-0]").attr("href")).isEqualTo("/applications/" + t.confservId + "/ports/default#options");
        assertThat(panel.select("[data-testid=grade-reasons]").text()).contains("SEC_PROTOCOL_LEVEL");
        // issue 12 acceptance 2: each finding links to its entry in the Help catalogue
        assertThat(panel.select("[data-testid=finding-help-0]").attr("href")).isEqualTo("/help#finding-SEC_PROTOCOL_LEVEL");
    }

    @Test
    void hostAndApplicationPagesLoadTheConnectionsTheirOptionsReach() throws Exception {
        Document host = page(get("/hosts/" + t.clientHostId));
        assertThat(host.select("[data-testid=affected-connections-loading]").attr("hx-get"))
                .startsWith("/policies/hosts/" + t.clientHostId + "/connections");
        Document hostPanel = page(get("/policies/hosts/" + t.clientHostId + "/connections"));
        assertThat(hostPanel.select("[data-testid^=affected-]").eachAttr("data-testid"))
                .contains("affected-" + t.secure, "affected-" + t.plain, "affected-" + t.failing);
        Document routerPanel = page(get("/policies/applications/" + t.routerId + "/connections"));
        assertThat(routerPanel.select("a[data-testid^=affected-]").eachAttr("data-testid")).containsExactly("affected-" + t.plain);
        assertThat(routerPanel.select("[data-testid=grade-badge]").text()).contains("-");
    }

    @Test
    void theOptionsEditorPreviewsWithoutSaving() throws Exception {
        TopologyApi.Counts before = t.api.counts();
        Document application = Jsoup.parse(mvc.perform(get("/applications/" + t.confservId)
                .with(user("eff-operator").roles("OPERATOR"))).andReturn().getResponse().getContentAsString());
        assertThat(application.select("[data-testid=options-preview]").attr("hx-post"))
                .isEqualTo("/applications/" + t.confservId + "/options/preview");

        Document impact = Jsoup.parse(mvc.perform(post("/applications/" + t.confservId + "/options/preview")
                        .with(user("eff-operator").roles("OPERATOR")).with(csrf())
                        .param("rows[0].key", "sec-protocol").param("rows[0].value", "TLSv12").param("rows[0].remove", "true")
                        .param("rows[1].key", "").param("rows[1].value", "").param("version", "0"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(impact.select("[data-testid=impact-summary]").text()).contains("3 connection(s) recomputed, 1 would change");
        assertThat(impact.select("[data-testid=impact-" + t.secure + "] [data-testid=impact-before] [data-testid=grade-badge]")
                .attr("data-grade")).isEqualTo("B");
        // GENESYS-TLS-REFERENCE.md §8 C2: without sec-protocol two 8.5.1 packs run SSLv23 (SSLv3 to TLS 1.2), so an
        // obsolete protocol can be negotiated: grade C
        assertThat(impact.select("[data-testid=impact-" + t.secure + "] [data-testid=impact-after] [data-testid=grade-badge]")
                .attr("data-grade")).isEqualTo("C");
        assertThat(t.api.counts()).isEqualTo(before);

        Document port = Jsoup.parse(mvc.perform(post("/applications/" + t.confservId + "/ports/default/options/preview")
                        .with(user("eff-auditor").roles("AUDITOR")).with(csrf())
                        .param("rows[0].key", "tls").param("rows[0].value", "1")
                        .param("rows[1].key", "client-auth").param("rows[1].value", "0"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(port.select("[data-testid=impact-problems]").text()).contains("client-auth");
    }

    @Test
    void theDashboardShowsGradesModesAndTopFindings() throws Exception {
        Document dashboard = page(get("/"));
        assertThat(dashboard.select("[data-testid=tile-failing] [data-testid=tile-value]").text()).isNotBlank();
        assertThat(dashboard.select("[data-testid=dashboard-grade-F] a").attr("href")).isEqualTo("/policies?grade=F");
        assertThat(dashboard.select("[data-testid=dashboard-mode-PLAINTEXT] a").attr("href")).isEqualTo("/policies?mode=PLAINTEXT");
        assertThat(dashboard.select("[data-testid=dashboard-finding-TLS_NOT_ON_PORT] a").attr("href"))
                .isEqualTo("/policies?code=TLS_NOT_ON_PORT");
        assertThat(dashboard.select("[data-testid=nav-policies]").attr("href")).isEqualTo("/policies");
    }

    @Test
    void theMatrixOverlayCountsConnectionsPerComponentPairAndLinksToThem() throws Exception {
        Document matrix = page(get("/catalog"));
        assertThat(matrix.select("[data-testid=matrix-overlay-toggle]").attr("data-overlay-url")).isEqualTo("/policies/matrix-overlay");

        String json = mvc.perform(get("/policies/matrix-overlay").with(user("eff-auditor").roles("AUDITOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        java.util.List<java.util.Map<String, Object>> pairs = com.jayway.jsonpath.JsonPath.read(json,
                "$[?(@.client == 'Stat Server' && @.server == 'Configuration Server')]");
        assertThat(pairs).hasSize(1);
        assertThat((Integer) pairs.get(0).get("connections")).isGreaterThanOrEqualTo(3);
        assertThat(pairs.get(0).get("worst")).isEqualTo("F");
        assertThat(pairs.get(0).get("link")).isEqualTo("/policies?clientType=Stat%20Server&serverType=Configuration%20Server");

        Document filtered = page(get("/policies").param("clientType", "Stat Server").param("serverType", "Configuration Server")
                .param("q", t.confserv));
        assertThat(filtered.select("[data-testid^=policy-row-]")).hasSize(3);
        Document none = page(get("/policies").param("clientType", "Message Server").param("q", t.confserv));
        assertThat(none.select("[data-testid=policies-empty]")).hasSize(1);
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        String html = mvc.perform(request.with(user("eff-auditor").roles("AUDITOR"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return Jsoup.parse(html);
    }
}
