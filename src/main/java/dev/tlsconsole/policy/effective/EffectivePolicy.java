package dev.tlsconsole.policy.effective;

import dev.tlsconsole.policy.snapshot.ListeningMode;
import dev.tlsconsole.policy.snapshot.ObjectRef;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The effective TLS policy of one connection: what each side resolves, how the connection is secured,
 * the protocol the two sides would negotiate, what is wrong, and the grade with the reasons that
 * capped it. Mirrors {@code GET /connections/{id}/effective-policy}.
 *
 * <p>A value with the accessors and equality of a record. A bulk resolution creates one per connection
 * and keeps it small: the sides, the verdict and the finding lists are shared with other connections,
 * and what only names this connection (its client side's provenance, the text of the findings that
 * name it) is worked out from a {@link Deferred} on first use, then kept.
 *
 * <p>{@code protocol} is the negotiated version, empty for plaintext or when the sides cannot agree;
 * {@code findings} come errors first, then warnings, then infos; {@code gradeReasons} are finding codes
 * or short phrases, empty only for {@code A+}.
 */
public final class EffectivePolicy {

    private final long connectionId;
    private final ClientEnd client;
    private final ServerEnd server;
    private final Mode mode;
    private final Optional<TlsVersion> protocol;
    private final ResolvedSide serverSide;
    private final Grade grade;
    private final List<String> gradeReasons;
    private final Optional<Backup> backup;
    private final @Nullable Deferred deferred;
    // filled on first use when deferred; immutable values, so a racing second computation is harmless
    private @Nullable ResolvedSide clientSide;
    private @Nullable List<Finding> findings;

    /** What a resolution leaves to be worked out when first asked for; must give equal answers each time. */
    public interface Deferred {

        ResolvedSide clientSide();

        /** Errors first, then warnings, then infos. */
        List<Finding> findings();
    }

    public EffectivePolicy(long connectionId, ClientEnd client, ServerEnd server, Mode mode,
                           Optional<TlsVersion> protocol, ResolvedSide clientSide, ResolvedSide serverSide,
                           List<Finding> findings, Grade grade, List<String> gradeReasons, Optional<Backup> backup) {
        this(connectionId, client, server, mode, protocol, Objects.requireNonNull(clientSide, "clientSide"), serverSide,
                List.copyOf(findings), grade, gradeReasons, backup, null);
    }

    /** A connection whose server has no HA backup. */
    public EffectivePolicy(long connectionId, ClientEnd client, ServerEnd server, Mode mode, Optional<TlsVersion> protocol,
                           ResolvedSide clientSide, ResolvedSide serverSide, List<Finding> findings, Grade grade,
                           List<String> gradeReasons) {
        this(connectionId, client, server, mode, protocol, clientSide, serverSide, findings, grade, gradeReasons, Optional.empty());
    }

    private EffectivePolicy(long connectionId, ClientEnd client, ServerEnd server, Mode mode, Optional<TlsVersion> protocol,
                            @Nullable ResolvedSide clientSide, ResolvedSide serverSide, @Nullable List<Finding> findings,
                            Grade grade, List<String> gradeReasons, Optional<Backup> backup, @Nullable Deferred deferred) {
        this.connectionId = connectionId;
        this.client = Objects.requireNonNull(client, "client");
        this.server = Objects.requireNonNull(server, "server");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.serverSide = Objects.requireNonNull(serverSide, "serverSide");
        this.grade = Objects.requireNonNull(grade, "grade");
        this.gradeReasons = List.copyOf(gradeReasons);
        this.backup = Objects.requireNonNull(backup, "backup");
        this.clientSide = clientSide;
        this.findings = findings;
        this.deferred = deferred;
    }

    /**
     * A connection without HA backup whose client side and findings come from {@code deferred} when
     * first asked for; {@code gradeReasons} is kept as given (callers share one immutable list).
     */
    public static EffectivePolicy deferred(long connectionId, ClientEnd client, ServerEnd server, Mode mode,
                                           Optional<TlsVersion> protocol, ResolvedSide serverSide, Grade grade,
                                           List<String> gradeReasons, Deferred deferred) {
        return new EffectivePolicy(connectionId, client, server, mode, protocol, null, serverSide, null, grade, gradeReasons,
                Optional.empty(), Objects.requireNonNull(deferred, "deferred"));
    }

    public long connectionId() {
        return connectionId;
    }

    public ClientEnd client() {
        return client;
    }

    public ServerEnd server() {
        return server;
    }

    public Mode mode() {
        return mode;
    }

    public Optional<TlsVersion> protocol() {
        return protocol;
    }

    public ResolvedSide clientSide() {
        ResolvedSide side = clientSide;
        if (side == null) {
            side = Objects.requireNonNull(deferred).clientSide();
            clientSide = side;
        }
        return side;
    }

    public ResolvedSide serverSide() {
        return serverSide;
    }

    public List<Finding> findings() {
        List<Finding> list = findings;
        if (list == null) {
            list = List.copyOf(Objects.requireNonNull(deferred).findings());
            findings = list;
        }
        return list;
    }

    public Grade grade() {
        return grade;
    }

    public List<String> gradeReasons() {
        return gradeReasons;
    }

    public Optional<Backup> backup() {
        return backup;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EffectivePolicy that && connectionId == that.connectionId && client.equals(that.client)
                && server.equals(that.server) && mode == that.mode && protocol.equals(that.protocol)
                && clientSide().equals(that.clientSide()) && serverSide.equals(that.serverSide)
                && findings().equals(that.findings()) && grade == that.grade && gradeReasons.equals(that.gradeReasons)
                && backup.equals(that.backup);
    }

    @Override
    public int hashCode() {
        return Objects.hash(connectionId, client, server, mode, protocol, clientSide(), serverSide, findings(), grade,
                gradeReasons, backup);
    }

    @Override
    public String toString() {
        return "EffectivePolicy[connectionId=" + connectionId + ", client=" + client + ", server=" + server + ", mode=" + mode
                + ", protocol=" + protocol + ", clientSide=" + clientSide() + ", serverSide=" + serverSide + ", findings="
                + findings() + ", grade=" + grade + ", gradeReasons=" + gradeReasons + ", backup=" + backup + "]";
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
        return findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
    }

    public long warnings() {
        return findings().stream().filter(f -> f.severity() == Severity.WARNING).count();
    }

    /** True when a finding with this code is present. */
    public boolean has(FindingCode code) {
        for (Finding finding : findings()) {
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
