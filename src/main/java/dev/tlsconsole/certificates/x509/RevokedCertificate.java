package dev.tlsconsole.certificates.x509;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/** One CRL entry: which certificate (by serial), since when, and why. */
public record RevokedCertificate(BigInteger serialNumber, Instant revocationDate, RevocationReason reason) {

    public RevokedCertificate {
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(revocationDate, "revocationDate");
        Objects.requireNonNull(reason, "reason");
    }

    /** The serial as upper-case hex, the spelling used everywhere else. */
    public String serialHex() {
        return CertificateIds.serialHex(serialNumber);
    }
}
