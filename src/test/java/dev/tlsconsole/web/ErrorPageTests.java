package dev.tlsconsole.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.tlsconsole.security.accounts.Role;
import dev.tlsconsole.support.ConsoleHttps;
import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.support.TestAccounts;

/** Error answers as a browser and a script meet them over real HTTPS: pages for people, problems for tools. */
@ConsoleTest
class ErrorPageTests {

    @LocalServerPort
    int port;
    @Value("${console.tls.certificate}")
    String certificateFile;
    @Autowired
    TestAccounts accounts;

    ConsoleHttps https;

    @BeforeEach
    void client() {
        https = new ConsoleHttps(port, certificateFile);
    }

    @Test
    void anUnknownPageShowsThe404PageWithoutInternals() {
        signIn("admin", ConsoleTest.ADMIN_PASSWORD);
        HttpResponse<String> page = https.get("/no/such/page", "Accept", "text/html");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("data-testid=\"error-page\"").contains("There is nothing at this address")
                .doesNotContain("Exception").doesNotContain("Whitelabel").doesNotContain("trace");
    }

    @Test
    void aForbiddenPageShowsThe403Page() {
        var operator = accounts.create("nosy", Role.OPERATOR);
        signIn(operator.username(), TestAccounts.PASSWORD);
        HttpResponse<String> page = https.get("/users", "Accept", "text/html");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("data-testid=\"error-page\"").contains("You do not have permission")
                .doesNotContain("Exception");
    }

    @Test
    void apiErrorsAreProblemDocumentsEvenForUnknownPaths() {
        String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + ConsoleTest.ADMIN_PASSWORD).getBytes());
        HttpResponse<String> missing = https.get("/api/v1/nothing-here", "Authorization", basic, "Accept", "text/html");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(missing.body()).doesNotContain("<html");

        HttpResponse<String> anonymous = https.get("/api/v1/users", "Accept", "text/html");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("\"status\":401").doesNotContain("<html");
    }

    private void signIn(String username, String password) {
        HttpResponse<String> login = https.get("/login");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login.body());
        assertThat(csrf.find()).isTrue();
        String form = "username=" + username + "&password=" + password + "&_csrf=" + csrf.group(1);
        HttpResponse<String> answer = https.send(HttpRequest.newBuilder(https.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("location")).hasValueSatisfying(
                location -> assertThat(URI.create(location).getPath()).isEqualTo("/"));
    }
}
