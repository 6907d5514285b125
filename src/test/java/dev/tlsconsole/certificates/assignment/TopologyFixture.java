package dev.tlsconsole.certificates.assignment;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import dev.tlsconsole.support.TestAccounts;

import tools.jackson.databind.json.JsonMapper;

/** Builds topology and certificates through the public API, as a script would, for the assignment tests. */
final class TopologyFixture {

    private final MockMvc mvc;
    private final String user;
    private final JsonMapper json = JsonMapper.builder().build();

    TopologyFixture(MockMvc mvc, String user) {
        this.mvc = mvc;
        this.user = user;
    }

    long host(String name, String ip, String os, String securityPack) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("ipAddress", ip);
        body.put("osType", os);
        body.put("securityPackVersion", securityPack);
        body.put("security", Map.of());
        return id(post("/api/v1/hosts", body));
    }

    /** An application with one port {@code default} (SECURE, tls=1) unless {@code secure} is false (UNSECURED). */
    long application(String name, String type, String host, boolean secure) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("componentType", type);
        body.put("componentVersion", "8.5.1");
        body.put("host", host);
        body.put("security", Map.of());
        body.put("ports", List.of(Map.of("portId", "default", "number", 7000 + (int) (System.nanoTime() % 1000),
                "listeningMode", secure ? "SECURE" : "UNSECURED", "transport", secure ? "tls=1" : "")));
        return id(post("/api/v1/applications", body));
    }

    long connection(String client, String server, String transport) throws Exception {
        return id(post("/api/v1/connections", Map.of("client", client, "server", server, "portId", "default", "transport", transport)));
    }

    long authority(String name) throws Exception {
        return id(post("/api/v1/authorities", Map.of("name", name, "subject", "CN=" + name + ",O=Tests", "validityDays", 3650)));
    }

    String issueForHost(long authority, String host, String usage, int days) throws Exception {
        return post("/api/v1/authorities/" + authority + "/issue", Map.of("host", host, "usage", usage, "validityDays", days,
                "name", host + " " + System.nanoTime()));
    }

    String post(String path, Map<String, ?> body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                        .with(httpBasic(user, TestAccounts.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andExpect(status().is2xxSuccessful()).andReturn().getResponse().getContentAsString();
    }

    String get(String path) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                        .with(httpBasic(user, TestAccounts.PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    static long id(String json) {
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }
}
