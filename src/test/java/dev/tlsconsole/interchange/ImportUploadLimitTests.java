package dev.tlsconsole.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.tlsconsole.support.ConsoleHttps;
import dev.tlsconsole.support.ConsoleTest;

/**
 * The upload limits over real HTTPS: the imports accept an estate's archive (more than the 2 MB every
 * other upload is held to) up to {@code console.imports.max-upload-size}; beyond it the API answers a 413
 * problem naming the limit and the Import page a message, nothing is changed; every other upload keeps
 * its small limit. A ZIP bomb is refused naming the limit (GenesysFilesLimitTests).
 */
@ConsoleTest
class ImportUploadLimitTests {

    private static final String BOUNDARY = "----import-limit-test";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ImportLimits limits;
    @LocalServerPort
    int port;
    @Value("${console.tls.certificate}")
    String certificateFile;

    ConsoleHttps https;
    String basic;

    @BeforeEach
    void client() {
        https = new ConsoleHttps(port, certificateFile);
        basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + ConsoleTest.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anArchiveOverTheSmallUploadLimitIsPlannedThroughTheApi() throws IOException {
        Map<String, Long> before = counts();
        // an export's archive with 3 MB of incompressible explanations the import skips
        byte[] filler = new byte[3 * 1024 * 1024];
        new Random(11).nextBytes(filler);
        byte[] zip = zip(Map.of("README.md", filler, "hosts.csv",
                "name,ipAddress,osType,osVersion,securityPackVersion\nlimit-test-host,10.9.9.9,UNIX,,\n"
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(zip.length).isGreaterThan(3 * 1024 * 1024);

        HttpResponse<String> plan = https.send(api("/api/v1/imports/genesys?dryRun=true", multipart("estate.zip", zip)));

        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(200);
        assertThat(plan.body()).contains("limit-test-host");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void anImportOverItsLimitIsA413NamingTheLimitAndChangesNothing() {
        Map<String, Long> before = counts();
        byte[] tooLarge = new byte[(int) limits.maxUploadSize().toBytes() + 1024];

        HttpResponse<String> archive = https.send(api("/api/v1/imports/genesys?dryRun=false", multipart("estate.zip", tooLarge)));
        assertThat(archive.statusCode()).isEqualTo(413);
        assertThat(archive.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(archive.body()).contains("64 MB").contains("console.imports.max-upload-size");

        Arrays.fill(tooLarge, (byte) ' ');
        HttpResponse<String> document = https.send(HttpRequest.newBuilder(https.uri("/api/v1/topology/import"))
                .header("Authorization", basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(tooLarge)).build());
        assertThat(document.statusCode()).isEqualTo(413);
        assertThat(document.body()).contains("64 MB");

        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void theImportPageSaysTheFilesAreTooLargeAndChangesNothing() {
        signIn();
        String page = https.get("/imports").body();
        Map<String, Long> before = counts();
        assertThat(page).contains("data-max-bytes=\"" + limits.maxUploadSize().toBytes() + "\"");
        Matcher token = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
        Matcher header = Pattern.compile("<meta name=\"_csrf_header\" content=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        assertThat(header.find()).isTrue();
        byte[] tooLarge = new byte[(int) limits.maxUploadSize().toBytes() + 1024];

        // the page's script posts the files as a job: the answer carries the message it shows
        HttpResponse<String> job = https.send(HttpRequest.newBuilder(https.uri("/imports/jobs"))
                .header(header.group(1), token.group(1)).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart("estate.zip", tooLarge))).build());
        assertThat(job.statusCode()).isEqualTo(413);
        assertThat(job.body()).contains("larger than the 64 MB an import accepts");

        // the form without the script comes back to the page, which says the same
        HttpResponse<String> form = https.send(HttpRequest.newBuilder(https.uri("/imports"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart("estate.zip", tooLarge))).build());
        assertThat(form.statusCode()).isEqualTo(303);
        String location = form.headers().firstValue("location").orElseThrow();
        HttpResponse<String> shown = https.get(URI.create(location).getPath() + "?" + URI.create(location).getQuery());
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("data-testid=\"flash-error\"").contains("larger than the 64 MB an import accepts");

        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void everyOtherUploadKeepsItsSmallLimit() {
        byte[] threeMegabytes = new byte[3 * 1024 * 1024];
        Arrays.fill(threeMegabytes, (byte) 'A');
        HttpResponse<String> certificate = https.send(api("/api/v1/certificates", multipart("big.pem", threeMegabytes)));
        assertThat(certificate.statusCode()).isEqualTo(413);
        assertThat(certificate.body()).contains("larger than the console accepts");

        // one file over the 1 MB a file may have, in a request under the 2 MB a request may have
        byte[] oneAndAHalf = Arrays.copyOf(threeMegabytes, 1536 * 1024);
        HttpResponse<String> crl = https.send(api("/api/v1/crls", multipart("big.crl", oneAndAHalf)));
        assertThat(crl.statusCode()).isEqualTo(413);
        assertThat(crl.body()).contains("larger than the console accepts");
    }

    private void signIn() {
        HttpResponse<String> login = https.get("/login");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login.body());
        assertThat(csrf.find()).isTrue();
        String form = "username=admin&password=" + URLEncoder.encode(ConsoleTest.ADMIN_PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + csrf.group(1);
        HttpResponse<String> answer = https.send(HttpRequest.newBuilder(https.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(answer.statusCode()).isEqualTo(302);
    }

    private HttpRequest api(String path, byte[] body) {
        return HttpRequest.newBuilder(https.uri(path)).header("Authorization", basic)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static byte[] multipart(String fileName, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 512);
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("host", "host_option", "application", "application_option", "listening_port",
                "connection", "certificate", "crl", "audit_entry")) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return counts;
    }
}
