package dev.tlsconsole.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import dev.tlsconsole.support.ConsoleTest;

/**
 * Editing through the screens: the options editor at each level (rows, raw text, both directions),
 * inline errors that keep the input, the conflict panel of a stale save, refused and cascaded deletes.
 */
@ConsoleTest
class TopologyEditingTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    TopologyApi api;

    @BeforeEach
    void api() {
        api = new TopologyApi(mvc, jdbc);
    }

    @Test
    void theHostOptionsEditorSavesRowsAndKeepsUnknownKeys() throws Exception {
        long id = api.host(TopologyApi.unique("ed-host"), "{\"sec-protocol\":\"TLSv12\"}");
        submit(post("/hosts/" + id + "/options").param("version", "0")
                .param("rows[0].key", "sec-protocol").param("rows[0].value", "TLSv13")
                .param("rows[1].key", " tls-mutal ").param("rows[1].value", "1")
                .param("rows[2].key", "").param("rows[2].value", ""))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/hosts/" + id + "#options"));
        api.asAdmin(get("/api/v1/hosts/" + id))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.security['sec-protocol']").value("TLSv13"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.security['tls-mutal']").value("1"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.version").value(1));

        submit(post("/hosts/" + id + "/options").param("version", "1")
                .param("rows[0].key", "sec-protocol").param("rows[0].value", "TLSv13")
                .param("rows[1].key", "tls-mutal").param("rows[1].value", "1").param("rows[1].remove", "true"))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForList("select option_key from host_option where host_id = ?", String.class, id))
                .containsExactly("sec-protocol");
    }

    @Test
    void aWrongValueIsShownOnItsRowAndNothingIsSaved() throws Exception {
        long id = api.host(TopologyApi.unique("ed-bad"), "{}");
        Document page = page(post("/hosts/" + id + "/options").param("version", "0")
                .param("rows[0].key", "client-auth").param("rows[0].value", "maybe")
                .param("rows[1].key", "tls").param("rows[1].value", "2"));
        assertThat(page.select("[data-testid=rows[0].value-error]").text()).contains("client-auth must be 0 or 1, not 'maybe'");
        assertThat(page.select("[data-testid=rows[1].value-error]").text()).contains("tls must be 0 or 1, not '2'");
        assertThat(page.select("[data-testid=option-value-0]").val()).as("the input is kept").isEqualTo("maybe");
        assertThat(jdbc.queryForObject("select count(*) from host_option where host_id = ?", Long.class, id)).isZero();

        Document duplicate = page(post("/hosts/" + id + "/options").param("version", "0")
                .param("rows[0].key", "tls-mutual").param("rows[0].value", "1")
                .param("rows[1].key", "tls-mutual").param("rows[1].value", "0"));
        assertThat(duplicate.select("[data-testid=rows[1].key-error]").text()).contains("set twice");
    }

    @Test
    void aStaleOptionsSaveShowsBothValuesAndKeepsTheInput() throws Exception {
        long id = api.host(TopologyApi.unique("ed-stale"), "{\"sec-protocol\":\"TLSv12\"}");
        submit(post("/hosts/" + id + "/options").param("version", "0")
                .param("rows[0].key", "sec-protocol").param("rows[0].value", "TLSv13")).andExpect(status().isFound());

        Document page = page(post("/hosts/" + id + "/options").param("version", "0")
                .param("rows[0].key", "sec-protocol").param("rows[0].value", "SSLv23"));
        assertThat(page.select("[data-testid=conflict-row-sec-protocol] [data-testid=conflict-theirs]").text()).isEqualTo("TLSv13");
        assertThat(page.select("[data-testid=conflict-row-sec-protocol] [data-testid=conflict-yours]").text()).isEqualTo("SSLv23");
        assertThat(page.select("[data-testid=option-value-0]").val()).isEqualTo("SSLv23");
        assertThat(page.select("input[name=version]").val()).as("a second save applies on top").isEqualTo("1");
        assertThat(jdbc.queryForObject("select option_value from host_option where host_id = ?", String.class, id)).isEqualTo("TLSv13");
    }

    @Test
    void thePortEditorRoundTripsBetweenRowsAndText() throws Exception {
        String host = TopologyApi.unique("ed-port");
        api.host(host, "{}");
        long appId = api.secureServer(TopologyApi.unique("ed-cs"), "Configuration Server", host);
        String url = "/applications/" + appId + "/ports/default/options";

        Document bad = page(post(url).param("version", "0").param("op", "parse").param("transport", "tls=1;tls-mutual =1")
                .param("rows[0].key", "tls").param("rows[0].value", "1"));
        assertThat(bad.select("[data-testid=transport-error]").text()).isEqualTo("position 16: space before '='");
        assertThat(bad.select("[data-testid=option-key-0]").val()).isEqualTo("tls");

        Document parsed = page(post(url).param("version", "0").param("op", "parse")
                .param("transport", "tls=1;tls-mutual=1;certificate=/opt/genesys/certs/a.pem;"));
        assertThat(parsed.select("[data-testid=option-key-1]").val()).isEqualTo("tls-mutual");
        assertThat(parsed.select("[data-testid=option-value-2]").val()).isEqualTo("/opt/genesys/certs/a.pem");
        assertThat(parsed.select("[data-testid=options-transport]").text())
                .isEqualTo("tls=1;tls-mutual=1;certificate=/opt/genesys/certs/a.pem");

        Document rendered = page(post(url).param("version", "0").param("op", "render")
                .param("rows[0].key", "tls").param("rows[0].value", "1")
                .param("rows[1].key", "cipher-list").param("rows[1].value", "ECDHE-RSA-AES256-GCM-SHA384"));
        assertThat(rendered.select("[data-testid=options-transport]").text()).isEqualTo("tls=1;cipher-list=ECDHE-RSA-AES256-GCM-SHA384");

        submit(post(url).param("version", "0").param("op", "save-text").param("transport", "tls=1;tls-mutual=1;"))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select transport from listening_port where application_id = ?", String.class, appId))
                .isEqualTo("tls=1;tls-mutual=1");

        Document refused = page(post(url).param("version", "1").param("op", "save")
                .param("rows[0].key", "tls-mutual").param("rows[0].value", "1"));
        assertThat(refused.select("[data-testid=transport-error]").text()).contains("a SECURE port needs tls=1");
        assertThat(jdbc.queryForObject("select transport from listening_port where application_id = ?", String.class, appId))
                .isEqualTo("tls=1;tls-mutual=1");
    }

    @Test
    void theConnectionEditorSavesTheTextAndExplainsWhatDoesNotParse() throws Exception {
        String host = TopologyApi.unique("ed-conn");
        api.host(host, "{}");
        String server = TopologyApi.unique("ed-cs");
        api.secureServer(server, "Configuration Server", host);
        String client = TopologyApi.unique("ed-ss");
        api.application("{\"name\":\"" + client + "\",\"componentType\":\"Stat Server\",\"componentVersion\":\"8.5.1\",\"host\":\""
                + host + "\"}");
        long id = api.connection(client, server, "default", "tls=1");

        Document bad = page(post("/connections/" + id + "/options").param("version", "0").param("op", "save-text")
                .param("transport", "tls=1;;client-auth=0"));
        assertThat(bad.select("[data-testid=transport-error]").text()).contains("position 6: empty parameter");
        assertThat(bad.select("[data-testid=options-transport]").text()).isEqualTo("tls=1;;client-auth=0");

        submit(post("/connections/" + id + "/options").param("version", "0")
                .param("rows[0].key", "tls").param("rows[0].value", "1")
                .param("rows[1].key", "tls-target-name-check").param("rows[1].value", "host"))
                .andExpect(redirectedUrl("/connections/" + id));
        assertThat(jdbc.queryForObject("select transport from connection where id = ?", String.class, id))
                .isEqualTo("tls=1;tls-target-name-check=host");
    }

    @Test
    void formsShowEveryProblemInlineAndKeepTheInput() throws Exception {
        Document host = page(post("/hosts").param("name", "bad host").param("ipAddress", "10.0.0").param("osType", "WINDOWS")
                .param("securityPackVersion", "8.5.1"));
        assertThat(host.select("[data-testid=name-error]").text()).contains("RFC 1123");
        assertThat(host.select("[data-testid=ipAddress-error]").text()).contains("not an IP address");
        assertThat(host.select("[data-testid=securityPackVersion-error]").text()).contains("only on UNIX");
        assertThat(host.select("[data-testid=host-ip-input]").val()).isEqualTo("10.0.0");

        String hostName = TopologyApi.unique("ed-form");
        api.host(hostName, "{}");
        Document application = page(post("/applications").param("name", TopologyApi.unique("ed-app"))
                .param("componentType", "Configuration Server").param("componentVersion", "8.5.1").param("host", hostName)
                .param("ports[0].portId", "default").param("ports[0].number", "2020").param("ports[0].listeningMode", "SECURE")
                .param("ports[0].transport", "tls=1")
                .param("ports[1].portId", "").param("ports[1].number", "").param("ports[1].transport", "")
                .param("ports[2].portId", "secure").param("ports[2].number", "2021").param("ports[2].listeningMode", "SECURE")
                .param("ports[2].transport", "tls = 1"));
        assertThat(application.select("[data-testid=ports[2].transport-error]").text()).contains("position 3: space before '='");
        assertThat(application.select("[data-testid=ports[0].transport-error]")).isEmpty();

        Document number = page(post("/applications").param("name", TopologyApi.unique("ed-app"))
                .param("componentType", "Configuration Server").param("componentVersion", "8.5.1").param("host", hostName)
                .param("ports[0].portId", "default").param("ports[0].number", "20x0").param("ports[0].listeningMode", "SECURE"));
        assertThat(number.select("[data-testid=ports[0].number-error]").text()).contains("'20x0' is not a port number");
    }

    @Test
    void aStaleHostFormShowsWhatChangedAndKeepsTheInput() throws Exception {
        String name = TopologyApi.unique("ed-form-stale");
        long id = api.host(name, "{}");
        submit(post("/hosts/" + id).param("name", name).param("ipAddress", "10.55.0.1").param("osType", "UNIX")
                .param("securityPackVersion", "8.5.1").param("version", "0")).andExpect(status().isFound());
        Document page = page(post("/hosts/" + id).param("name", name).param("ipAddress", "10.55.0.2").param("osType", "UNIX")
                .param("securityPackVersion", "8.5.1").param("version", "0"));
        assertThat(page.select("[data-testid=conflict-row-ipAddress] [data-testid=conflict-theirs]").text()).isEqualTo("10.55.0.1");
        assertThat(page.select("[data-testid=conflict-row-ipAddress] [data-testid=conflict-yours]").text()).isEqualTo("10.55.0.2");
        assertThat(page.select("[data-testid=host-ip-input]").val()).isEqualTo("10.55.0.2");
        submit(post("/hosts/" + id).param("name", name).param("ipAddress", "10.55.0.2").param("osType", "UNIX")
                .param("securityPackVersion", "8.5.1").param("version", "1")).andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select ip_address from host where id = ?", String.class, id)).isEqualTo("10.55.0.2");
    }

    @Test
    void aRefusedDeleteListsTheDependentsAndTheCascadeDeletesThem() throws Exception {
        String host = TopologyApi.unique("ed-del");
        long hostId = api.host(host, "{}");
        String server = TopologyApi.unique("ed-del-cs");
        long serverId = api.secureServer(server, "Configuration Server", host);

        Document refused = page(post("/hosts/" + hostId + "/delete"));
        assertThat(refused.select("[data-testid=delete-refused]").text()).contains("runs 1 application(s): " + server);
        assertThat(refused.select("[data-testid=dependent]").text()).contains(server);
        assertThat(refused.select("[data-testid=dependent] a").attr("href")).isEqualTo("/applications/" + serverId);
        assertThat(refused.select("form[data-confirm] input[name=cascade]").val()).isEqualTo("true");
        assertThat(jdbc.queryForObject("select count(*) from host where id = ?", Long.class, hostId)).isEqualTo(1);

        submit(post("/hosts/" + hostId + "/delete").param("cascade", "true")).andExpect(redirectedUrl("/hosts"));
        assertThat(jdbc.queryForObject("select count(*) from application where id = ?", Long.class, serverId)).isZero();
    }

    @Test
    void anAuditorCannotSubmitAnyChange() throws Exception {
        long id = api.host(TopologyApi.unique("ed-ro"), "{}");
        mvc.perform(post("/hosts/" + id + "/options").with(user("reader").roles("AUDITOR")).with(csrf())
                        .param("version", "0").param("rows[0].key", "tls-mutual").param("rows[0].value", "1"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/hosts/" + id + "/delete").with(user("reader").roles("AUDITOR")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from host_option where host_id = ?", Long.class, id)).isZero();
    }

    @Test
    void newObjectsAreCreatedFromTheFormsAndAudited() throws Exception {
        String host = TopologyApi.unique("ed-new");
        submit(post("/hosts").param("name", host).param("ipAddress", TopologyApi.uniqueIp()).param("osType", "UNIX")
                .param("securityPackVersion", "")).andExpect(redirectedUrlPattern("/hosts/*"));
        String server = TopologyApi.unique("ed-new-cs");
        submit(post("/applications").param("name", server).param("componentType", "Configuration Server")
                .param("componentVersion", "8.5.1").param("host", host)
                .param("ports[0].portId", "default").param("ports[0].number", "2020").param("ports[0].listeningMode", "SECURE")
                .param("ports[0].transport", "tls=1")).andExpect(redirectedUrlPattern("/applications/*"));
        String client = TopologyApi.unique("ed-new-ss");
        submit(post("/applications").param("name", client).param("componentType", "Stat Server")
                .param("componentVersion", "8.5.1").param("host", host)).andExpect(redirectedUrlPattern("/applications/*"));
        String location = submit(post("/connections").param("client", client).param("server", server).param("portId", "default")
                .param("transport", "tls=1")).andExpect(redirectedUrlPattern("/connections/*"))
                .andReturn().getResponse().getRedirectedUrl();
        String json = api.asAdmin(get("/api/v1" + location)).andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(json, "$.client")).isEqualTo(client);
        assertThat(jdbc.queryForList("select action from audit_entry where object_name in (?, ?, ?) and outcome = 'SUCCESS'",
                String.class, host, server, client)).contains("host.create", "application.create");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'connection.create' and object_name = ?",
                Long.class, client + " → " + server + ":default")).isEqualTo(1);
    }

    private ResultActions submit(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user("admin").roles("ADMIN")).with(csrf()));
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(submit(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }
}
