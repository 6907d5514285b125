package dev.tlsconsole.certificates.x509;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the 135 x509-limbo path-validation vectors (shared/conformance, read by path, never copied)
 * through {@link ChainValidator} and pins the set of cases where the console disagrees, each with the
 * reason. Fixing one (or breaking one) changes the set and fails the test, so both are noticed.
 */
class LimboConformanceTests {

    private static final Logger log = LoggerFactory.getLogger(LimboConformanceTests.class);
    private static final Path LIMBO = Path.of("..", "shared", "conformance", "x509-limbo", "limbo.json");
    /** Cases without a validation time are evaluated at the snapshot date, so the result never drifts with the calendar. */
    private static final Instant SNAPSHOT_TIME = Instant.parse("2023-12-02T00:00:00Z");

    /** Every case where the console's verdict differs from limbo's expected result, and why. */
    static final Map<String, String> KNOWN_DISAGREEMENTS = new TreeMap<>(Map.ofEntries(
            // --- deliberate product choices
            Map.entry("webpki::san::no-san", "CN fallback kept on purpose (RFC 6125 §6.4.4 allows it): Genesys hosts on"
                    + " Security Packs before 8.5.100.25 check only the CN (GENESYS-TLS-REFERENCE §5.2)"),
            Map.entry("pathlen::validation-ignores-pathlen-in-leaf", "the leaf is a CA certificate (cA=true, keyCertSign"
                    + " only); as a server certificate we refuse it (LEAF_IS_CA), like webpki::ee-basicconstraints-ca and"
                    + " OpenSSL's sslserver purpose"),
            Map.entry("rfc5280::nc::permitted-dn-match", "the leaf names only CN=foo / DirName:CN=foo, so a TLS client"
                    + " connecting to example.com must reject it (HOST_NAME_MISMATCH); the vector targets DN constraints only"),
            Map.entry("webpki::v1-cert", "a version 1 leaf (no extensions) whose CN matches is accepted, as by the JDK and"
                    + " OpenSSL: 'openssl x509 -req' without -extfile, as Genesys' OpenSSL scripts run it, makes exactly these"),
            Map.entry("rfc5280::nc::permitted-dns-match-noncritical", "non-critical name constraints are honoured, as"
                    + " OpenSSL and webpki do (webpki::nc::permitted-dns-match-noncritical expects exactly that)"),
            // --- CA-side RFC 5280 MUSTs that relying parties (JDK PKIX, OpenSSL without -x509_strict) do not enforce;
            //     OpenSSL-script certificates used with Genesys often lack them and still work on the hosts
            Map.entry("rfc5280::aki::cross-signed-root-missing-aki", "pedantic-rfc5280: missing AKI is not checked by relying parties"),
            Map.entry("rfc5280::aki::intermediate-missing-aki", "JDK PKIX and OpenSSL (non-strict) do not require an AKI"),
            Map.entry("rfc5280::aki::leaf-missing-aki", "JDK PKIX and OpenSSL (non-strict) do not require an AKI"),
            Map.entry("rfc5280::ski::intermediate-missing-ski", "JDK PKIX and OpenSSL (non-strict) do not require an SKI"),
            Map.entry("rfc5280::ski::root-missing-ski", "JDK PKIX and OpenSSL (non-strict) do not require an SKI"),
            Map.entry("rfc5280::root-non-critical-basic-constraints", "criticality of a root's BasicConstraints is only"
                    + " checked by OpenSSL -x509_strict; the root is still a CA"),
            Map.entry("webpki::aki::root-with-aki-all-fields", "a root's own AKI contents are ignored by JDK PKIX and OpenSSL"),
            Map.entry("webpki::aki::root-with-aki-missing-keyidentifier", "a root's own AKI contents are ignored by JDK PKIX and OpenSSL"),
            Map.entry("webpki::aki::root-with-aki-ski-mismatch", "a root's own AKI contents are ignored by JDK PKIX and OpenSSL"),
            Map.entry("rfc5280::serial::too-long", "pedantic-serial-number: JDK and OpenSSL accept over-long serials"),
            Map.entry("rfc5280::serial::zero", "pedantic-serial-number: JDK and OpenSSL accept a zero serial"),
            Map.entry("webpki::san::san-critical-with-nonempty-subject", "RFC 5280 says SHOULD be non-critical; the"
                    + " JDK and OpenSSL process a critical SAN"),
            // --- CA/Browser Forum (webpki) EKU policy beyond RFC 5280 and OpenSSL
            Map.entry("webpki::eku::ee-anyeku", "pedantic-webpki-eku: serverAuth is present, so RFC 5280 and OpenSSL"
                    + " accept it; only CABF forbids adding anyExtendedKeyUsage"),
            Map.entry("webpki::eku::ee-critical-eku", "pedantic-webpki-eku: a critical EKU with serverAuth is valid under RFC 5280"),
            Map.entry("webpki::eku::ee-without-eku", "pedantic-webpki-eku: no EKU means any purpose (RFC 5280 §4.2.1.12,"
                    + " OpenSSL, JSSE); rfc5280::eku::ee-without-eku expects SUCCESS"),
            Map.entry("webpki::eku::root-has-eku", "pedantic-webpki-eku: the root's EKU includes serverAuth; trust"
                    + " anchors' EKU is not restricted by RFC 5280")));

