package dev.tlsconsole.probe;

import static dev.tlsconsole.policy.option.SecurityOption.CERTIFICATE;
import static dev.tlsconsole.policy.option.SecurityOption.SEC_PROTOCOL;
import static dev.tlsconsole.policy.option.SecurityOption.TLS_TARGET_NAME;
import static dev.tlsconsole.policy.option.SecurityOption.TLS_TARGET_NAME_CHECK;
import static dev.tlsconsole.policy.option.SecurityOption.TRUSTED_CA;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.tlsconsole.certificates.facts.PresentedChains;
import dev.tlsconsole.policy.CertificateFacts.NameMatch;
import dev.tlsconsole.policy.CertificateFacts.RevocationState;
import dev.tlsconsole.policy.CertificateFacts.Trust;
import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.Mode;
import dev.tlsconsole.policy.effective.TlsVersion;
import dev.tlsconsole.policy.snapshot.ListeningMode;

/**
 * Compares an observation with the effective policy of the port and of every connection to it. Port
 * findings (plain or TLS, the certificate served, its validity, the protocols accepted) are judged
 * once; what depends on the client (trust, host name, mutual TLS) once per connection, as that client
 * would judge it.
 */
@Component
class ProbeComparison {

    private final PresentedChains chains;

    ProbeComparison(PresentedChains chains) {
        this.chains = chains;
    }

    List<ObservedFinding> compare(ProbeTargets.ProbeTarget target, TlsProber.Observation seen, List<EffectivePolicy> policies) {
        List<ObservedFinding> out = new ArrayList<>();
        String port = target.label() + " (" + target.address().getHostAddress() + ":" + target.port() + ")";
        if (!seen.reachable()) {
            out.add(new ObservedFinding(FindingCode.OBSERVED_UNREACHABLE, port + " did not accept a TCP connection", null));
            return out;
        }
        boolean declaredTls = target.listeningMode() == ListeningMode.SECURE;
        if (declaredTls && !seen.tls()) {
            out.add(new ObservedFinding(FindingCode.OBSERVED_PLAIN_ON_TLS_PORT, port
                    + " is declared SECURE but answered without TLS: the process does not serve the options' tls=1", null));
            return out;
        }
        if (target.listeningMode() == ListeningMode.UNSECURED && seen.tls()) {
            out.add(new ObservedFinding(FindingCode.OBSERVED_TLS_ON_PLAIN_PORT, port
                    + " is declared UNSECURED but completed a TLS handshake: clients connecting in plain text will fail", null));
        }
        if (!seen.tls()) {
            return out;
        }
        Optional<EffectivePolicy> any = policies.stream().findFirst();
        protocols(port, seen, any, out);
        if (seen.chain().isEmpty()) {
            return out;
        }
        String presented = chains.describe(seen.chain()).get(0).sha256Fingerprint();
        any.map(p -> p.serverSide().value(CERTIFICATE)).filter(v -> !v.isBlank()).ifPresent(value ->
                chains.declaredFingerprint(value).filter(declared -> !declared.equalsIgnoreCase(presented)).ifPresent(declared ->
                        out.add(new ObservedFinding(FindingCode.OBSERVED_CERT_NOT_DECLARED, port + " presented the certificate "
                                + presented + ", not the one its options name (certificate=" + value + ", " + declared
                                + "): the file or store was changed without the options, or the other way round", null))));
        PresentedChains.Examination plain = chains.examine(seen.chain(), "", null);
        if (plain.expired() || plain.notYetValid()) {
            out.add(new ObservedFinding(FindingCode.OBSERVED_CERT_EXPIRED, port + " presented a certificate that is "
                    + (plain.expired() ? "expired" : "not yet valid") + " (" + presented + "): clients refuse it", null));
        }
        if (plain.revocation() == RevocationState.REVOKED) {
            out.add(new ObservedFinding(FindingCode.OBSERVED_CERT_REVOKED, port + " presented a certificate its issuer revoked ("
                    + presented + ")", null));
        }
        for (EffectivePolicy policy : policies) {
            perConnection(port, seen, policy, out);
        }
        return out;
    }

    private static void protocols(String port, TlsProber.Observation seen, Optional<EffectivePolicy> policy, List<ObservedFinding> out) {
        Optional<TlsVersion> pinned = policy.flatMap(p -> TlsVersion.fromStrict(p.serverSide().value(SEC_PROTOCOL)));
        List<TlsVersion> refused = seen.protocols().stream()
                .filter(v -> pinned.map(p -> v != p).orElse(v.isObsolete())).toList();
        if (!refused.isEmpty()) {
            String names = refused.stream().map(TlsVersion::name).collect(Collectors.joining(", "));
            out.add(new ObservedFinding(FindingCode.OBSERVED_PROTOCOL_NOT_ALLOWED, port + " accepted " + names + ", which "
                    + pinned.map(p -> "sec-protocol=" + p + " should refuse").orElse("is obsolete and the options do not ask for")
                    + ": the process runs with other protocol settings than declared", null));
        }
    }

    private void perConnection(String port, TlsProber.Observation seen, EffectivePolicy policy, List<ObservedFinding> out) {
        long id = policy.connectionId();
        String client = policy.client().application().name();
        if (policy.mode() == Mode.MUTUAL_TLS && !seen.clientCertificateRequested()) {
            out.add(new ObservedFinding(FindingCode.OBSERVED_CLIENT_CERT_NOT_REQUESTED, port + " did not ask for a client certificate,"
                    + " although the connection from " + client + " is declared mutual (tls-mutual=1)", id));
        }
        if (policy.mode() != Mode.SIMPLE_TLS && policy.mode() != Mode.MUTUAL_TLS) {
            return;
        }
        String trustedCa = policy.clientSide().value(TRUSTED_CA);
        String expected = null;
        if ("host".equals(policy.clientSide().value(TLS_TARGET_NAME_CHECK))) {
            String target = policy.clientSide().value(TLS_TARGET_NAME);
            expected = target.isBlank() ? policy.server().host().name() : target;
        }
        PresentedChains.Examination judged = chains.examine(seen.chain(), trustedCa, expected);
        if (judged.trust() == Trust.UNTRUSTED) {
            out.add(new ObservedFinding(FindingCode.OBSERVED_UNTRUSTED_CHAIN, "The chain " + port + " presented does not lead to a CA of "
                    + client + "'s trusted-ca (" + trustedCa + "): " + client + " will refuse the connection", id));
        }
        if (judged.nameMatch() == NameMatch.MISMATCH) {
            out.add(new ObservedFinding(FindingCode.OBSERVED_HOST_NAME_MISMATCH, "The certificate " + port + " presented does not name '"
                    + expected + "', which " + client + " checks (tls-target-name-check=host)", id));
        }
    }
}
