package dev.tlsconsole.certificates.crl;

import java.time.Instant;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import dev.tlsconsole.certificates.x509.RevocationReason;

/** One revoked serial of a stored CRL (upper-case hex, as everywhere else). */
@Embeddable
public class CrlEntry {

    private String serialNumber;
    private Instant revocationDate;
    @Enumerated(EnumType.STRING)
    private RevocationReason reason;

    protected CrlEntry() {
    }

    CrlEntry(String serialNumber, Instant revocationDate, RevocationReason reason) {
        this.serialNumber = serialNumber;
        this.revocationDate = revocationDate;
        this.reason = reason;
    }

    public String serialNumber() {
        return serialNumber;
    }

    public Instant revocationDate() {
        return revocationDate;
    }

    public RevocationReason reason() {
        return reason;
    }
}
