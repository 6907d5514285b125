package dev.tlsconsole.certificates.inventory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.tlsconsole.certificates.x509.CertificateDetails;
import dev.tlsconsole.certificates.x509.RevocationReason;

/**
 * A certificate of the inventory: the DER as issued, the fields lists and searches use (extracted
 * once), the chain above it, and — when the console holds it — the private key sealed under the
 * key-encryption key. Revocation is recorded here for certificates of console CAs (authoritative) and
 * for certificates listed in an imported CRL of their issuer.
 */
@Entity
@Table(name = "certificate")
public class StoredCertificate {

    /** Where a recorded revocation comes from. */
    public enum RevocationSource {
        /** Revoked through a console CA: it stays on that CA's CRLs. */
        AUTHORITY,
        /** Listed in the latest imported CRL of its (external) issuer. */
        CRL
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    private String subject;
    private String issuer;
    private String serialNumber;
    private Instant notBefore;
    private Instant notAfter;
    private String keyAlgorithm;
    private int keySize;
    private String signatureAlgorithm;
    private String sha1Thumbprint;
    private String sha256Fingerprint;
    private String subjectAlternativeNames;
    private String keyUsage;
    private String extendedKeyUsage;
    @Column(name = "is_ca")
    private boolean ca;
    private boolean selfSigned;
    private String subjectKeyIdentifier;
    private String authorityKeyIdentifier;
    @Column(name = "der_base64")
    private String derBase64;
    private String privateKeySealed;
    @Enumerated(EnumType.STRING)
    private CertificateOrigin origin;
    private Long issuedByAuthorityId;
    private Instant revokedAt;
    @Enumerated(EnumType.STRING)
    private RevocationReason revocationReason;
    @Enumerated(EnumType.STRING)
    private RevocationSource revocationSource;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "certificate_chain_element", joinColumns = @JoinColumn(name = "certificate_id"))
    @OrderColumn(name = "chain_index")
    private List<ChainElement> chain = new ArrayList<>();

    private Instant createdAt;

    @Version
    private long version;

    protected StoredCertificate() {
    }

    /**
     * @param privateKeySealed the key sealed with the fingerprint as associated data, or null
     * @param issuers          the certificates above this one, nearest issuer first
     */
    StoredCertificate(String name, CertificateDetails details, List<CertificateDetails> issuers, String privateKeySealed,
            CertificateOrigin origin, Long issuedByAuthorityId, Instant now) {
        this.name = Objects.requireNonNull(name, "name");
        this.subject = details.subject();
        this.issuer = details.issuer();
        this.serialNumber = details.serialNumber();
        this.notBefore = details.notBefore();
        this.notAfter = details.notAfter();
        this.keyAlgorithm = details.keyAlgorithm();
        this.keySize = details.keySize();
        this.signatureAlgorithm = details.signatureAlgorithm();
        this.sha1Thumbprint = details.sha1Thumbprint();
        this.sha256Fingerprint = details.sha256Fingerprint();
        this.subjectAlternativeNames = String.join("\n", details.subjectAlternativeNames());
        this.keyUsage = String.join(",", details.keyUsage());
        this.extendedKeyUsage = String.join(",", details.extendedKeyUsage());
        this.ca = details.ca();
        this.selfSigned = details.selfSigned();
        this.subjectKeyIdentifier = details.subjectKeyIdentifier();
        this.authorityKeyIdentifier = details.authorityKeyIdentifier();
        this.derBase64 = Base64.getEncoder().encodeToString(details.der());
        this.privateKeySealed = privateKeySealed;
        this.origin = Objects.requireNonNull(origin, "origin");
        this.issuedByAuthorityId = issuedByAuthorityId;
        for (CertificateDetails above : issuers) {
            chain.add(new ChainElement(above.subject(), above.sha1Thumbprint(), above.sha256Fingerprint(),
                    Base64.getEncoder().encodeToString(above.der())));
        }
        this.createdAt = now;
    }

