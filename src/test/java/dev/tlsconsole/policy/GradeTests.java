package dev.tlsconsole.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsconsole.policy.LinkRules.LinkVerdict;
import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.effective.Grade;
import dev.tlsconsole.policy.snapshot.ListeningMode;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** DESIGN.md §4 grade, with the reasons that capped it. */
class GradeTests {

    /** Mutual TLS with host-name check and revocation on both sides: the best there is. */
    static Scenario best() {
        return Scenario.simpleTls()
                .addServerApp("tls-mutual=1", "tls-crl=/opt/certs/ca.crl")
                .clientApp("certificate=/opt/certs/stat.pem", "certificate-key=/opt/certs/stat.key", PolicyTesting.CA,
                        "tls-target-name-check=host", "tls-crl=/opt/certs/ca.crl");
    }

    static List<Arguments> grades() {
        return List.of(
                row("mutual, TLS 1.3, host check, CRLs", s -> best(), Grade.A_PLUS),
                row("INFO findings never lower the grade", s -> best().clientType("Local Control Agent").rules(new FakeLinkRules()
                        .verdict("Local Control Agent", "Configuration Server", new LinkVerdict(true, List.of(), List.of("note"), ""))), Grade.A_PLUS),
                row("simple TLS", s -> s, Grade.A, Grading.NOT_MUTUAL, Grading.NO_HOST_CHECK, Grading.NO_CLIENT_CRL),
                row("mutual without the server's CRL", s -> best().serverApp(PolicyTesting.CERT, PolicyTesting.KEY, PolicyTesting.CA, "tls-mutual=1"),
                        Grade.A, Grading.NO_SERVER_CRL),
                row("simple TLS with host check and CRL", s -> s.addClientApp("tls-target-name-check=host", "tls-crl=/opt/certs/ca.crl"),
                        Grade.A, Grading.NOT_MUTUAL),
                row("a warning", s -> best().addServerApp("tls-mutal=1"), Grade.B, "UNKNOWN_OPTION"),
                row("two warnings", s -> s.addServerApp("tls-mutal=1").serverHost("sec-protocol=TLSv13"), Grade.B,
                        "UNKNOWN_OPTION", "SEC_PROTOCOL_LEVEL"),
                row("encryption only", s -> s.connection("tls=1;client-auth=0"), Grade.C, "ENCRYPTION_ONLY"),
                row("obsolete protocol possible", s -> s.addServerApp("sec-protocol=SSLv23").addClientApp("sec-protocol=SSLv23"), Grade.C,
                        "PROTOCOL_OBSOLETE"),
                row("obsolete protocol and another warning: the cap comes first",
                        s -> s.addServerApp("sec-protocol=SSLv23", "tls-mutal=1").addClientApp("sec-protocol=SSLv23"), Grade.C,
                        "PROTOCOL_OBSOLETE", "UNKNOWN_OPTION"),
                row("an error", s -> s.clientApp(), Grade.F, "UNTRUSTED_ISSUER"),
                row("errors beat encryption-only", s -> s.serverApp().connection("tls=1;client-auth=0"), Grade.F, "SERVER_CERT_MISSING"),
                row("plaintext", s -> s.port(ListeningMode.UNSECURED, "").connection(""), Grade.NOT_SECURED, Grading.NOT_SECURED),
                row("plaintext with a warning", s -> s.port(ListeningMode.UNSECURED, "").connection("").addServerApp("tls-mutal=1"),
                        Grade.NOT_SECURED, Grading.NOT_SECURED),
                row("plaintext the client did not ask for is an error", s -> s.port(ListeningMode.UNSECURED, ""), Grade.F, "TLS_NOT_ON_PORT"),
                row("auto-detect that would be A+", s -> best().port(ListeningMode.AUTO_DETECT, "").connection(""), Grade.B, Grading.AUTO_DETECT),
                row("auto-detect with a warning", s -> s.port(ListeningMode.AUTO_DETECT, "").connection("").addServerApp("tls-mutal=1"),
                        Grade.B, "UNKNOWN_OPTION", Grading.AUTO_DETECT),
                row("auto-detect encryption only", s -> s.port(ListeningMode.AUTO_DETECT, "").connection("client-auth=0"), Grade.C,
                        "ENCRYPTION_ONLY", Grading.AUTO_DETECT),
                row("auto-detect with the client forcing TLS", s -> s.port(ListeningMode.AUTO_DETECT, ""), Grade.F,
                        "AUTO_DETECT_CLIENT_FORCES_TLS"));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("grades")
    void gradesAndSaysWhy(String situation, UnaryOperator<Scenario> setUp, Grade grade, List<String> reasons) {
        EffectivePolicy policy = setUp.apply(Scenario.simpleTls()).resolve();

        assertThat(policy.grade()).isEqualTo(grade);
        assertThat(policy.gradeReasons()).containsExactlyElementsOf(reasons);
    }

    private static Arguments row(String situation, UnaryOperator<Scenario> setUp, Grade grade, String... reasons) {
        return Arguments.of(situation, setUp, grade, List.of(reasons));
    }
}
