package dev.tlsconsole.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;

import dev.tlsconsole.support.ConsoleTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notification channels against real receivers: a webhook server on 127.0.0.1 that accepts only bodies
 * whose X-Console-Signature HMAC is right, and a GreenMail SMTP server with an account.
 */
@ConsoleTest
class NotificationsTests {

    private static final String SECRET = "webhook-shared-secret-1";
    private static final String MAIL_PASSWORD = "smtp-password-never-shown";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final org.springframework.test.web.servlet.request.RequestPostProcessor ADMIN_USER =
            org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("admin").roles("ADMIN");

    private static HttpServer receiver;
    private static GreenMail mail;
    private static final ConcurrentLinkedQueue<JsonNode> received = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger badSignatures = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    dev.tlsconsole.resolution.EffectivePolicies policies;

    @BeforeAll
    static void startReceivers() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String expected = "sha256=" + hmac(body);
            if (expected.equals(exchange.getRequestHeaders().getFirst("X-Console-Signature"))) {
                received.add(JSON.readTree(body));
                exchange.sendResponseHeaders(204, -1);
            } else {
                badSignatures.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
            }
            exchange.close();
        });
        receiver.start();
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        mail.setUser("alerts@example.org", "alerts", MAIL_PASSWORD);
    }

    @AfterAll
    static void stopReceivers() {
        receiver.stop(0);
        mail.stop();
    }

    @AfterEach
    void removeChannels() throws Exception {
        for (JsonNode channel : JSON.readTree(call(get("/api/v1/notification-channels"), 200)).get("items")) {
            call(delete("/api/v1/notification-channels/" + channel.get("id").asLong()), 204);
        }
        received.clear();
    }

    private static String hmac(byte[] body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String call(MockHttpServletRequestBuilder request, int expectedStatus) throws Exception {
        return mvc.perform(request.with(httpBasic("admin", ConsoleTest.ADMIN_PASSWORD)))
                .andExpect(status().is(expectedStatus)).andReturn().getResponse().getContentAsString();
    }

    private String postJson(String path, Object body, int expectedStatus) throws Exception {
        return call(post(path).contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body)), expectedStatus);
    }

    private long webhook(String name, String url, List<String> events) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("type", "WEBHOOK");
        body.put("url", url);
        body.put("secret", SECRET);
        body.put("events", events);
        return JSON.readTree(postJson("/api/v1/notification-channels", body, 201)).get("id").asLong();
    }

    private long email(String name, List<String> events) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("type", "EMAIL");
        body.put("recipients", List.of("pki-team@example.org"));
        body.put("smtpHost", "127.0.0.1");
        body.put("smtpPort", mail.getSmtp().getPort());
        body.put("smtpStartTls", false);
        body.put("smtpUsername", "alerts");
        body.put("smtpPassword", MAIL_PASSWORD);
        body.put("mailFrom", "tls-console@example.org");
        body.put("events", events);
        return JSON.readTree(postJson("/api/v1/notification-channels", body, 201)).get("id").asLong();
    }

    private String hookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void channelsAreListedInTheListShapeAndAChannelReadCanBeChangedAndPutBackAsIs() throws Exception {
        long id = webhook("put-back-hook", hookUrl(), List.of("CERTIFICATE_EXPIRING"));
        JsonNode listed = JSON.readTree(call(get("/api/v1/notification-channels"), 200));
        // API.md conventions: lists are {items, page, size, totalElements}
        List<String> names = new ArrayList<>();
        listed.get("items").forEach(channel -> names.add(channel.get("name").asString()));
        assertThat(names).contains("put-back-hook");
        assertThat(listed.get("page").asInt()).isZero();
        assertThat(listed.get("totalElements").asLong()).isEqualTo(listed.get("items").size());
        assertThat(listed.get("size").asInt()).isEqualTo(listed.get("items").size());

        // the GET body, changed and sent back: the read-only fields (id, secretSet, createdAt, …) are ignored
        tools.jackson.databind.node.ObjectNode read = (tools.jackson.databind.node.ObjectNode) JSON.readTree(
                call(get("/api/v1/notification-channels/" + id), 200));
        read.put("enabled", false);
        JsonNode updated = JSON.readTree(call(put("/api/v1/notification-channels/" + id).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(read)), 200));
        assertThat(updated.get("enabled").asBoolean()).isFalse();
        assertThat(updated.get("secretSet").asBoolean()).as("the secret is kept").isTrue();
        assertThat(updated.get("version").asLong()).isEqualTo(read.get("version").asLong() + 1);
        // a stale version is still refused with both versions
        JsonNode stale = JSON.readTree(call(put("/api/v1/notification-channels/" + id).contentType(MediaType.APPLICATION_JSON)
                .content(JSON.writeValueAsString(read)), 409));
        assertThat(stale.get("yourVersion").asLong()).isEqualTo(read.get("version").asLong());
        assertThat(stale.get("currentVersion").asLong()).isEqualTo(updated.get("version").asLong());
    }

    @Test
    void theTestButtonReachesTheWebhookWithAValidSignatureAndTheMailbox() throws Exception {
        long hook = webhook("hook-test", hookUrl(), List.of("CERTIFICATE_EXPIRING"));
        long smtp = email("mail-test", List.of("CERTIFICATE_EXPIRING"));

        JsonNode hookResult = JSON.readTree(call(post("/api/v1/notification-channels/" + hook + "/test"), 200));
        JsonNode mailResult = JSON.readTree(call(post("/api/v1/notification-channels/" + smtp + "/test"), 200));

        assertThat(hookResult.get("delivered").asBoolean()).as(hookResult.toString()).isTrue();
        assertThat(mailResult.get("delivered").asBoolean()).as(mailResult.toString()).isTrue();
        assertThat(received).extracting(n -> n.get("event").asString()).containsExactly("TEST");
        assertThat(badSignatures).hasValue(0);
        assertThat(mail.getReceivedMessages()).extracting(MimeMessage::getSubject).contains("[TLS console] Test message for channel mail-test");
        // secrets are write-only
        String listed = call(get("/api/v1/notification-channels"), 200);
        assertThat(listed).doesNotContain(SECRET).doesNotContain(MAIL_PASSWORD).contains("\"secretSet\":true")
                .contains("\"smtpPasswordSet\":true");
        String logged = call(get("/api/v1/notifications?channel=mail-test"), 200);
        assertThat(logged).contains("SENT").contains("Test message").doesNotContain(MAIL_PASSWORD);
    }

    @Test
    void aCertificateExpiringInFiveDaysGivesExactlyOneSevenDayMessagePerChannel() throws Exception {
        long ca = JSON.readTree(postJson("/api/v1/authorities", Map.of("name", "Expiry CA " + System.nanoTime(),
                "subject", "CN=Expiry CA,O=Tests", "validityDays", 3650), 201)).get("id").asLong();
        String name = "expires-soon-" + System.nanoTime();
        postJson("/api/v1/authorities/" + ca + "/issue", Map.of("subject", "CN=" + name, "sans", List.of("DNS:" + name + ".example.org"),
                "usage", "SERVER", "validityDays", 5, "name", name), 201);
        webhook("hook-expiry", hookUrl(), List.of("CERTIFICATE_EXPIRING"));
        email("mail-expiry", List.of("CERTIFICATE_EXPIRING"));
        int mailsBefore = mail.getReceivedMessages().length;

        for (int run = 0; run < 3; run++) {
            call(post("/api/v1/notifications/run"), 200);
        }

        List<JsonNode> mine = new ArrayList<>();
        received.stream().filter(n -> n.get("certificate").isObject() && name.equals(n.get("certificate").get("name").asString()))
                .forEach(mine::add);
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("event").asString()).isEqualTo("CERTIFICATE_EXPIRING");
        assertThat(mine.get(0).get("threshold").asInt()).isEqualTo(7);
        assertThat(mine.get(0).get("daysLeft").asInt()).isBetween(4, 5);
        assertThat(mine.get(0).get("link").asString()).startsWith("https://");
        assertThat(List.of(mail.getReceivedMessages()).subList(mailsBefore, mail.getReceivedMessages().length))
                .extracting(MimeMessage::getSubject).filteredOn(s -> s.contains(name)).hasSize(1);
        assertThat(badSignatures).hasValue(0);
    }

    @Test
    void aChannelWhoseEndpointIsDownIsRetriedThenLoggedAsFailedAndTheOthersStillGetTheirs() throws Exception {
        long ca = JSON.readTree(postJson("/api/v1/authorities", Map.of("name", "Down CA " + System.nanoTime(),
                "subject", "CN=Down CA,O=Tests", "validityDays", 3650), 201)).get("id").asLong();
        String name = "down-case-" + System.nanoTime();
        postJson("/api/v1/authorities/" + ca + "/issue", Map.of("subject", "CN=" + name, "sans", List.of("DNS:" + name + ".example.org"),
                "usage", "SERVER", "validityDays", 2, "name", name), 201);
        webhook("a-down", "http://127.0.0.1:" + closedPort() + "/hook", List.of("CERTIFICATE_EXPIRING"));
        webhook("b-up", hookUrl(), List.of("CERTIFICATE_EXPIRING"));

        JsonNode result = JSON.readTree(call(post("/api/v1/notifications/run"), 200));

        assertThat(result.get("failed").asInt()).isPositive();
        assertThat(received).anyMatch(n -> n.get("certificate").isObject() && name.equals(n.get("certificate").get("name").asString()));
        JsonNode log = JSON.readTree(call(get("/api/v1/notifications?channel=a-down&size=500"), 200)).get("items");
        assertThat(log).anySatisfy(entry -> {
            assertThat(entry.get("subject").asString()).contains(name);
            assertThat(entry.get("outcome").asString()).isEqualTo("FAILED");
            assertThat(entry.get("detail").asString()).startsWith("after 3 attempt(s)");
        });
        String metrics = call(get("/actuator/prometheus"), 200);
        assertThat(metrics).contains("console_notifications_total{channel=\"a-down\",outcome=\"failed\"}")
                .contains("console_notifications_total{channel=\"b-up\",outcome=\"sent\"}");
    }

    @Test
    void prometheusShowsTheConsoleMetricsWithTheValuesOfTheData() throws Exception {
        long ca = JSON.readTree(postJson("/api/v1/authorities", Map.of("name", "Metrics CA " + System.nanoTime(),
                "subject", "CN=Metrics CA,O=Tests", "validityDays", 3650), 201)).get("id").asLong();
        String name = "metrics-" + System.nanoTime();
        JsonNode issued = JSON.readTree(postJson("/api/v1/authorities/" + ca + "/issue", Map.of("subject", "CN=" + name,
                "sans", List.of("DNS:" + name + ".example.org"), "usage", "SERVER", "validityDays", 40, "name", name), 201));
        JsonNode certificate = issued.has("certificate") ? issued.get("certificate") : issued;
        long notAfter = java.time.Instant.parse(certificate.get("notAfter").asString()).getEpochSecond();
        dev.tlsconsole.resolution.PolicyStatistics statistics = dev.tlsconsole.support.TestAccounts.asAdmin(policies::statistics);

        String metrics = call(get("/actuator/prometheus"), 200);

        java.util.regex.Matcher line = java.util.regex.Pattern.compile("console_certificate_not_after_seconds\\{ca=\"false\",name=\""
                + name + "\",sha256=\"" + certificate.get("sha256Fingerprint").asString() + "\"\\} (\\S+)").matcher(metrics);
        assertThat(line.find()).as(metrics).isTrue();
        assertThat((long) Double.parseDouble(line.group(1))).isEqualTo(notAfter);
        assertThat(metrics).contains("console_certificate_not_after_seconds{ca=\"true\"");
        assertThat(gauge(metrics, "console_connections{grade=\"F\"}"))
                .isEqualTo(statistics.grades().get(dev.tlsconsole.policy.effective.Grade.F));
        assertThat(gauge(metrics, "console_connections_by_mode{mode=\"MUTUAL_TLS\"}"))
                .isEqualTo(statistics.modes().get(dev.tlsconsole.policy.effective.Mode.MUTUAL_TLS));
        for (dev.tlsconsole.resolution.PolicyStatistics.FindingCount finding : statistics.findings()) {
            assertThat(gauge(metrics, "console_findings{code=\"" + finding.code() + "\",severity=\"" + finding.code().severity() + "\"}"))
                    .isEqualTo(finding.connections());
        }
    }

    private static int gauge(String metrics, String series) {
        return metrics.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .map(l -> (int) Double.parseDouble(l.substring(series.length() + 1).strip())).orElseThrow(() -> new AssertionError(series));
    }

    @Test
    void anAdminManagesChannelsOnTheScreensAndTestsThem() throws Exception {
        String created = mvc.perform(post("/notifications/channels/new").with(ADMIN_USER)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("name", "screen-hook").param("type", "WEBHOOK").param("url", hookUrl()).param("secret", SECRET)
                        .param("thresholdsDays", "30, 7").param("events", "CERTIFICATE_EXPIRING", "CRL_STALE").param("enabled", "true"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(created).isEqualTo("/notifications");
        String list = page("/notifications");
        assertThat(list).contains("screen-hook").contains("30, 7").doesNotContain(SECRET);
        long id = JSON.readTree(call(get("/api/v1/notification-channels"), 200)).get("items").get(0).get("id").asLong();
        String form = page("/notifications/channels/" + id);
        assertThat(form).contains("screen-hook").doesNotContain(SECRET);

        mvc.perform(post("/notifications/channels/" + id + "/test").with(ADMIN_USER)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("success",
                        "notifications.test.delivered"));
        assertThat(received).extracting(n -> n.get("event").asString()).containsExactly("TEST");
        String bad = mvc.perform(post("/notifications/channels/new").with(ADMIN_USER)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("name", "screen-bad").param("type", "WEBHOOK").param("url", hookUrl()).param("secret", SECRET)
                        .param("thresholdsDays", "-3"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(bad).contains("between 0 and 3650");
        assertThat(page("/notifications/log")).contains("screen-hook").contains("SENT");
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(ADMIN_USER).accept(MediaType.TEXT_HTML)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void badInputIsRefusedWithAMessageAndNothingIsSaved() throws Exception {
        String before = call(get("/api/v1/notification-channels"), 200);
        Map<String, Object> badUrl = Map.of("name", "bad-url", "type", "WEBHOOK", "url", "not a url", "secret", SECRET);
        Map<String, Object> ftp = Map.of("name", "bad-scheme", "type", "WEBHOOK", "url", "ftp://example.org/x", "secret", SECRET);
        Map<String, Object> negative = Map.of("name", "bad-threshold", "type", "WEBHOOK", "url", hookUrl(), "secret", SECRET,
                "thresholdsDays", List.of(30, -1));
        Map<String, Object> unreachable = Map.of("name", "bad-smtp", "type", "EMAIL", "recipients", List.of("a@example.org"),
                "smtpHost", "127.0.0.1", "smtpPort", closedPort(), "smtpStartTls", false);
        Map<String, Object> noSecret = Map.of("name", "no-secret", "type", "WEBHOOK", "url", hookUrl());

        assertThat(postJson("/api/v1/notification-channels", badUrl, 400)).contains("url");
        assertThat(postJson("/api/v1/notification-channels", ftp, 400)).contains("https://");
        assertThat(postJson("/api/v1/notification-channels", negative, 400)).contains("thresholdsDays").contains("-1");
        assertThat(postJson("/api/v1/notification-channels", unreachable, 400)).contains("cannot reach the SMTP server");
        assertThat(postJson("/api/v1/notification-channels", noSecret, 400)).contains("secret");
        assertThat(call(get("/api/v1/notification-channels"), 200)).isEqualTo(before);
    }
}
