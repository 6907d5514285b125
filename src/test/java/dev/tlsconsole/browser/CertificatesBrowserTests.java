package dev.tlsconsole.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import dev.tlsconsole.security.accounts.Role;
import dev.tlsconsole.support.TestAccounts;

import tools.jackson.databind.json.JsonMapper;

/**
 * An operator creates a CA, issues a certificate for a host of the topology, assigns it to the
 * server's port after looking at the Preview, sees the connection's grade improve, and finds the
 * certificate in the inventory in its expiry band.
 */
class CertificatesBrowserTests extends BrowserTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAccounts accounts;

    private final String s = Long.toString(System.nanoTime() % 100_000);
    private String operator;
    private long connection;

    /** The topology the operator works on, made through the API as a script would (like the demo's cfg/stat hosts). */
    @BeforeAll
    void topology() throws Exception {
        operator = accounts.create("cert-browser", Role.OPERATOR).username();
        post("/api/v1/hosts", Map.of("name", "cfg-prim-" + s, "ipAddress", "10.88.1.11", "osType", "UNIX",
                "securityPackVersion", "8.5.100.25", "security", Map.of()));
        post("/api/v1/hosts", Map.of("name", "stat-" + s, "ipAddress", "10.88.2.11", "osType", "WINDOWS", "security", Map.of()));
        post("/api/v1/applications", Map.of("name", "confserv-" + s, "componentType", "Configuration Server", "componentVersion",
                "8.5.101", "host", "cfg-prim-" + s, "security", Map.of(),
                "ports", List.of(Map.of("portId", "default", "number", 2020, "listeningMode", "SECURE", "transport", "tls=1"))));
        post("/api/v1/applications", Map.of("name", "statserv-" + s, "componentType", "Stat Server", "componentVersion", "8.5.1",
                "host", "stat-" + s, "security", Map.of(), "ports", List.of()));
        connection = ((Number) JsonPath.read(post("/api/v1/connections", Map.of("client", "statserv-" + s, "server", "confserv-" + s,
                "portId", "default", "transport", "tls=1")), "$.id")).longValue();
    }

    @Test
    void issueAssignWithPreviewAndSeeTheGradeImprove() {
        LoginPage.open(driver, baseUrl()).signIn(operator, TestAccounts.PASSWORD);
        AuthoritiesPage authorities = AuthoritiesPage.open(driver).createRoot("Browser CA " + s, "CN=Browser CA " + s + ",O=Example");
        assertThat(authorities.title()).isEqualTo("Browser CA " + s);

        CertificatePage certificate = authorities.issueForHost("cfg-prim-" + s, "SERVER", 20);
        assertThat(certificate.title()).isEqualTo("cfg-prim-" + s);
        long certificateId = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/certificates/(\\d+).*", "$1"));

        certificate.previewAssignment("confserv-" + s + ":default");
        assertThat(certificate.previewGrade(connection, false)).isEqualTo("F");
        String after = certificate.previewGrade(connection, true);
        assertThat(after).isNotEqualTo("F").isIn("A+", "A", "B");

        certificate.assign();
        assertThat(certificate.flash()).contains("confserv-" + s + ":default");
        assertThat(certificate.whereUsedGrade(connection)).isEqualTo(after);

        CertificatesPage inventory = CertificatesPage.open(driver).band("WITHIN_30_DAYS").search("cfg-prim-" + s);
        assertThat(inventory.lists(certificateId)).isTrue();
        assertThat(inventory.bandOf(certificateId)).isEqualTo("WITHIN_30_DAYS");
        assertThat(CertificatesPage.open(driver).band("OK").search("cfg-prim-" + s).lists(certificateId)).isFalse();
    }

    private String post(String path, Map<String, ?> body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .httpBasic(operator, TestAccounts.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(JsonMapper.builder().build().writeValueAsString(body)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isCreated())
                .andReturn().getResponse().getContentAsString();
    }
}
