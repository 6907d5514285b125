package dev.tlsconsole.certificates.x509;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A CRL as the console stores and shows it, whether the console signed it or imported it.
 *
 * @param issuer                 RFC 2253 name of the issuing CA
 * @param crlNumber              the CRL number extension, null when the CRL has none
 * @param nextUpdate             null when the CRL has none (RFC 5280 requires it; imports refuse that)
 * @param authorityKeyIdentifier hex, null when absent
 * @param der                    the CRL as stored and served ({@code application/pkix-crl})
 */
public record CrlDetails(String issuer, BigInteger crlNumber, Instant thisUpdate, Instant nextUpdate,
                         List<RevokedCertificate> revoked, String signatureAlgorithm, String authorityKeyIdentifier,
                         byte[] der) {

    public CrlDetails {
        revoked = List.copyOf(revoked);
        der = der.clone();
    }

    /** The CRL as PEM ({@code -----BEGIN X509 CRL-----}). */
    public String pem() {
        return PemExporter.pem("X509 CRL", der);
    }

    /** The entry for {@code serialNumber}, if that certificate is revoked by this CRL. */
    public Optional<RevokedCertificate> entryFor(BigInteger serialNumber) {
        return revoked.stream().filter(entry -> entry.serialNumber().equals(serialNumber)).findFirst();
    }

    /** True when {@code at} is past nextUpdate: clients may refuse it and the finding CRL_STALE applies. */
    public boolean staleAt(Instant at) {
        return nextUpdate != null && at.isAfter(nextUpdate);
    }

    @Override
    public byte[] der() {
        return der.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CrlDetails that && Arrays.equals(der, that.der);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(der);
    }

    @Override
    public String toString() {
        return "CrlDetails[issuer=" + issuer + ", crlNumber=" + crlNumber + ", thisUpdate=" + thisUpdate
                + ", nextUpdate=" + nextUpdate + ", revoked=" + revoked.size() + "]";
    }
}
