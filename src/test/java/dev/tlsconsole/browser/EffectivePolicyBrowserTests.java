package dev.tlsconsole.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.topology.TopologyApi;

/**
 * An administrator starts from the policies page, narrows it to the failing connections, opens one,
 * follows the finding's fix link to the client host's options, previews the change (F becomes B),
 * saves it, and sees the new grade on the connection page.
 */
class EffectivePolicyBrowserTests extends BrowserTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    String clientHost;
    String client;
    long hostId;
    long connectionId;

    /** Two sides pinned to different protocols: the client host says TLSv11, the server TLSv12 (PROTOCOL_MISMATCH). */
    @BeforeAll
    void failingConnection() throws Exception {
        TopologyApi api = new TopologyApi(mvc, jdbc);
        clientHost = TopologyApi.unique("br-eff-chost");
        String serverHost = TopologyApi.unique("br-eff-shost");
        String server = TopologyApi.unique("br-eff-cs");
        client = TopologyApi.unique("br-eff-stat");
        hostId = api.host(clientHost, "{\"sec-protocol\":\"TLSv11\"}");
        api.host(serverHost, "{}");
        api.application("{\"name\":\"" + server + "\",\"componentType\":\"Configuration Server\",\"componentVersion\":\"8.5.1\","
                + "\"host\":\"" + serverHost + "\",\"security\":{\"sec-protocol\":\"TLSv12\"},\"ports\":[{\"portId\":\"default\","
                + "\"number\":2020,\"listeningMode\":\"SECURE\",\"transport\":\"tls=1;certificate=/opt/certs/s.pem;"
                + "certificate-key=/opt/certs/s.key;trusted-ca=/opt/certs/ca.pem\"}]}");
        api.application("{\"name\":\"" + client + "\",\"componentType\":\"Stat Server\",\"componentVersion\":\"8.5.1\","
                + "\"host\":\"" + clientHost + "\",\"security\":{\"certificate\":\"/opt/certs/c.pem\",\"certificate-key\":"
                + "\"/opt/certs/c.key\",\"trusted-ca\":\"/opt/certs/ca.pem\"},\"ports\":[]}");
        connectionId = api.connection(client, server, "default", "tls=1");
    }

    @Test
    void anAdministratorFindsAFailingConnectionFixesItAtTheRightLevelAndSeesTheNewGrade() {
        LoginPage.open(driver, baseUrl()).signIn("admin", ConsoleTest.ADMIN_PASSWORD);

        PoliciesPage policies = PoliciesPage.openFromNavigation(driver).filter("F", client);
        assertThat(policies.grades()).containsExactly("F");

        ConnectionPolicyPage connection = policies.open(connectionId);
        String connectionUrl = driver.getCurrentUrl();
        assertThat(connection.grade()).isEqualTo("F");
        assertThat(connection.gradeText()).contains("F");
        assertThat(connection.finding("PROTOCOL_MISMATCH").getText()).contains("TLSv11");

        connection.fix("PROTOCOL_MISMATCH");
        HostPage.await(driver);
        assertThat(driver.getCurrentUrl()).endsWith("/hosts/" + hostId + "#options");

        OptionsEditorPanel editor = OptionsEditorPanel.await(driver).change("sec-protocol", "TLSv12");
        WebElement impact = editor.preview();
        assertThat(impact.findElement(Browser.testId("impact-summary")).getText()).contains("1 would change");
        assertThat(editor.impactGrades(impact, connectionId)).containsExactly("F", "B");
        editor.save();

        ConnectionPolicyPage fixed = ConnectionPolicyPage.open(driver, connectionUrl);
        assertThat(fixed.grade()).isEqualTo("B");
    }
}
