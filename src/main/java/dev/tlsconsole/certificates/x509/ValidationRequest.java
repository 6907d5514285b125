package dev.tlsconsole.certificates.x509;

import java.time.Instant;
import java.util.List;

/**
 * A chain to check as a TLS peer would.
 *
 * @param chainPem         the leaf first, then untrusted intermediates; each entry may hold several PEM certificates
 * @param trustedPem       trusted root (or intermediate) certificates: the peer's {@code trusted-ca}
 * @param hostname         the name the client connects to (host name or IP literal); null skips the host-name check
 * @param at               the validation time; null means "now" by the validator's clock
 * @param crlsPem          CRLs to check revocation against; empty disables revocation checking (no OCSP, no network)
 * @param purpose          which side presents the chain; decides the EKU required of the leaf
 * @param maxIntermediates the most non-self-issued intermediates allowed (API: {@code maxChainDepth}); null for the
 *                         validator's default; more than {@link #MAX_CHAIN_DEPTH} counts as that
 * @param keyUsage         key usages the leaf must allow (RFC 5280 names, e.g. {@code digitalSignature}); empty: TLS's
 * @param extendedKeyUsage extended key usages the leaf (and any intermediate that restricts EKU) must allow, by name
 *                         ({@code serverAuth}) or dotted OID; empty: the one of {@code purpose}
 * @param peerNames        further names the leaf must be valid for (besides {@code hostname})
 */
public record ValidationRequest(List<String> chainPem, List<String> trustedPem, String hostname, Instant at,
                                List<String> crlsPem, Purpose purpose, Integer maxIntermediates, List<String> keyUsage,
                                List<String> extendedKeyUsage, List<PeerName> peerNames) {

    /** The deepest chain a request may ask for; deeper ones are never built. */
    public static final int MAX_CHAIN_DEPTH = 16;

    /** Which TLS side presents the chain. */
    public enum Purpose {
        /** A server certificate checked by a client: EKU serverAuth, not a CA, host name. */
        SERVER,
        /** A client certificate checked by a server under mutual TLS: EKU clientAuth. */
        CLIENT
    }

    public ValidationRequest {
        chainPem = chainPem == null ? List.of() : List.copyOf(chainPem);
        trustedPem = trustedPem == null ? List.of() : List.copyOf(trustedPem);
        crlsPem = crlsPem == null ? List.of() : List.copyOf(crlsPem);
        purpose = purpose == null ? Purpose.SERVER : purpose;
        hostname = hostname == null || hostname.isBlank() ? null : hostname.trim();
        if (maxIntermediates != null && maxIntermediates < 0) {
            throw new PkiInputException("maxChainDepth: must be 0 or more, not " + maxIntermediates);
        }
        if (maxIntermediates != null && maxIntermediates > MAX_CHAIN_DEPTH) {
            maxIntermediates = MAX_CHAIN_DEPTH; // no path is ever built deeper, whatever is asked
        }
        keyUsage = keyUsage == null ? List.of() : List.copyOf(keyUsage);
        extendedKeyUsage = extendedKeyUsage == null ? List.of() : List.copyOf(extendedKeyUsage);
        peerNames = peerNames == null ? List.of() : List.copyOf(peerNames);
        KeyUsages.requireKnown(keyUsage);
        KeyUsages.requireKnownExtended(extendedKeyUsage);
    }

    /** The request without the optional usage and peer-name additions. */
    public ValidationRequest(List<String> chainPem, List<String> trustedPem, String hostname, Instant at,
                             List<String> crlsPem, Purpose purpose, Integer maxIntermediates) {
        this(chainPem, trustedPem, hostname, at, crlsPem, purpose, maxIntermediates, List.of(), List.of(), List.of());
    }

    /** The API's request: a server chain checked as a TLS client would. */
    public static ValidationRequest server(List<String> chainPem, List<String> trustedPem, String hostname, Instant at,
                                           List<String> crlsPem) {
        return new ValidationRequest(chainPem, trustedPem, hostname, at, crlsPem, Purpose.SERVER, null);
    }

    /** The EKU OIDs the leaf must carry (when it has an EKU extension at all). */
    List<String> requiredExtendedKeyUsageOids() {
        if (!extendedKeyUsage.isEmpty()) {
            return extendedKeyUsage.stream().map(KeyUsages::extendedOid).toList();
        }
        return List.of(purpose == Purpose.SERVER ? LeafChecks.SERVER_AUTH : LeafChecks.CLIENT_AUTH);
    }

    /** Every name the leaf must be valid for: {@code hostname} (as DNS or IP) and {@code peerNames}. */
    List<PeerName> allPeerNames() {
        List<PeerName> names = new java.util.ArrayList<>();
        if (hostname != null) {
            names.add(PeerName.ofHost(hostname));
        }
        names.addAll(peerNames);
        return names;
    }
}