    @Test
    void agreesWithX509LimboExceptTheDocumentedCases() throws Exception {
        if (!Files.isRegularFile(LIMBO)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("x509-limbo vectors not found at " + LIMBO.toAbsolutePath() + " (the shared/ folder must sit beside the project on CI)");
            }
            Assumptions.abort("x509-limbo vectors not found at " + LIMBO.toAbsolutePath() + ": conformance check skipped");
        }
        JsonNode cases = JsonMapper.builder().build().readTree(LIMBO.toFile()).get("testcases");
        ChainValidator validator = new ChainValidator(Clock.fixed(SNAPSHOT_TIME, ZoneOffset.UTC));
        Map<String, String> disagreements = new TreeMap<>();
        for (JsonNode testcase : cases) {
            String id = testcase.get("id").asString();
            String expected = testcase.get("expected_result").asString();
            Verdict verdict = run(validator, testcase);
            if (!verdict.result().equals(expected)) {
                disagreements.put(id, "expected " + expected + ", console says " + verdict.result() + ": " + verdict.why());
            }
        }
        int agree = cases.size() - disagreements.size();
        log.info("x509-limbo: {}/{} agree ({} documented disagreements)", agree, cases.size(), KNOWN_DISAGREEMENTS.size());

        assertThat(cases.size()).isEqualTo(135);
        Map<String, String> undocumented = new TreeMap<>(disagreements);
        undocumented.keySet().removeAll(KNOWN_DISAGREEMENTS.keySet());
        Map<String, String> nowAgreeing = new TreeMap<>(KNOWN_DISAGREEMENTS);
        nowAgreeing.keySet().removeAll(disagreements.keySet());
        assertThat(undocumented).as("new disagreements with x509-limbo (a regression, or document them)").isEmpty();
        assertThat(nowAgreeing).as("documented disagreements that now agree (an improvement: remove them from the list)").isEmpty();
        assertThat(agree).isEqualTo(135 - KNOWN_DISAGREEMENTS.size());
    }

    private record Verdict(String result, String why) {
    }

    private static Verdict run(ChainValidator validator, JsonNode testcase) {
        List<String> chain = new ArrayList<>();
        chain.add(testcase.get("peer_certificate").asString());
        testcase.get("untrusted_intermediates").forEach(node -> chain.add(node.asString()));
        List<String> trusted = new ArrayList<>();
        testcase.get("trusted_certs").forEach(node -> trusted.add(node.asString()));
        JsonNode name = testcase.get("expected_peer_name");
        JsonNode time = testcase.get("validation_time");
        JsonNode depth = testcase.get("max_chain_depth");
        ValidationRequest request = new ValidationRequest(chain, trusted,
                name == null || name.isNull() ? null : name.get("value").asString(),
                time == null || time.isNull() ? null : OffsetDateTime.parse(time.asString()).toInstant(),
                List.of(), ValidationRequest.Purpose.SERVER,
                depth == null || depth.isNull() ? null : depth.asInt());
        try {
            ValidationResult result = validator.validate(request);
            return new Verdict(result.valid() ? "SUCCESS" : "FAILURE", result.problems().toString());
        } catch (PkiInputException e) {
            return new Verdict("FAILURE", "input refused: " + e.getMessage());
        }
    }
}