    /** Validity and revocation at {@code now}; revocation wins once its date has come. */
    public CertificateStatus statusAt(Instant now) {
        if (revokedAt != null && !revokedAt.isAfter(now)) {
            return CertificateStatus.REVOKED;
        }
        if (now.isBefore(notBefore)) {
            return CertificateStatus.NOT_YET_VALID;
        }
        return now.isAfter(notAfter) ? CertificateStatus.EXPIRED : CertificateStatus.VALID;
    }

    void rename(String newName) {
        this.name = Objects.requireNonNull(newName, "newName");
    }

    /** Records a revocation by a console CA; revoking twice is refused by the caller. */
    void revokeByAuthority(Instant at, RevocationReason reason) {
        this.revokedAt = at;
        this.revocationReason = reason;
        this.revocationSource = RevocationSource.AUTHORITY;
    }

    /**
     * Follows the latest CRL of an external issuer: listed = revoked as the CRL says, not listed = no
     * longer revoked (a certificateHold lifted). Revocations by a console CA are never touched here.
     */
    boolean followExternalCrl(Instant revocationDate, RevocationReason reason) {
        if (revocationSource == RevocationSource.AUTHORITY) {
            return false;
        }
        boolean changed = !Objects.equals(revokedAt, revocationDate) || revocationReason != reason
                || revocationSource != (revocationDate == null ? null : RevocationSource.CRL);
        this.revokedAt = revocationDate;
        this.revocationReason = reason;
        this.revocationSource = revocationDate == null ? null : RevocationSource.CRL;
        return changed;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getSubject() {
        return subject;
    }

    public String getIssuer() {
        return issuer;
    }

    public String getSerialNumber() {
        return serialNumber;
    }

    public Instant getNotBefore() {
        return notBefore;
    }

    public Instant getNotAfter() {
        return notAfter;
    }

    public String getKeyAlgorithm() {
        return keyAlgorithm;
    }

    public int getKeySize() {
        return keySize;
    }

    public String getSignatureAlgorithm() {
        return signatureAlgorithm;
    }

    public String getSha1Thumbprint() {
        return sha1Thumbprint;
    }

    public String getSha256Fingerprint() {
        return sha256Fingerprint;
    }

    public List<String> getSubjectAlternativeNames() {
        return split(subjectAlternativeNames, "\n");
    }

    public List<String> getKeyUsage() {
        return split(keyUsage, ",");
    }

    public List<String> getExtendedKeyUsage() {
        return split(extendedKeyUsage, ",");
    }

    public boolean isCa() {
        return ca;
    }

    public boolean isSelfSigned() {
        return selfSigned;
    }

    public String getSubjectKeyIdentifier() {
        return subjectKeyIdentifier;
    }

    public String getAuthorityKeyIdentifier() {
        return authorityKeyIdentifier;
    }

    /** The certificate as issued. */
    public byte[] der() {
        return Base64.getDecoder().decode(derBase64);
    }

    public boolean hasPrivateKey() {
        return privateKeySealed != null;
    }

    /** The sealed key (base64), for {@code KeySealing.open} with the fingerprint; null when there is none. */
    String privateKeySealed() {
        return privateKeySealed;
    }

    public CertificateOrigin getOrigin() {
        return origin;
    }

    public Long getIssuedByAuthorityId() {
        return issuedByAuthorityId;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public RevocationReason getRevocationReason() {
        return revocationReason;
    }

    public RevocationSource getRevocationSource() {
        return revocationSource;
    }

    public List<ChainElement> getChain() {
        return List.copyOf(chain);
    }

    /** DER of the chain elements above the leaf, nearest issuer first. */
    public List<byte[]> chainDer() {
        return chain.stream().map(element -> Base64.getDecoder().decode(element.derBase64())).toList();
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }

    private static List<String> split(String joined, String separator) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(separator));
    }

    /** Identifies the certificate; never prints key material. */
    @Override
    public String toString() {
        return "StoredCertificate[id=" + id + ", name=" + name + ", subject=" + subject + ", sha256=" + sha256Fingerprint
                + ", privateKey=" + (privateKeySealed == null ? "absent" : "sealed") + "]";
    }
}
