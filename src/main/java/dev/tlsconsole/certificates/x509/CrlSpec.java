package dev.tlsconsole.certificates.x509;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The content of a CRL to sign.
 *
 * @param crlNumber  monotonically increasing per CA (RFC 5280 §5.2.3); the caller keeps the counter
 * @param thisUpdate when the CRL is issued (normally "now")
 * @param nextUpdate when clients should fetch the next one; must be after {@code thisUpdate}
 */
public record CrlSpec(BigInteger crlNumber, Instant thisUpdate, Instant nextUpdate, List<RevokedCertificate> revoked) {

    public CrlSpec {
        Objects.requireNonNull(crlNumber, "crlNumber");
        Objects.requireNonNull(thisUpdate, "thisUpdate");
        Objects.requireNonNull(nextUpdate, "nextUpdate");
        revoked = List.copyOf(revoked);
    }
}
