package dev.tlsconsole.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.servlet.http.Cookie;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.sun.net.httpserver.HttpServer;

import dev.tlsconsole.ConsoleApplication;
import dev.tlsconsole.support.ConsoleHttps;
import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.support.PostgresConsoleTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two console instances on one PostgreSQL: the shared PostgreSQL test context (instance A, driven
 * through MockMvc) and a second full application (instance B, real HTTPS) on the same database and
 * data directory (so the same key-encryption key), with plain-http webhooks not allowed.
 */
@PostgresConsoleTest
class TwoInstancesPostgresTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COOKIE = "TLSCONSOLE_SESSION";
    private static final ConcurrentLinkedQueue<JsonNode> received = new ConcurrentLinkedQueue<>();

    private static ConfigurableApplicationContext instanceB;
    private static ConsoleHttps httpsB;
    private static HttpServer receiver;

    @Autowired
    MockMvc mvc;

    @Autowired
    OperationsSchedules schedulesA;

    @Autowired
    NotificationChecks checksA;

    @BeforeAll
    static void startSecondInstanceAndReceiver(@Autowired Environment environment) throws IOException {
        String dataDir = environment.getRequiredProperty("console.data-dir");
        instanceB = new SpringApplicationBuilder(ConsoleApplication.class).profiles("test", "postgres").run(
                "--spring.datasource.url=" + environment.getRequiredProperty("spring.datasource.url"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--console.data-dir=" + dataDir, "--console.test-context=postgres",
                "--console.notifications.allow-plain-http=false", "--server.port=0");
        int port = ((WebServerApplicationContext) instanceB).getWebServer().getPort();
        httpsB = new ConsoleHttps(port, instanceB.getEnvironment().getRequiredProperty("console.tls.certificate"));
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                received.add(JSON.readTree(in.readAllBytes()));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopSecondInstance() {
        if (instanceB != null) {
            instanceB.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + ConsoleTest.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSessionMadeOnOneInstanceIsValidOnTheOtherAndALogoutOnOneEndsItOnBoth() {
        HttpResponse<String> loginPage = httpsB.get("/login");
        String token = Jsoup.parse(loginPage.body()).select("input[name=_csrf]").attr("value");
        HttpResponse<String> login = httpsB.send(HttpRequest.newBuilder(httpsB.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password="
                        + URLEncoder.encode(ConsoleTest.ADMIN_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8))).build());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        String session = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(COOKIE + "="))
                .map(c -> c.substring(COOKIE.length() + 1, c.indexOf(';'))).findFirst().orElseThrow();
        assertThat(httpsB.get("/account").statusCode()).isEqualTo(200);

        // instance A knows the session made on B
        String account = perform(get("/account").cookie(new Cookie(COOKIE, session)).accept(MediaType.TEXT_HTML), 200);
        assertThat(account).contains("admin");
        String csrfOnA = Jsoup.parse(account).select("form[action$=/logout] input[name=_csrf]").attr("value");

        // sign out on A: B no longer knows the session
        perform(post("/logout").cookie(new Cookie(COOKIE, session)).param("_csrf", csrfOnA), 302);
        HttpResponse<String> afterLogout = httpsB.get("/account");
        assertThat(afterLogout.statusCode()).isEqualTo(302);
        assertThat(afterLogout.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    private String perform(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, int expected) {
        try {
            return mvc.perform(request).andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String admin(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, int expected) {
        return perform(request.with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD)).with(csrf()), expected);
    }

    @Test
    void aScheduledJobRunsOnceAndANotificationIsSentOnceAcrossBothInstances() throws Exception {
        String name = "two-instances-" + System.nanoTime();
        long ca = JSON.readTree(admin(post("/api/v1/authorities").contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(
                Map.of("name", "Two CA " + System.nanoTime(), "subject", "CN=Two CA,O=Tests", "validityDays", 3650))), 201))
                .get("id").asLong();
        admin(post("/api/v1/authorities/" + ca + "/issue").contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(
                Map.of("subject", "CN=" + name, "sans", List.of("DNS:" + name + ".example.org"), "usage", "SERVER",
                        "validityDays", 5, "name", name))), 201);
        admin(post("/api/v1/notification-channels").contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(
                Map.of("name", "two-hook", "type", "WEBHOOK", "url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                        "secret", "two-instances-secret", "events", List.of("CERTIFICATE_EXPIRING")))), 201);

        // the checks on both instances at the same time: one message
        NotificationChecks checksB = instanceB.getBean(NotificationChecks.class);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = pool.submit(checksA::runAsSystem);
            Future<?> b = pool.submit(checksB::runAsSystem);
            a.get();
            b.get();
        } finally {
            pool.shutdown();
        }
        assertThat(received).filteredOn(n -> n.get("certificate").isObject() && name.equals(n.get("certificate").get("name").asString()))
                .hasSize(1);

        // the scheduled CRL job fired on both instances: it runs on the first only
        Integer onA = schedulesA.republishCrls();
        Integer onB = instanceB.getBean(OperationsSchedules.class).republishCrls();
        assertThat(onA).as("the first instance ran the job").isNotNull();
        assertThat(onB).as("the second instance found the job locked").isNull();
    }

    @Test
    void aPlainHttpWebhookIsRefusedWhereItIsNotAllowed() {
        HttpResponse<String> refused = httpsB.send(HttpRequest.newBuilder(httpsB.uri("/api/v1/notification-channels"))
                .header("Authorization", basic()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"plain\",\"type\":\"WEBHOOK\",\"url\":\"http://example.org/hook\","
                        + "\"secret\":\"s\"}")).build());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("must use https://");
        assertThat(httpsB.get("/api/v1/notification-channels", "Authorization", basic()).body()).doesNotContain("\"plain\"");
    }
}
