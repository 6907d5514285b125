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
 * @param maxIntermediates the most non-self-issued intermediates allowed; null for the JDK default (5)
 */
public record ValidationRequest(List<String> chainPem, List<String> trustedPem, String hostname, Instant at,
                                List<String> crlsPem, Purpose purpose, Integer maxIntermediates) {

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
            throw new PkiInputException("maxIntermediates must be 0 or more, not " + maxIntermediates);
        }
    }

    /** The API's request: a server chain checked as a TLS client would. */
    public static ValidationRequest server(List<String> chainPem, List<String> trustedPem, String hostname, Instant at,
                                           List<String> crlsPem) {
        return new ValidationRequest(chainPem, trustedPem, hostname, at, crlsPem, Purpose.SERVER, null);
    }
}
