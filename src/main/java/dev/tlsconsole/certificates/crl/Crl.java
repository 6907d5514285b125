package dev.tlsconsole.certificates.crl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.tlsconsole.certificates.x509.CrlDetails;
import dev.tlsconsole.certificates.x509.RevokedCertificate;

/**
 * A certificate revocation list as the console keeps it: the DER as signed (served unchanged) and its
 * entries as rows, so "is this serial revoked?" is a query. Either published by a console CA or
 * imported for an external CA (then {@link #getIssuerCertificateId()} is the inventory certificate
 * whose key verified it, or null when that CA is not in the inventory).
 */
@Entity
@Table(name = "crl")
public class Crl {

    /** Who made the CRL. */
    public enum Origin {
        /** Signed by a console CA. */
        PUBLISHED,
        /** An external CA's CRL, imported by an operator. */
        IMPORTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long authorityId;
    private String issuer;
    private Long issuerCertificateId;
    private String crlNumber;
    private Instant thisUpdate;
    private Instant nextUpdate;
    private String signatureAlgorithm;
    private String authorityKeyIdentifier;
    private int entryCount;
    private String sha256Fingerprint;
    @Column(name = "der_base64")
    private String derBase64;
    @Enumerated(EnumType.STRING)
    private Origin origin;
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "crl_entry", joinColumns = @JoinColumn(name = "crl_id"))
    private List<CrlEntry> entries = new ArrayList<>();

    @Version
    private long version;

    protected Crl() {
    }

    Crl(CrlDetails details, String sha256Fingerprint, Origin origin, Long authorityId, Long issuerCertificateId, Instant now) {
        this.authorityId = authorityId;
        this.issuer = details.issuer();
        this.issuerCertificateId = issuerCertificateId;
        this.crlNumber = details.crlNumber() == null ? null : details.crlNumber().toString();
        this.thisUpdate = details.thisUpdate();
        this.nextUpdate = details.nextUpdate();
        this.signatureAlgorithm = details.signatureAlgorithm();
        this.authorityKeyIdentifier = details.authorityKeyIdentifier();
        this.entryCount = details.revoked().size();
        this.sha256Fingerprint = Objects.requireNonNull(sha256Fingerprint, "sha256Fingerprint");
        this.derBase64 = Base64.getEncoder().encodeToString(details.der());
        this.origin = Objects.requireNonNull(origin, "origin");
        this.createdAt = now;
        for (RevokedCertificate entry : details.revoked()) {
            entries.add(new CrlEntry(entry.serialHex(), entry.revocationDate(), entry.reason()));
        }
    }

    /** True when {@code at} is past nextUpdate: OpenSSL-based hosts refuse connections then. */
    public boolean staleAt(Instant at) {
        return nextUpdate != null && at.isAfter(nextUpdate);
    }

    public Long getId() {
        return id;
    }

    public Long getAuthorityId() {
        return authorityId;
    }

    public String getIssuer() {
        return issuer;
    }

    public Long getIssuerCertificateId() {
        return issuerCertificateId;
    }

    /** Decimal, as {@code openssl crl -text} prints it; null when the CRL has no number. */
    public String getCrlNumber() {
        return crlNumber;
    }

    public Instant getThisUpdate() {
        return thisUpdate;
    }

    public Instant getNextUpdate() {
        return nextUpdate;
    }

    public String getSignatureAlgorithm() {
        return signatureAlgorithm;
    }

    public String getAuthorityKeyIdentifier() {
        return authorityKeyIdentifier;
    }

    public int getEntryCount() {
        return entryCount;
    }

    public String getSha256Fingerprint() {
        return sha256Fingerprint;
    }

    public byte[] der() {
        return Base64.getDecoder().decode(derBase64);
    }

    public Origin getOrigin() {
        return origin;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public List<CrlEntry> getEntries() {
        return List.copyOf(entries);
    }

    public long getVersion() {
        return version;
    }

    @Override
    public String toString() {
        return "Crl[id=" + id + ", issuer=" + issuer + ", number=" + crlNumber + ", entries=" + entryCount + "]";
    }
}
