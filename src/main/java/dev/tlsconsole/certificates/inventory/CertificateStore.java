package dev.tlsconsole.certificates.inventory;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.tlsconsole.ConflictException;
import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.NotFoundException;
import dev.tlsconsole.certificates.CertificateChanges;
import dev.tlsconsole.certificates.KeySealing;
import dev.tlsconsole.certificates.x509.CertificateDetails;
import dev.tlsconsole.certificates.x509.CertificateParser;
import dev.tlsconsole.certificates.x509.RevocationReason;
import dev.tlsconsole.certificates.x509.RevokedCertificate;

/**
 * The inventory as other parts of the certificates feature use it (import, the CAs, CRL import,
 * assignment): adding certificates under the inventory's rules, loading them back as X.509 objects,
 * opening their keys, recording revocations. It carries no role checks — every caller is a service
 * that carries its own — and joins the caller's transaction.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class CertificateStore {

    /** Column limits of the {@code certificate} table, checked before writing so the user gets a 400, not a 500. */
    static final int MAX_NAME = 200;
    private static final int MAX_SUBJECT = 1000;
    private static final int MAX_DER_BASE64 = 100_000;
    private static final int MAX_SANS = 100_000;

    private final CertificateRepository certificates;
    private final KeySealing sealing;
    private final CertificateParser parser;
    private final CertificateChanges changes;
    private final Clock clock;

    CertificateStore(CertificateRepository certificates, KeySealing sealing, CertificateParser parser, CertificateChanges changes,
            Clock clock) {
        this.certificates = certificates;
        this.sealing = sealing;
        this.parser = parser;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * Adds a certificate with its chain and sealed key.
     *
     * @throws InvalidInputException a name that is taken or too long, a certificate too large to store
     * @throws ConflictException     the same certificate (SHA-256 fingerprint) is already in the inventory
     */
    public StoredCertificate add(NewCertificate command) {
        CertificateDetails leaf = CertificateDetails.of(command.chain().get(0));
        certificates.findBySha256Fingerprint(leaf.sha256Fingerprint()).ifPresent(existing -> {
            throw new ConflictException("This certificate is already in the inventory as '" + existing.getName() + "' (id "
                    + existing.getId() + ")", Map.of("existingId", existing.getId(), "existingName", existing.getName()));
        });
        requireStorable(leaf);
        String name = command.name() == null || command.name().isBlank() ? uniqueName(leaf) : checkedName(command.name().strip(), null);
        List<CertificateDetails> issuers = new ArrayList<>();
        for (X509Certificate issuer : command.chain().subList(1, command.chain().size())) {
            CertificateDetails details = CertificateDetails.of(issuer);
            requireStorable(details);
            issuers.add(details);
        }
        String sealed = command.privateKey().map(key -> sealing.seal(key, leaf.sha256Fingerprint())).orElse(null);
        StoredCertificate stored = new StoredCertificate(name, leaf, issuers, sealed, command.origin(),
                command.issuedByAuthorityId(), clock.instant());
        certificates.saveAndFlush(stored);
        changes.changed();
        return stored;
    }

    /** The certificate with {@code id}, or a 404. */
    public StoredCertificate require(long id) {
        return certificates.findById(id).orElseThrow(() -> NotFoundException.of("Certificate", id));
    }

    public Optional<StoredCertificate> find(long id) {
        return certificates.findById(id);
    }

    /** Certificates whose subject is exactly {@code subject} (RFC 2253): the candidates for an issuer. */
    public List<StoredCertificate> findBySubject(String subject) {
        return certificates.findBySubject(subject);
    }

    public Optional<StoredCertificate> findByName(String name) {
        return certificates.findByName(name);
    }

    /** The inventory's view of {@code certificate} at the current time. */
    public CertificateView view(StoredCertificate certificate) {
        return CertificateView.of(certificate, clock.instant());
    }

    /** The certificate as an X.509 object. */
    public X509Certificate x509(StoredCertificate certificate) {
        return parser.parse(certificate.der(), null).leaf();
    }

    /** The leaf followed by its stored chain (nearest issuer first). */
    public List<X509Certificate> chain(StoredCertificate certificate) {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(x509(certificate));
        for (byte[] der : certificate.chainDer()) {
            chain.add(parser.parse(der, null).leaf());
        }
        return chain;
    }

    /** Opens the sealed private key; empty when the console holds none. Callers guard who may use it. */
    public Optional<PrivateKey> privateKey(StoredCertificate certificate) {
        return Optional.ofNullable(certificate.privateKeySealed())
                .map(sealed -> sealing.open(sealed, certificate.getSha256Fingerprint()));
    }

    /** Certificates issued by a console CA and revoked through it: the entries of its next CRL. */
    public List<StoredCertificate> revokedBy(long authorityId) {
        return certificates.findByIssuedByAuthorityIdAndRevokedAtIsNotNull(authorityId);
    }

    public long countIssuedBy(long authorityId) {
        return certificates.countByIssuedByAuthorityId(authorityId);
    }

    /** Records that a console CA revoked {@code certificate}. */
    public void revokeByAuthority(StoredCertificate certificate, Instant at, RevocationReason reason) {
        certificate.revokeByAuthority(at, reason);
        certificates.flush();
        changes.changed();
    }

    /**
     * Applies an external CA's latest CRL to the certificates it issued that are in the inventory
     * (matched by issuer name and serial).
     *
     * @param entries CRL entries by upper-case hex serial
     * @return how many certificates changed status
     */
    public int followExternalCrl(String issuer, Map<String, RevokedCertificate> entries) {
        int changed = 0;
        for (StoredCertificate certificate : certificates.findByIssuerAndIssuedByAuthorityIdIsNull(issuer)) {
            RevokedCertificate entry = entries.get(certificate.getSerialNumber());
            if (certificate.followExternalCrl(entry == null ? null : entry.revocationDate(),
                    entry == null ? null : entry.reason())) {
                changed++;
            }
        }
        certificates.flush();
        changes.changed();
        return changed;
    }

    /** Checks a name the user typed: not blank, not too long, not taken by another certificate. */
    String checkedName(String name, Long exceptId) {
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw InvalidInputException.of("name", "must be 1 to " + MAX_NAME + " characters");
        }
        boolean taken = exceptId == null ? certificates.existsByName(name) : certificates.existsByNameAndIdNot(name, exceptId);
        if (taken) {
            throw InvalidInputException.of("name", "'" + name + "' is already the name of another certificate");
        }
        return name;
    }

    /** A readable default name: the CN (or first SAN), with a fingerprint prefix when that name is taken. */
    private String uniqueName(CertificateDetails details) {
        String base = commonName(details.subject())
                .or(() -> details.subjectAlternativeNames().stream().findFirst().map(san -> san.substring(san.indexOf(':') + 1)))
                .orElse("certificate");
        base = base.length() > MAX_NAME - 20 ? base.substring(0, MAX_NAME - 20) : base;
        if (!certificates.existsByName(base)) {
            return base;
        }
        return base + " (" + details.sha256Fingerprint().substring(0, 12) + ")";
    }

    private static Optional<String> commonName(String subject) {
        try {
            List<Rdn> rdns = new LdapName(subject).getRdns();
            for (int i = rdns.size() - 1; i >= 0; i--) {
                if ("CN".equalsIgnoreCase(rdns.get(i).getType())) {
                    return Optional.of(String.valueOf(rdns.get(i).getValue()).strip()).filter(cn -> !cn.isEmpty());
                }
            }
        } catch (InvalidNameException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static void requireStorable(CertificateDetails details) {
        if (details.subject().length() > MAX_SUBJECT || details.issuer().length() > MAX_SUBJECT) {
            throw InvalidInputException.of("certificate", "the certificate's subject or issuer name is longer than "
                    + MAX_SUBJECT + " characters");
        }
        if (details.der().length * 4 / 3 + 4 > MAX_DER_BASE64
                || String.join("\n", details.subjectAlternativeNames()).length() > MAX_SANS) {
            throw InvalidInputException.of("certificate", "the certificate is larger than the console stores (about 70 KiB of DER)");
        }
    }
}
