package dev.tlsconsole.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.WindowType;

import dev.tlsconsole.support.ConsoleTest;

/**
 * An operator builds a small topology in the browser: a host, a Configuration Server with a secure
 * port, a Stat Server client and their connection; sets a host option in the options editor; finds the
 * connection on both applications' pages; and meets a colleague's change in a second window.
 */
class TopologyBrowserTests extends BrowserTest {

    @Test
    void anOperatorBuildsAConnectionEditsAHostOptionAndMeetsAStaleEdit() {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        String host = "br-host-" + suffix;
        String server = "br-confserv-" + suffix;
        String client = "br-statserv-" + suffix;
        LoginPage.open(driver, baseUrl()).signIn("admin", ConsoleTest.ADMIN_PASSWORD);

        HostPage hostPage = HostsPage.open(driver, baseUrl()).create(host, "10.201.0.7", "UNIX", "8.5.1");
        assertThat(hostPage.name()).isEqualTo(host);
        assertThat(hostPage.flash()).contains("Host " + host + " created");
        String hostUrl = hostPage.url();

        ApplicationPage serverPage = hostPage.newApplication()
                .describe(server, "Configuration Server", "8.5.1")
                .port(0, "default", 2020, "SECURE", "tls=1;certificate=/opt/genesys/certs/" + host + ".pem")
                .save();
        assertThat(serverPage.name()).isEqualTo(server);
        assertThat(serverPage.port("default")).contains("2020").contains("tls=1;certificate=/opt/genesys/certs/" + host + ".pem");
        String serverUrl = serverPage.url();

        driver.get(hostUrl);
        ApplicationPage clientPage = HostPage.await(driver).newApplication().describe(client, "Stat Server", "8.5.1").save();
        String clientUrl = clientPage.url();
        ConnectionFormPage connectionForm = clientPage.connectToServer();
        assertThat(connectionForm.client()).isEqualTo(client);
        assertThat(connectionForm.create(server, "default", "tls=1")).isEqualTo(client + " → " + server + ":default");

        driver.get(hostUrl);
        hostPage = HostPage.await(driver).setOption("sec-protocol", "TLSv12");
        assertThat(hostPage.flash()).contains("Options of " + host + " saved");
        assertThat(hostPage.option("sec-protocol")).isEqualTo("TLSv12");
        assertThat(hostPage.listsApplication(server)).isTrue();
        assertThat(hostPage.listsApplication(client)).isTrue();

        assertThat(ApplicationPage.open(driver, serverUrl).incoming(client, "default")).contains(client).contains("tls=1");
        assertThat(ApplicationPage.open(driver, clientUrl).outgoing(server, "default")).contains(server).contains("tls=1");

        driver.get(hostUrl);
        HostPage.await(driver).edit();
        String firstWindow = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        driver.get(hostUrl);
        HostPage colleague = HostPage.await(driver).edit();
        colleague.saveIpAddress("10.202.0.1");
        HostPage.await(driver);
        driver.close();
        driver.switchTo().window(firstWindow);

        HostPage mine = new HostPage(driver);
        mine.saveIpAddress("10.202.0.2");
        String[] ipAddress = mine.conflict("ipAddress");
        assertThat(List.of(ipAddress)).containsExactly("10.202.0.1", "10.202.0.2");
        assertThat(mine.ipAddressInput()).as("the user's input is kept").isEqualTo("10.202.0.2");
    }
}
