package dev.tlsconsole.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.tlsconsole.support.ConsoleHttps;
import dev.tlsconsole.support.ConsoleTest;

/**
 * The API's answers to requests built to break it, over real HTTPS (HTTP/1.1, so Tomcat's own
 * limits are reached): always a 4xx problem document, never HTML or a 500, and nothing written.
 */
@ConsoleTest
class HostileRequestTests {

    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString(("admin:" + ConsoleTest.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;
    @Value("${console.tls.certificate}")
    String certificateFile;
    @Autowired
    JdbcTemplate jdbc;

    HttpClient http;

    @BeforeEach
    void client() {
        ConsoleHttps https = new ConsoleHttps(port, certificateFile);
        http = HttpClient.newBuilder().sslContext(https.sslContext()).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void aWriteTheClientCannotAcceptIsRefusedBeforeAnythingIsSaved() throws Exception {
        String name = "xml-host-" + System.nanoTime();
        HttpResponse<String> answer = send("POST", "/api/v1/hosts",
                "{\"name\":\"" + name + "\",\"ipAddress\":\"10.9.9.9\",\"osType\":\"UNIX\"}",
                "Content-Type", "application/json", "Accept", "application/xml");
        assertThat(answer.statusCode()).isEqualTo(406);
        assertProblem(answer);
        assertThat(jdbc.queryForObject("select count(*) from host where name = ?", Integer.class, name)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"passwordHash", "(select 1)", "id)", "class", "%25", "name,x", "username,asc,desc",
            "username;drop"})
    void usersCanOnlyBeSortedByTheirListedColumns(String sort) throws Exception {
        HttpResponse<String> answer = send("GET", "/api/v1/users?sort=" + sort.replace(" ", "%20").replace(";", "%3B"), null);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertProblem(answer);
        assertThat(answer.body()).contains("sort");
        assertThat(send("GET", "/api/v1/users?sort=username,desc", null).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"page=-1", "size=1000000", "size=0", "page=x", "size=-5", "page=99999999999"})
    void badPagingIsAProblem(String query) throws Exception {
        for (String list : new String[] {"/api/v1/hosts", "/api/v1/certificates", "/api/v1/audit"}) {
            HttpResponse<String> answer = send("GET", list + "?" + query, null);
            assertThat(answer.statusCode()).as(list + "?" + query).isEqualTo(400);
            assertProblem(answer);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"q=%ZZ", "q=%ED%A0%BD", "q=%C3", "q=%", "q=%FF%FE"})
    void badlyEncodedQueryStringsAre400(String query) throws Exception {
        // java.net.URI refuses these, so the request is written by hand
        String answer = raw("GET /api/v1/hosts?" + query + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + BASIC
                + "\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/problem+json")
                .doesNotContain("<html");
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/*", "nonsense", "text/plain", "*/json"})
    void bodiesOfAnUnusableContentTypeAre415(String contentType) throws Exception {
        String name = "ct-host-" + System.nanoTime();
        HttpResponse<String> answer = send("POST", "/api/v1/hosts",
                "{\"name\":\"" + name + "\",\"ipAddress\":\"10.9.9.8\",\"osType\":\"UNIX\"}", "Content-Type", contentType);
        assertThat(answer.statusCode()).isEqualTo(415);
        assertProblem(answer);
        assertThat(jdbc.queryForObject("select count(*) from host where name = ?", Integer.class, name)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/hosts/%00", "/api/v1/hosts/a%2Fb", "/api/v1/hosts/%2e%2e%2f%2e%2e%2fetc",
            "/api/v1/hosts/a%5Cb", "/api/v1/hosts/%25%00"})
    void pathsTomcatRefusesAreProblemDocuments(String path) throws Exception {
        HttpResponse<String> answer = send("GET", path, null);
        assertThat(answer.statusCode()).isBetween(400, 499);
        assertProblem(answer);
    }

    @Test
    void oversizedRequestLinesAndHeadersAreProblemDocuments() throws Exception {
        String big = "a".repeat(9000);
        HttpResponse<String> longLine = send("GET", "/api/v1/hosts?q=" + big, null);
        assertThat(longLine.statusCode()).isBetween(400, 499);
        assertProblem(longLine);
        HttpResponse<String> longHeader = send("GET", "/api/v1/hosts", null, "X-Filler", big);
        assertThat(longHeader.statusCode()).isBetween(400, 499);
        assertProblem(longHeader);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"name\":\"dup-a\",\"name\":\"dup-b\",\"ipAddress\":\"10.9.9.7\",\"osType\":\"UNIX\"}",
        "{\"name\":false,\"ipAddress\":\"10.9.9.7\",\"osType\":\"UNIX\"}",
        "{\"name\":12,\"ipAddress\":\"10.9.9.7\",\"osType\":\"UNIX\"}",
        "{\"name\":\"float-host\",\"ipAddress\":\"10.9.9.7\",\"osType\":\"UNIX\",\"securityPackVersion\":8.10}"})
    void jsonIsReadStrictly(String body) throws Exception {
        int hosts = count("host");
        HttpResponse<String> answer = send("POST", "/api/v1/hosts", body, "Content-Type", "application/json");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertProblem(answer);
        assertThat(count("host")).isEqualTo(hosts);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/applications/%201", "/api/v1/applications/1%20", "/api/v1/applications/+1",
            "/api/v1/applications/1?cascade=yes", "/api/v1/applications/1?cascade=1", "/api/v1/applications/0x1"})
    void idsAndFlagsAreReadStrictly(String path) throws Exception {
        int applications = count("application");
        HttpResponse<String> answer = send("DELETE", path, null);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertProblem(answer);
        assertThat(count("application")).isEqualTo(applications);
    }

    @Test
    void errorBodiesEchoAtMostAShortPieceOfTheInputAndNoClassNames() throws Exception {
        String huge = "1".repeat(1_000_000);
        HttpResponse<String> answer = send("POST", "/api/v1/hosts",
                "{\"name\":\"echo-host\",\"ipAddress\":\"" + huge + "\",\"osType\":\"UNIX\"}", "Content-Type", "application/json");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertProblem(answer);
        assertThat(answer.body().length()).isLessThan(3000);

        HttpResponse<String> garbage = send("POST", "/api/v1/certificates",
                "{\"name\":\"garbage\",\"pem\":\"-----BEGIN CERTIFICATE-----\\nMIIBAAAA\\n-----END CERTIFICATE-----\\n\"}",
                "Content-Type", "application/json");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertProblem(garbage);
        assertThat(garbage.body()).doesNotContainPattern("\\b(org|java|javax|jakarta|tools|dev)\\.[a-z0-9_.]*[A-Z]");
    }

    @Test
    void problemTextWithoutClassNamesAndLongValuesCut() {
        assertThat(Problems.sanitize("cannot parse: org.bouncycastle.asn1.ASN1Exception: corrupted stream"))
                .isEqualTo("cannot parse: corrupted stream");
        assertThat(Problems.sanitize("'" + "x".repeat(5000) + "' is not valid")).hasSizeLessThan(Problems.MAX_ECHO + 20);
    }

    private String raw(String request) throws Exception {
        ConsoleHttps https = new ConsoleHttps(port, certificateFile);
        try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) https.sslContext().getSocketFactory()
                .createSocket("localhost", port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20)).header("Authorization", BASIC)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertProblem(HttpResponse<String> answer) {
        assertThat(answer.headers().firstValue("content-type")).as(answer.uri() + " " + answer.body())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).doesNotContain("<html").doesNotContain("<!doctype").contains("\"status\":");
    }
}
