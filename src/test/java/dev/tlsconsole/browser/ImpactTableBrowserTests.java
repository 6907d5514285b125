package dev.tlsconsole.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.topology.TopologyApi;

/**
 * Issue 10 item 24: the preview's impact table of a change that touches connections with long names stays
 * inside its card — the table scrolls within it and the card stays within the window.
 */
class ImpactTableBrowserTests extends BrowserTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    long hostId;

    /** A client host pinned to TLSv11 whose applications (with long names) connect to a TLSv12 server. */
    @BeforeAll
    void connectionsWithLongNames() throws Exception {
        TopologyApi api = new TopologyApi(mvc, jdbc);
        String clientHost = TopologyApi.unique("br-wide-chost");
        String serverHost = TopologyApi.unique("br-wide-shost");
        String server = TopologyApi.unique("br-wide-configuration-server-" + "s".repeat(80));
        hostId = api.host(clientHost, "{\"sec-protocol\":\"TLSv11\"}");
        api.host(serverHost, "{}");
        api.application("{\"name\":\"" + server + "\",\"componentType\":\"Configuration Server\",\"componentVersion\":\"8.5.1\","
                + "\"host\":\"" + serverHost + "\",\"security\":{\"sec-protocol\":\"TLSv12\"},\"ports\":[{\"portId\":\"default\","
                + "\"number\":2020,\"listeningMode\":\"SECURE\",\"transport\":\"tls=1;certificate=/opt/certs/s.pem;"
                + "certificate-key=/opt/certs/s.key;trusted-ca=/opt/certs/ca.pem\"}]}");
        for (int i = 0; i < 3; i++) {
            String client = TopologyApi.unique("br-wide-statistics-server-" + i + "-" + "c".repeat(80));
            api.application("{\"name\":\"" + client + "\",\"componentType\":\"Stat Server\",\"componentVersion\":\"8.5.1\","
                    + "\"host\":\"" + clientHost + "\",\"security\":{\"certificate\":\"/opt/certs/c.pem\",\"certificate-key\":"
                    + "\"/opt/certs/c.key\",\"trusted-ca\":\"/opt/certs/ca.pem\"},\"ports\":[]}");
            api.connection(client, server, "default", "tls=1");
        }
    }

    @Test
    void theImpactTableScrollsInsideItsCard() {
        driver.manage().window().setSize(new Dimension(1024, 900));
        try {
            LoginPage.open(driver, baseUrl()).signIn("admin", ConsoleTest.ADMIN_PASSWORD);
            driver.get(baseUrl() + "/hosts/" + hostId + "#options");
            OptionsEditorPanel editor = OptionsEditorPanel.await(driver).change("sec-protocol", "TLSv12");
            // in a window this narrow the button may sit under the fixed bottom of the page: bring it into view
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                    Browser.find(driver, "options-preview"));
            WebElement panel = editor.preview();
            WebElement table = panel.findElement(Browser.testId("impact-table"));
            assertThat(table.findElements(org.openqa.selenium.By.cssSelector("tbody tr"))).hasSize(3);

            @SuppressWarnings("unchecked")
            Map<String, Object> sizes = (Map<String, Object>) ((JavascriptExecutor) driver).executeScript("""
                    const panel = arguments[0], table = arguments[1], scroller = table.parentElement;
                    const p = panel.getBoundingClientRect(), s = scroller.getBoundingClientRect();
                    return {page: document.documentElement.scrollWidth, window: document.documentElement.clientWidth,
                        panelRight: Math.round(p.right), scrollerRight: Math.round(s.right),
                        tableWidth: table.scrollWidth, scrollerWidth: scroller.clientWidth,
                        overflowX: getComputedStyle(scroller).overflowX};
                    """, panel, table);
            assertThat(((Number) sizes.get("panelRight")).longValue()).as("the impact card within the window " + sizes)
                    .isLessThanOrEqualTo(((Number) sizes.get("window")).longValue());
            assertThat(((Number) sizes.get("scrollerRight")).longValue()).as("table box inside the card " + sizes)
                    .isLessThanOrEqualTo(((Number) sizes.get("panelRight")).longValue());
            assertThat(((Number) sizes.get("tableWidth")).longValue()).as("the long names make the table wider than its box " + sizes)
                    .isGreaterThan(((Number) sizes.get("scrollerWidth")).longValue());
            assertThat(sizes.get("overflowX")).as("the box scrolls sideways").isIn("auto", "scroll");
        } finally {
            driver.manage().window().setSize(new Dimension(1400, 1000));
        }
    }
}
