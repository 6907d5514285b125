package dev.tlsconsole.policy;

import static dev.tlsconsole.policy.PolicyTesting.codes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.Mode;
import dev.tlsconsole.policy.effective.Severity;
import dev.tlsconsole.policy.snapshot.ListeningMode;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** DESIGN.md §3 rules 4 and 5: the port decides whether there is TLS, tls-mutual and client-auth how much. */
class ModeTests {

    private static final String[] CLIENT_CERT = {"certificate=/opt/certs/stat.pem", "certificate-key=/opt/certs/stat.key", PolicyTesting.CA};

    static List<Arguments> modes() {
        return List.of(
                row("tls=1 on port and connection", s -> s, Mode.SIMPLE_TLS),
                row("tls=1 on the port only: a client is secure when it targets a secure port", s -> s.connection(""), Mode.SIMPLE_TLS),
                row("tls=0 on the connection does not make a secure port plain", s -> s.connection("tls=0"), Mode.SIMPLE_TLS),
                row("no tls=1 on the port", s -> s.port(ListeningMode.UNSECURED, "").connection(""), Mode.PLAINTEXT),
                row("tls-mutual=1 on the port", s -> s.port(ListeningMode.SECURE, "tls=1;tls-mutual=1").addClientApp(CLIENT_CERT), Mode.MUTUAL_TLS),
                row("tls-mutual=1 in the server application", s -> s.addServerApp("tls-mutual=1").addClientApp(CLIENT_CERT), Mode.MUTUAL_TLS),
                row("tls-mutual=1 in the server host annex", s -> s.serverHost("tls-mutual=1").addClientApp(CLIENT_CERT), Mode.MUTUAL_TLS),
                row("tls-mutual=0 on the port beats the host", s -> s.port(ListeningMode.SECURE, "tls=1;tls-mutual=0").serverHost("tls-mutual=1"), Mode.SIMPLE_TLS),
                row("tls-mutual=1 on the client does not make it mutual", s -> s.addClientApp("tls-mutual=1"), Mode.SIMPLE_TLS),
                row("client-auth=0 on the connection", s -> s.connection("tls=1;client-auth=0"), Mode.ENCRYPTION_ONLY),
                row("client-auth=0 in the client application", s -> s.addClientApp("client-auth=0"), Mode.ENCRYPTION_ONLY),
                row("client-auth=0 in the client host annex", s -> s.clientHost("client-auth=0"), Mode.ENCRYPTION_ONLY),
                row("client-auth=1 on the connection beats the host", s -> s.connection("tls=1;client-auth=1").clientHost("client-auth=0"), Mode.SIMPLE_TLS),
                row("client-auth=0 on the server is not the client's", s -> s.addServerApp("client-auth=0"), Mode.SIMPLE_TLS),
                row("mutual wins over client-auth=0", s -> s.addServerApp("tls-mutual=1").addClientApp(CLIENT_CERT).addClientApp("client-auth=0"), Mode.MUTUAL_TLS),
                row("auto-detect on Configuration Server", s -> s.port(ListeningMode.AUTO_DETECT, "").connection(""), Mode.AUTO_DETECT),
                row("auto-detect on Configuration Server Proxy", s -> s.serverType("Configuration Server Proxy").port(ListeningMode.AUTO_DETECT, "").connection(""), Mode.AUTO_DETECT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void decidesTheMode(String situation, UnaryOperator<Scenario> setUp, Mode expected) {
        EffectivePolicy policy = setUp.apply(Scenario.simpleTls()).resolve();

        assertThat(policy.mode()).isEqualTo(expected);
        assertThat(policy.findings()).as("a correct set-up raises no error").noneMatch(f -> f.severity() == Severity.ERROR);
        assertThat(policy.protocol().isPresent()).isEqualTo(expected != Mode.PLAINTEXT);
    }

    static List<Arguments> broken() {
        return List.of(
                row("SECURE without tls=1 is treated as plain", s -> s.port(ListeningMode.SECURE, "").connection(""), Mode.PLAINTEXT,
                        FindingCode.TLS_NOT_ON_PORT),
                row("tls=1 only in the server application does not secure the port",
                        s -> s.port(ListeningMode.SECURE, "").addServerApp("tls=1").connection(""), Mode.PLAINTEXT, FindingCode.TLS_NOT_ON_PORT),
                row("client tls=1 towards a plain port", s -> s.port(ListeningMode.UNSECURED, ""), Mode.PLAINTEXT, FindingCode.TLS_NOT_ON_PORT),
                row("client application tls=1 towards a plain port", s -> s.port(ListeningMode.UNSECURED, "").connection("").addClientApp("tls=1"),
                        Mode.PLAINTEXT, FindingCode.TLS_NOT_ON_PORT),
                row("auto-detect on T-Server", s -> s.serverType("T-Server").port(ListeningMode.AUTO_DETECT, "").connection(""),
                        Mode.AUTO_DETECT, FindingCode.AUTO_DETECT_NOT_CONFIG_SERVER),
                row("client forcing TLS on an auto-detect port", s -> s.port(ListeningMode.AUTO_DETECT, "").connection("tls=1"),
                        Mode.AUTO_DETECT, FindingCode.AUTO_DETECT_CLIENT_FORCES_TLS),
                row("client application forcing TLS on an auto-detect port",
                        s -> s.port(ListeningMode.AUTO_DETECT, "").connection("").addClientApp("tls=1"),
                        Mode.AUTO_DETECT, FindingCode.AUTO_DETECT_CLIENT_FORCES_TLS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void reportsWhatBreaksTheMode(String situation, UnaryOperator<Scenario> setUp, Mode expected, FindingCode error) {
        EffectivePolicy policy = setUp.apply(Scenario.simpleTls()).resolve();

        assertThat(policy.mode()).isEqualTo(expected);
        assertThat(codes(policy)).containsOnlyOnce(error);
        assertThat(error.severity()).isEqualTo(Severity.ERROR);
    }

    private static Arguments row(String situation, UnaryOperator<Scenario> setUp, Object... expected) {
        Object[] all = new Object[expected.length + 2];
        all[0] = situation;
        all[1] = setUp;
        System.arraycopy(expected, 0, all, 2, expected.length);
        return Arguments.of(all);
    }
}
