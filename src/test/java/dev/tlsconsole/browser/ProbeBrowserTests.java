package dev.tlsconsole.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import dev.tlsconsole.certificates.x509.CaSpec;
import dev.tlsconsole.certificates.x509.CertificateAuthorityOperations;
import dev.tlsconsole.certificates.x509.CertificateIds;
import dev.tlsconsole.certificates.x509.CertificateUsage;
import dev.tlsconsole.certificates.x509.EndEntitySpec;
import dev.tlsconsole.certificates.x509.IssuedCertificate;
import dev.tlsconsole.certificates.x509.IssuingCa;
import dev.tlsconsole.certificates.x509.KeyAlgorithm;
import dev.tlsconsole.certificates.x509.PemExporter;
import dev.tlsconsole.probe.TestPorts;
import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.topology.TopologyApi;

/**
 * An operator probes a port from the application page and reads, on the connection page, that the
 * process serves another certificate than the options name — next to the declared policy.
 */
class ProbeBrowserTests extends BrowserTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    TopologyApi api;
    IssuedCertificate declared;
    IssuedCertificate served;
    String serverHost;

    @BeforeAll
    void certificates() throws Exception {
        api = new TopologyApi(mvc, jdbc);
        CertificateAuthorityOperations operations = new CertificateAuthorityOperations(new SecureRandom());
        Instant now = Instant.now();
        IssuedCertificate ca = operations.createRootCa(new CaSpec("CN=" + TopologyApi.unique("Browser Probe CA"),
                KeyAlgorithm.EC_P256, 3650), now.minus(Duration.ofDays(10)));
        serverHost = TopologyApi.unique("br-probe-shost");
        IssuingCa issuer = new IssuingCa(ca.certificate(), ca.privateKey());
        EndEntitySpec spec = EndEntitySpec.forHost(serverHost, "127.0.0.1", CertificateUsage.SERVER, KeyAlgorithm.EC_P256, 365);
        declared = operations.issue(spec, issuer, now);
        served = operations.issue(spec, issuer, now);
        api.asAdmin(post("/api/v1/certificates"), new tools.jackson.databind.json.JsonMapper().writeValueAsString(
                Map.of("name", TopologyApi.unique("br-probe-cert"), "pem", PemExporter.certificates(List.of(declared.certificate())))))
                .andExpect(status().isCreated());
    }

    @Test
    void anOperatorProbesFromTheApplicationPageAndSeesTheDriftOnTheConnectionPage() throws Exception {
        try (TestPorts.Server server = TestPorts.jsse(List.of(served.certificate()), served.privateKey(), List.of("TLSv1.2"), null)) {
            api.asAdmin(post("/api/v1/hosts"), "{\"name\":\"" + serverHost + "\",\"ipAddress\":\"127.0.0.1\",\"osType\":\"UNIX\","
                    + "\"securityPackVersion\":\"8.5.1\",\"security\":{}}").andExpect(status().isCreated());
            String clientHost = TopologyApi.unique("br-probe-chost");
            api.host(clientHost, "{}");
            String application = TopologyApi.unique("br-probe-cs");
            long applicationId = api.application("{\"name\":\"" + application + "\",\"componentType\":\"Configuration Server\","
                    + "\"componentVersion\":\"8.5.1\",\"host\":\"" + serverHost + "\",\"security\":{\"sec-protocol\":\"TLSv12\"},"
                    + "\"ports\":[{\"portId\":\"default\",\"number\":" + server.port() + ",\"listeningMode\":\"SECURE\","
                    + "\"transport\":\"tls=1;certificate=" + CertificateIds.sha1Thumbprint(declared.certificate()) + "\"}]}");
            String client = TopologyApi.unique("br-probe-stat");
            api.application("{\"name\":\"" + client + "\",\"componentType\":\"Stat Server\",\"componentVersion\":\"8.5.1\","
                    + "\"host\":\"" + clientHost + "\",\"security\":{},\"ports\":[]}");
            long connection = api.connection(client, application, "default", "tls=1");

            LoginPage.open(driver, baseUrl()).signIn("admin", ConsoleTest.ADMIN_PASSWORD);
            ApplicationPage.open(driver, baseUrl() + "/applications/" + applicationId).probe("default");
            assertThat(Browser.text(driver, "flash-success")).contains(application + ":default");

            ConnectionPolicyPage page = ConnectionPolicyPage.open(driver, baseUrl() + "/connections/" + connection);
            assertThat(page.observed("OBSERVED_CERT_NOT_DECLARED").getText())
                    .contains(CertificateIds.sha256Fingerprint(served.certificate()))
                    .contains("not the one the options name");
            assertThat(page.observedGrade()).isEqualTo("F");
        }
    }
}
