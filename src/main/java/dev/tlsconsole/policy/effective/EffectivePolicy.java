package dev.tlsconsole.policy.effective;

import dev.tlsconsole.policy.snapshot.ListeningMode;
import dev.tlsconsole.policy.snapshot.ObjectRef;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The effective TLS policy of one connection: what each side resolves, how the connection is secured,
 * the protocol the two sides would negotiate, what is wrong, and the grade with the reasons that
 * capped it. Mirrors {@code GET /connections/{id}/effective-policy}.
 *
 * @param protocol    the negotiated version; empty for plaintext or when the sides cannot agree
 * @param findings    errors first, then warnings, then infos
 * @param gradeReasons finding codes or short phrases; empty only for {@code A+}
 */
public record EffectivePolicy(long connectionId, ClientEnd client, ServerEnd server, Mode mode,
                              Optional<TlsVersion> protocol, ResolvedSide clientSide, ResolvedSide serverSide,
                              List<Finding> findings, Grade grade, List<String> gradeReasons, Optional<Backup> backup) {

    /** A connection whose server has no HA backup. */
    public EffectivePolicy(long connectionId, ClientEnd client, ServerEnd server, Mode mode, Optional<TlsVersion> protocol,
                           ResolvedSide clientSide, ResolvedSide serverSide, List<Finding> findings, Grade grade,
                           List<String> gradeReasons) {
        this(connectionId, client, server, mode, protocol, clientSide, serverSide, findings, grade, gradeReasons, Optional.empty());
    }

    public EffectivePolicy {
        Objects.requireNonNull(backup, "backup");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(clientSide, "clientSide");
        Objects.requireNonNull(serverSide, "serverSide");
        Objects.requireNonNull(grade, "grade");
        findings = List.copyOf(findings);
        gradeReasons = List.copyOf(gradeReasons);
    }

    /** The client application and its host. */
    public record ClientEnd(ObjectRef application, ObjectRef host) {
    }

    /** The server application, its host and the target port. */
    public record ServerEnd(ObjectRef application, ObjectRef host, ObjectRef port, String portId, int portNumber,
                            ListeningMode listeningMode) {
    }

    /**
     * The same connection resolved against the server's HA backup, as the client fails over to it
     * (reference §8 E1): the backup's port with the same port id, its application and host levels.
     *
     * @param findings what the backup adds to the top-level findings (those equal to a top-level one are left out)
     * @param grade    the grade against the backup alone; the top-level grade is the worse of the two
     */
    public record Backup(ServerEnd server, Mode mode, Optional<TlsVersion> protocol, ResolvedSide serverSide,
                         List<Finding> findings, Grade grade, List<String> gradeReasons) {

        public Backup {
            Objects.requireNonNull(server, "server");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(serverSide, "serverSide");
            Objects.requireNonNull(grade, "grade");
            findings = List.copyOf(findings);
            gradeReasons = List.copyOf(gradeReasons);
        }
    }

    public long errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    }

    public long warnings() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
    }

    /** True when a finding with this code is present. */
    public boolean has(FindingCode code) {
        for (Finding finding : findings) {
            if (finding.code() == code) {
                return true;
            }
        }
        return false;
    }

    /** Mode, protocol, grade and finding codes: what a preview compares and a list page shows. */
    public PolicySummary summary() {
        return PolicySummary.of(this);
    }
}
