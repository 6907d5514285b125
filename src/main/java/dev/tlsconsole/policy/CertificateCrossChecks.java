package dev.tlsconsole.policy;

import static dev.tlsconsole.policy.option.SecurityOption.CERTIFICATE;
import static dev.tlsconsole.policy.option.SecurityOption.TLS_CRL;
import static dev.tlsconsole.policy.option.SecurityOption.TLS_TARGET_NAME;
import static dev.tlsconsole.policy.option.SecurityOption.TRUSTED_CA;

import dev.tlsconsole.policy.CertificateFacts.KnownCertificate;
import dev.tlsconsole.policy.CertificateFacts.NameMatch;
import dev.tlsconsole.policy.CertificateFacts.Revocation;
import dev.tlsconsole.policy.CertificateFacts.RevocationState;
import dev.tlsconsole.policy.CertificateFacts.Trust;
import dev.tlsconsole.policy.effective.Finding;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.Mode;
import dev.tlsconsole.policy.effective.ResolvedOption;
import dev.tlsconsole.policy.effective.ResolvedSide;
import dev.tlsconsole.policy.effective.Side;
import dev.tlsconsole.policy.snapshot.ObjectRef;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Certificate checks that need both sides: does the checking side trust the peer's certificate, does
 * the server certificate carry the expected name, is the peer certificate revoked, is the checking
 * side's CRL stale. Only asked when the console knows the certificate.
 */
final class CertificateCrossChecks {

    private CertificateCrossChecks() {
    }

    static void check(ResolutionRun run, ServerSide server, ClientProfile client, ResolvedSide clientSide, Mode authMode,
                      FindingList out) {
        boolean clientKnown = authMode == Mode.MUTUAL_TLS && run.clientCertificate(client).isPresent();
        if (server.certificate().isEmpty() && !clientKnown) {
            return;
        }
        String serverName = Describe.object(server.end().port());
        String clientName = Describe.object(client.end.application());
        if (server.certificate().isPresent()) {
            KnownCertificate certificate = server.certificate().get();
            ResolvedOption option = server.side().get(CERTIFICATE);
            if (authMode != Mode.ENCRYPTION_ONLY && !client.clientAuthOff) {
                trust(run, clientSide.get(TRUSTED_CA), certificate, clientName, serverName, Side.CLIENT, out);
                if (client.hostCheck) {
                    ResolvedOption target = clientSide.get(TLS_TARGET_NAME);
                    String expected = target.hasValue() && !packBefore(client, TARGET_NAME_PACK) ? target.value()
                            : server.host().host().name();
                    NameMatch match = run.facts.matchesName(certificate, expected);
                    if (match == NameMatch.MATCH && packBefore(client, SAN_PACK) && !namedInSubject(certificate, expected)) {
                        // reference §8 D1 (ADV newest revision, SAN certificates): SAN matching needs the client's pack 8.5.100.25
                        out.add(Finding.of(FindingCode.HOST_NAME_MISMATCH, Side.LINK, client.host.ref(),
                                "The certificate of " + serverName + " (" + certificate.subject() + ") names '" + expected
                                        + "' only in its SAN, which " + clientName + " reads only from Security Pack "
                                        + SAN_PACK + " on (" + Describe.object(client.host.ref()) + " has "
                                        + client.host.pack().orElseThrow() + "): upgrade the Security Pack on "
                                        + Describe.object(client.host.ref()) + ", or issue a certificate with '" + expected
                                        + "' as its subject CN"));
                    } else if (match == NameMatch.MISMATCH) {
                        out.add(Finding.of(FindingCode.HOST_NAME_MISMATCH, Side.LINK, option.source().orElseThrow(),
                                "The certificate of " + serverName + " (" + certificate.subject() + ") does not name '" + expected
                                        + "', which " + clientName + " checks (tls-target-name-check=host): issue one with '"
                                        + expected + "' in its subject or SAN, or set tls-target-name on the client"));
                    }
                }
            }
            revocation(run, clientSide.get(TLS_CRL), certificate, option, serverName, Side.SERVER, Side.CLIENT,
                    client.end.application(), clientName, out);
        }
        if (clientKnown) {
            KnownCertificate certificate = run.clientCertificate(client).get();
            trust(run, server.side().get(TRUSTED_CA), certificate, serverName, clientName, Side.SERVER, out);
            revocation(run, server.side().get(TLS_CRL), certificate, clientSide.get(CERTIFICATE), clientName,
                    Side.CLIENT, Side.SERVER, server.end().port(), serverName, out);
        }
    }

    /** From this client Security Pack on, a host name may match through a SAN (reference §8 D1). */
    static final Version SAN_PACK = Version.parse("8.5.100.25");
    /** From this client UNIX Security Pack on, tls-target-name is read (reference §8 D2). */
    static final Version TARGET_NAME_PACK = Version.parse("8.5.100.23");

