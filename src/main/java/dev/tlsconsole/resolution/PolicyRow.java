package dev.tlsconsole.resolution;

import java.util.Locale;

import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.effective.Finding;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.Grade;
import dev.tlsconsole.policy.effective.Mode;
import dev.tlsconsole.policy.effective.Severity;
import dev.tlsconsole.policy.effective.TlsVersion;

/**
 * One connection's line on the policies list, with what the filters and sorts look at worked out
 * once per resolution (counts, the set of finding codes as bits, lower-case names).
 *
 * @param protocol   null for plaintext or when the sides cannot agree
 * @param searchText the names of both ends, their hosts and the port id, in lower case, for the text filter
 * @param clientType the client application's component type (catalog name), for the matrix overlay
 * @param serverType the server application's component type
 * @param topCode    the code of the most severe finding (the first of them), null when there is none
 * @param topMessage its message's first line, for the triage column of the policies list
 */
public record PolicyRow(long connectionId, long clientId, String client, long clientHostId, String clientHost,
        long serverId, String server, long serverHostId, String serverHost, String portId, int portNumber, Mode mode,
        TlsVersion protocol, Grade grade, int errors, int warnings, int infos, long codeBits, String searchText,
        String clientType, String serverType, String topCode, String topMessage) {

    private static final int MESSAGE_LENGTH = 160;

    static PolicyRow of(EffectivePolicy policy, String clientType, String serverType) {
        int errors = 0;
        int warnings = 0;
        int infos = 0;
        long bits = 0;
        Finding top = null;
        for (Finding finding : policy.findings()) {
            if (top == null || finding.severity().compareTo(top.severity()) < 0) {
                top = finding;
            }
            switch (finding.severity()) {
                case ERROR -> errors++;
                case WARNING -> warnings++;
                case INFO -> infos++;
            }
            bits |= bit(finding.code());
        }
        EffectivePolicy.ClientEnd client = policy.client();
        EffectivePolicy.ServerEnd server = policy.server();
        return new PolicyRow(policy.connectionId(), client.application().id(), client.application().name(),
                client.host().id(), client.host().name(), server.application().id(), server.application().name(),
                server.host().id(), server.host().name(), server.portId(), server.portNumber(), policy.mode(),
                policy.protocol().orElse(null), policy.grade(), errors, warnings, infos, bits,
                String.join("\n", client.application().name(), server.application().name(), client.host().name(),
                        server.host().name(), server.portId()).toLowerCase(Locale.ROOT), clientType, serverType,
                top == null ? null : top.code().name(), top == null ? null : firstLine(top.message()));
    }

    private static String firstLine(String message) {
        String line = message == null ? "" : message.strip().lines().findFirst().orElse("");
        return line.length() <= MESSAGE_LENGTH ? line : line.substring(0, MESSAGE_LENGTH - 1) + "…";
    }

    static long bit(FindingCode code) {
        return 1L << code.ordinal();
    }

    /** {@code statserv → confserv:default}, how admins name a connection. */
    public String label() {
        return client + " → " + server + ":" + portId;
    }

    public boolean has(FindingCode code) {
        return (codeBits & bit(code)) != 0;
    }

    public int count(Severity severity) {
        return switch (severity) {
            case ERROR -> errors;
            case WARNING -> warnings;
            case INFO -> infos;
        };
    }

    /** The grade as the badge shows it ({@code A+} … {@code -}). */
    public String gradeLabel() {
        return grade.label();
    }

    /** Does {@code lowerCaseText} occur in a name of either end, the port id or the connection id? */
    boolean mentions(String lowerCaseText) {
        return searchText.contains(lowerCaseText) || Long.toString(connectionId).equals(lowerCaseText);
    }
}
