package dev.tlsconsole.topology;

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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.tlsconsole.support.ConsoleTest;

/**
 * The topology screens as an operator and an auditor see them: lists, neighbourhoods, the options
 * editor at each level with its text round trip, inline errors, refused deletes with their dependents.
 */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TopologyPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    TopologyApi api;
    String hostName;
    String serverName;
    String clientName;
    long hostId;
    long serverId;
    long clientId;
    long connectionId;

    @BeforeAll
    void topology() throws Exception {
        api = new TopologyApi(mvc, jdbc);
        hostName = TopologyApi.unique("page-host");
        hostId = api.host(hostName, "{\"sec-protocol\":\"TLSv12\",\"tls-mutal\":\"1\"}");
        serverName = TopologyApi.unique("page-cs");
        serverId = api.secureServer(serverName, "Configuration Server", hostName);
        clientName = TopologyApi.unique("page-stat");
        clientId = api.application("{\"name\":\"" + clientName + "\",\"componentType\":\"StatServer\",\"componentVersion\":\"8.5.1\","
                + "\"host\":\"" + hostName + "\",\"ports\":[]}");
        connectionId = api.connection(clientName, serverName, "default", "tls=1;backup-port=2021");
    }

    @Test
    void theHostListAndPageShowTheNeighbourhoodAndMarkUnknownOptions() throws Exception {
        Document list = page(get("/hosts").param("q", hostName));
        assertThat(list.select("[data-testid=host-row-" + hostName + "]")).hasSize(1);
        assertThat(list.select("[data-testid=host-row-" + hostName + "]").text()).contains("1 unknown").contains("sec-protocol=TLSv12");

        Document host = page(get("/hosts/" + hostId));
        assertThat(host.select("[data-testid=host-application-" + serverName + "]")).hasSize(1);
        assertThat(host.select("[data-testid=host-application-" + clientName + "]")).hasSize(1);
        assertThat(host.select("[data-testid=options-editor]").attr("data-level")).isEqualTo("HOST");
        assertThat(host.select("[data-testid=option-warning-1]").text()).contains("did you mean 'tls-mutual'?");
        // GENESYS-TLS-REFERENCE.md §8 A2: every option, tls included, may be read from the host annex
        assertThat(host.select("[data-testid=option-help-tls]").text()).contains("host annex").doesNotContain("not at this level");
        assertThat(host.select("[data-testid=options-transport]")).as("a host annex has no transport text").isEmpty();
    }

    @Test
    void theApplicationPagesShowPortsAndConnectionsBothWays() throws Exception {
        Document server = page(get("/applications/" + serverId));
        assertThat(server.select("[data-testid=port-default]").text()).contains("2020").contains("tls=1;certificate=");
        assertThat(server.select("[data-testid=incoming-" + clientName + "-default]")).hasSize(1);
        assertThat(server.select("[data-testid=catalog-notes]").text()).contains("auto-detect");

        Document client = page(get("/applications/" + clientId));
        assertThat(client.select("[data-testid=outgoing-" + serverName + "-default]").text()).contains("tls=1;backup-port=2021");
        assertThat(client.select("[data-testid=application-type]").text()).isEqualTo("Stat Server 8.5.1");

        Document port = page(get("/applications/" + serverId + "/ports/default"));
        assertThat(port.select("[data-testid=options-editor]").attr("data-level")).isEqualTo("PORT");
        assertThat(port.select("[data-testid=options-transport]").text()).startsWith("tls=1;certificate=");
        assertThat(port.select("[data-testid=option-key-0]").val()).isEqualTo("tls");
    }

    @Test
    void theConnectionPagesShowBothEndsAndTheTransportEditor() throws Exception {
        Document list = page(get("/connections").param("q", clientName));
        assertThat(list.select("[data-testid=connection-row-" + connectionId + "]").text()).contains(serverName);

        Document connection = page(get("/connections/" + connectionId));
        assertThat(connection.select("[data-testid=connection-client]").text()).contains(clientName).contains(hostName);
        assertThat(connection.select("[data-testid=connection-server]").text()).contains(serverName).contains("2020");
        assertThat(connection.select("[data-testid=options-editor]").attr("data-level")).isEqualTo("CONNECTION");
        assertThat(connection.select("[data-testid=option-key-1]").val()).isEqualTo("backup-port");
        assertThat(connection.select("[data-testid=option-warning-1]")).as("backup-port is a legitimate transport key").isEmpty();
    }

    @Test
    void theDashboardAndTheNavigationLeadToTheTopology() throws Exception {
        Document dashboard = page(get("/"));
        assertThat(dashboard.select("[data-testid=tile-hosts]").attr("href")).isEqualTo("/hosts");
        assertThat(Long.parseLong(dashboard.select("[data-testid=tile-hosts] [data-testid=tile-value]").text())).isPositive();
        assertThat(dashboard.select("[data-testid=nav-connections]").attr("href")).isEqualTo("/connections");
    }

    @Test
    void formsRender() throws Exception {
        assertThat(page(get("/hosts/new")).select("[data-testid=host-form]")).hasSize(1);
        assertThat(page(get("/hosts/" + hostId + "/edit")).select("[data-testid=host-name-input]").val()).isEqualTo(hostName);
        Document newApplication = page(get("/applications/new").param("host", hostName));
        assertThat(newApplication.select("[data-testid=application-host-input]").val()).isEqualTo(hostName);
        assertThat(newApplication.select("[data-testid=application-type-input] option")).hasSizeGreaterThan(50);
        assertThat(page(get("/applications/" + serverId + "/edit")).select("[data-testid=port-id-0]").val()).isEqualTo("default");
        Document newConnection = page(get("/connections/new").param("server", serverName).param("portId", "default"));
        assertThat(newConnection.select("[data-testid=connection-server-input]").val()).isEqualTo(serverName);
        assertThat(page(get("/connections/" + connectionId + "/edit")).select("[data-testid=connection-transport-input]").val())
                .isEqualTo("tls=1;backup-port=2021");
    }

    @Test
    void anAuditorReadsEverythingButSeesNoEditingControls() throws Exception {
        Document host = Jsoup.parse(mvc.perform(get("/hosts/" + hostId).with(user("reader").roles("AUDITOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(host.select("[data-testid=host-edit]")).isEmpty();
        assertThat(host.select("[data-testid=options-save]")).isEmpty();
        assertThat(host.select("[data-testid=option-key-0]").hasAttr("disabled")).isTrue();
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        String html = mvc.perform(request.with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return Jsoup.parse(html);
    }
}