    /** True when the host is UNIX with a known Security Pack older than {@code version}; an unknown pack is not guessed. */
    static boolean packBefore(HostInfo host, Version version) {
        return !host.windows() && host.pack().isPresent() && !host.pack().get().isAtLeast(version);
    }

    /**
     * As {@link #packBefore(HostInfo, Version)} for a client; a Java (Platform SDK) client runs JSSE, not the
     * Security Pack, so the pack's name features do not limit it (reference §1 table, IMP).
     */
    static boolean packBefore(ClientProfile client, Version version) {
        return !TlsStack.java(client.application()) && packBefore(client.host, version);
    }

    /** True when the subject's CN is the expected name (case-insensitive), so no SAN is needed to match. */
    private static boolean namedInSubject(KnownCertificate certificate, String expected) {
        try {
            for (Rdn rdn : new LdapName(certificate.subject()).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType()) && expected.equalsIgnoreCase(String.valueOf(rdn.getValue()))) {
                    return true;
                }
            }
            return false;
        } catch (InvalidNameException e) {
            // a subject that is not a distinguished name cannot name the host
            return false;
        }
    }

    /**
     * TARGET_NAME_NEEDS_PACK: tls-target-name acts only with the host check, from the client's pack 8.5.100.23
     * (§8 D2); {@link PairVerdict} decides when it applies.
     */
    static Finding targetNamePack(ClientProfile client, ResolvedOption target) {
        return Finding.of(FindingCode.TARGET_NAME_NEEDS_PACK, Side.CLIENT, client.host.ref(), Describe.setting(target) + " "
                + Describe.at(target) + " is ignored: " + Describe.object(client.host.ref()) + " has Security Pack "
                + client.host.pack().orElseThrow() + " and tls-target-name needs " + TARGET_NAME_PACK
                + ", so the client checks the server's host name instead: upgrade the Security Pack on "
                + Describe.object(client.host.ref()));
    }

    private static void trust(ResolutionRun run, ResolvedOption ca, KnownCertificate peer, String checker, String owner,
                              Side side, FindingList out) {
        if (ca.hasValue() && run.facts.trust(ca.value(), peer) == Trust.UNTRUSTED) {
            out.add(Finding.of(FindingCode.UNTRUSTED_ISSUER, side, ca.source().orElseThrow(), Describe.setting(ca) + " "
                    + Describe.at(ca) + ", which " + checker + " uses to check " + owner
                    + ", does not lead to the issuer of its certificate (" + peer.subject()
                    + "): set trusted-ca to the CA that issued it, or use a certificate from that CA"));
        }
    }

    /**
     * GENESYS-TLS-REFERENCE.md §8 B1: a side checks revocation only when it resolves a CRL ({@code tls-crl}).
     * A revoked peer certificate is an error only when the checker's own CRL lists it; when the checker
     * has no CRL, Genesys does not check, the link comes up, and it is a warning that names where to set it.
     */
    private static void revocation(ResolutionRun run, ResolvedOption crl, KnownCertificate peer, ResolvedOption peerOption,
                                   String owner, Side peerSide, Side checkerSide, ObjectRef checker, String checkerName,
                                   FindingList out) {
        Revocation status = run.facts.revocation(peer, crl.hasValue() ? Optional.of(crl.value()) : Optional.empty());
        if (status.state() == RevocationState.REVOKED) {
            if (crl.hasValue()) {
                out.add(Finding.of(FindingCode.CERT_REVOKED, peerSide, peerOption.source().orElseThrow(), "The certificate of "
                        + owner + " (" + peer.subject() + ") is revoked in " + status.crlName() + ", which " + checkerName
                        + " checks (" + Describe.setting(crl) + "): replace it"));
            } else {
                out.add(Finding.of(FindingCode.CERT_REVOKED_UNCHECKED, checkerSide, checker, "The certificate of " + owner
                        + " (" + peer.subject() + ") is revoked in " + status.crlName() + " but not checked: "
                        + checkerName + " has no tls-crl, so it accepts it and the link comes up; set tls-crl "
                        + Describe.at(checker) + " (and replace the certificate)"));
            }
        }
        if (crl.hasValue() && status.crlNextUpdate().isPresent() && run.now.isAfter(status.crlNextUpdate().get())) {
            out.add(Finding.of(FindingCode.CRL_STALE, checkerSide, crl.source().orElseThrow(), Describe.setting(crl) + " "
                    + Describe.at(crl) + " names a CRL that was due for renewal on " + status.crlNextUpdate().get()
                    + ": publish a fresh CRL and deploy it"));
        }
    }
}
