package dev.tlsconsole.certificates.crl;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tlsconsole.ConflictException;
import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.audit.AuditAction;
import dev.tlsconsole.audit.AuditRecord;
import dev.tlsconsole.audit.AuditTrail;
import dev.tlsconsole.audit.Audited;
import dev.tlsconsole.certificates.PkiInput;
import dev.tlsconsole.certificates.inventory.CertificateOrigin;
import dev.tlsconsole.certificates.inventory.CertificateStore;
import dev.tlsconsole.certificates.inventory.StoredCertificate;
import dev.tlsconsole.certificates.x509.CrlDetails;
import dev.tlsconsole.certificates.x509.CrlOperations;
import dev.tlsconsole.certificates.x509.PkiInputException;
import dev.tlsconsole.certificates.x509.RevokedCertificate;

/**
 * Imports the CRL of an external CA. When that CA's certificate is in the inventory the CRL must
 * verify with it (signature, cRLSign, update times); otherwise it is kept unverified and says so. The
 * newest CRL of an issuer decides the REVOKED status of that issuer's certificates in the inventory.
 */
@Service
public class CrlImport {

    private final CrlOperations operations;
    private final CrlStore crls;
    private final CertificateStore certificates;
    private final AuditTrail audit;

    CrlImport(CrlOperations operations, CrlStore crls, CertificateStore certificates, AuditTrail audit) {
        this.operations = operations;
        this.crls = crls;
        this.certificates = certificates;
        this.audit = audit;
    }

    /**
     * Imports a CRL given as PEM text or as an uploaded PEM/DER file.
     *
     * @param field the input's name for error messages ({@code crlPem} or {@code file})
     */
    @PreAuthorize("hasRole('OPERATOR')")
    @Audited(AuditAction.CRL_IMPORT)
    @Transactional
    public CrlView importCrl(byte[] input, String field) {
        if (input == null || input.length == 0) {
            throw InvalidInputException.of(field, "give the CRL as PEM text or a PEM/DER file");
        }
        CrlDetails unverified = PkiInput.in(field, () -> operations.parse(input));
        List<StoredCertificate> candidates = certificates.findBySubject(unverified.issuer());
        if (candidates.stream().anyMatch(c -> c.getOrigin() == CertificateOrigin.AUTHORITY)) {
            throw new ConflictException("The CRL's issuer " + unverified.issuer() + " is a console CA: its CRLs are published"
                    + " by the console (Certificate authorities → Publish CRL)", Map.of("issuer", unverified.issuer()));
        }
        Verified verified = verify(input, unverified, candidates, field);
        CrlDetails details = verified.details();
        StoredCertificate verifiedBy = verified.by();
        boolean newest = crls.latestOfIssuer(details.issuer())
                .map(latest -> !details.thisUpdate().isBefore(latest.getThisUpdate())).orElse(true);
        Crl crl = crls.save(details, Crl.Origin.IMPORTED, null, verifiedBy == null ? null : verifiedBy.getId());
        int changed = 0;
        if (newest) {
            Map<String, RevokedCertificate> entries = details.revoked().stream()
                    .collect(Collectors.toMap(RevokedCertificate::serialHex, Function.identity(), (a, b) -> a));
            changed = certificates.followExternalCrl(details.issuer(), entries);
        }
        CrlView view = crls.view(crl, false);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("crl", view);
        after.put("newest", newest);
        after.put("certificatesChanged", changed);
        audit.record(AuditRecord.success(crl.getId(), details.issuer(), null, after));
        return view;
    }

    /** Imports PEM text. */
    @PreAuthorize("hasRole('OPERATOR')")
    @Audited(AuditAction.CRL_IMPORT)
    @Transactional
    public CrlView importPem(String pem) {
        return importCrl(pem == null ? null : pem.getBytes(StandardCharsets.UTF_8), "crlPem");
    }

    /** The CRL as checked against its issuer's certificate, or unverified (but sane) when that CA is unknown. */
    private record Verified(CrlDetails details, StoredCertificate by) {
    }

    private Verified verify(byte[] input, CrlDetails unverified, List<StoredCertificate> candidates, String field) {
        if (candidates.isEmpty()) {
            requireSaneUpdates(unverified, field);
            return new Verified(unverified, null);
        }
        PkiInputException refusal = null;
        for (StoredCertificate candidate : candidates) {
            try {
                return new Verified(operations.importCrl(input, certificates.x509(candidate)), candidate);
            } catch (PkiInputException e) {
                refusal = e;
            }
        }
        throw InvalidInputException.of(field, refusal.getMessage());
    }

    private static void requireSaneUpdates(CrlDetails crl, String field) {
        if (crl.nextUpdate() == null) {
            throw InvalidInputException.of(field, "the CRL has no nextUpdate, so nobody can tell when it goes stale (RFC 5280 §5.1.2.5)");
        }
        if (!crl.nextUpdate().isAfter(crl.thisUpdate())) {
            throw InvalidInputException.of(field, "the CRL's nextUpdate (" + crl.nextUpdate() + ") must be after its thisUpdate ("
                    + crl.thisUpdate() + ")");
        }
    }
}
