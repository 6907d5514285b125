package dev.tlsconsole.certificates.crl;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.tlsconsole.ConflictException;
import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.NotFoundException;
import dev.tlsconsole.certificates.CertificateChanges;
import dev.tlsconsole.certificates.x509.CrlDetails;

/**
 * Stored CRLs as the rest of the certificates feature uses them: the console CAs save what they
 * publish, revocation checks read the latest CRL of an issuer. No role checks (the callers are
 * guarded services); joins the caller's transaction.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class CrlStore {

    /** The {@code der_base64} column holds 1,000,000 characters: about 730 KiB of DER. */
    static final int MAX_DER_BYTES = 1_000_000 / 4 * 3;

    private final CrlRepository crls;
    private final CertificateChanges changes;
    private final Clock clock;

    CrlStore(CrlRepository crls, CertificateChanges changes, Clock clock) {
        this.crls = crls;
        this.changes = changes;
        this.clock = clock;
    }

    /** Saves a CRL a console CA signed. */
    public Crl savePublished(long authorityId, long caCertificateId, CrlDetails details) {
        return save(details, Crl.Origin.PUBLISHED, authorityId, caCertificateId);
    }

    Crl save(CrlDetails details, Crl.Origin origin, Long authorityId, Long issuerCertificateId) {
        byte[] der = details.der();
        if (der.length > MAX_DER_BYTES) {
            throw InvalidInputException.of("crl", "the CRL is larger than the console stores (" + MAX_DER_BYTES / 1024 + " KiB)");
        }
        String fingerprint = sha256(der);
        crls.findBySha256Fingerprint(fingerprint).ifPresent(existing -> {
            throw new ConflictException("This CRL is already stored (id " + existing.getId() + ")", Map.of("existingId", existing.getId()));
        });
        Crl crl = crls.saveAndFlush(new Crl(details, fingerprint, origin, authorityId, issuerCertificateId, clock.instant()));
        changes.changed();
        return crl;
    }

    public Crl require(long id) {
        return crls.findById(id).orElseThrow(() -> NotFoundException.of("CRL", id));
    }

    /** The CRL a console CA published last. */
    public Optional<Crl> latestOfAuthority(long authorityId) {
        return crls.findFirstByAuthorityIdOrderByThisUpdateDescIdDesc(authorityId);
    }

    /** The newest CRL (published or imported) whose issuer is {@code issuer} (RFC 2253 name). */
    public Optional<Crl> latestOfIssuer(String issuer) {
        return crls.findFirstByIssuerOrderByThisUpdateDescIdDesc(issuer);
    }

    public CrlView view(Crl crl, boolean withEntries) {
        return CrlView.of(crl, clock.instant(), withEntries);
    }

    static String sha256(byte[] der) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }
}
