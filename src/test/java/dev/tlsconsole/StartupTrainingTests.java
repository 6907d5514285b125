package dev.tlsconsole;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.tlsconsole.support.ConsoleTest;

/**
 * The training run of the production launch (issue 18, docker/start-console.sh) sends the console the first
 * requests of a start over its real HTTPS port, trusting only the console's own certificate, and changes nothing.
 */
@ConsoleTest
class StartupTrainingTests {

    @LocalServerPort
    int port;

    @Autowired
    SslBundles bundles;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void trainingAnswersHealthLoginPageStylesheetRedirectAndUnauthenticatedApiWithoutAuditing() throws Exception {
        SSLContext ownCertificateOnly = StartupTraining.sslContext(bundles);
        Long auditBefore = jdbc.queryForObject("select count(*) from audit_entry", Long.class);

        List<Integer> statuses = StartupTraining.train(URI.create("https://127.0.0.1:" + port), ownCertificateOnly, 2);

        // health UP, login page, stylesheet, the start page redirects to the login, the API refuses without credentials
        assertThat(statuses).containsExactly(200, 200, 200, 302, 401);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry", Long.class)).isEqualTo(auditBefore);
    }
}
