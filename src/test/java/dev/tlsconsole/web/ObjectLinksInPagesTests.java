package dev.tlsconsole.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.topology.TopologyApi;

/**
 * The links templates draw to object pages are the paths {@link ObjectLinks} builds for redirects and audit links,
 * on pages no other test follows a link of (the host runbook, the graph's preview list, the host list).
 */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObjectLinksInPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    private String hostName;
    private long hostId;
    private long connectionId;

    @BeforeAll
    void topology() throws Exception {
        TopologyApi api = new TopologyApi(mvc, jdbc);
        hostName = TopologyApi.unique("links-host");
        hostId = api.host(hostName, "{}");
        String server = TopologyApi.unique("links-cs");
        api.secureServer(server, "Configuration Server", hostName);
        String client = TopologyApi.unique("links-stat");
        api.application("{\"name\":\"" + client + "\",\"componentType\":\"StatServer\",\"componentVersion\":\"8.5.1\","
                + "\"host\":\"" + hostName + "\",\"ports\":[]}");
        connectionId = api.connection(client, server, "default", "tls=1");
    }

    @Test
    void theHostListTheRunbookAndTheGraphPreviewLinkWhereTheRedirectsGo() throws Exception {
        Document list = page(get("/hosts").param("q", hostName));
        assertThat(list.select("[data-testid=host-row-" + hostName + "] a").eachAttr("href")).contains(ObjectLinks.host(hostId));

        Document runbook = page(get("/hosts/" + hostId + "/runbook"));
        assertThat(runbook.select(".breadcrumb a").eachAttr("href")).contains(ObjectLinks.host(hostId));

        Document graph = page(get("/graph").param("changed", connectionId + ":F:A"));
        assertThat(graph.select("[data-testid=preview-change-" + connectionId + "] a").attr("href"))
                .isEqualTo(ObjectLinks.connection(connectionId));
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request.with(user("links-auditor").roles("AUDITOR")).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }
}
