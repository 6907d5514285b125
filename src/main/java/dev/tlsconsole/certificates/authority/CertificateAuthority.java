package dev.tlsconsole.certificates.authority;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.tlsconsole.certificates.x509.KeyAlgorithm;

/**
 * A CA run by the console. Its certificate is in the inventory ({@link #getCertificateId()}); its private
 * key is only here, sealed under the key-encryption key with {@code ca:<fingerprint>} as associated
 * data, and is never exported. It numbers its CRLs (RFC 5280 §5.2.3: monotonically increasing).
 */
@Entity
@Table(name = "certificate_authority")
public class CertificateAuthority {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    private Long certificateId;
    private Long parentId;
    @Enumerated(EnumType.STRING)
    private KeyAlgorithm keyAlgorithm;
    private String privateKeySealed;
    private long lastCrlNumber;
    private String crlDistributionUrl;
    private int crlValidityHours;
    private Instant createdAt;

    @Version
    private long version;

    protected CertificateAuthority() {
    }

    CertificateAuthority(String name, long certificateId, Long parentId, KeyAlgorithm keyAlgorithm, String privateKeySealed,
            String crlDistributionUrl, Duration crlValidity, Instant now) {
        this.name = Objects.requireNonNull(name, "name");
        this.certificateId = certificateId;
        this.parentId = parentId;
        this.keyAlgorithm = Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
        this.privateKeySealed = Objects.requireNonNull(privateKeySealed, "privateKeySealed");
        this.crlDistributionUrl = crlDistributionUrl;
        this.crlValidityHours = Math.toIntExact(crlValidity.toHours());
        this.createdAt = now;
    }

    /** Takes the next CRL number; the counter only moves forward, even if the CRL is not saved. */
    BigInteger takeNextCrlNumber() {
        lastCrlNumber++;
        return BigInteger.valueOf(lastCrlNumber);
    }

    void change(String newName, String newCrlDistributionUrl, Duration newCrlValidity) {
        this.name = Objects.requireNonNull(newName, "newName");
        this.crlDistributionUrl = newCrlDistributionUrl;
        this.crlValidityHours = Math.toIntExact(newCrlValidity.toHours());
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Long getCertificateId() {
        return certificateId;
    }

    public Long getParentId() {
        return parentId;
    }

    public KeyAlgorithm getKeyAlgorithm() {
        return keyAlgorithm;
    }

    String privateKeySealed() {
        return privateKeySealed;
    }

    public long getLastCrlNumber() {
        return lastCrlNumber;
    }

    public String getCrlDistributionUrl() {
        return crlDistributionUrl;
    }

    public Duration getCrlValidity() {
        return Duration.ofHours(crlValidityHours);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "CertificateAuthority[id=" + id + ", name=" + name + ", certificateId=" + certificateId + ", key sealed]";
    }
}
