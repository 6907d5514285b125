package dev.tlsconsole.certificates.inventory;

import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.audit.AuditAction;
import dev.tlsconsole.audit.AuditRecord;
import dev.tlsconsole.audit.AuditTrail;
import dev.tlsconsole.audit.Audited;
import dev.tlsconsole.certificates.x509.CertificateParser;
import dev.tlsconsole.certificates.x509.ParsedCertificates;
import dev.tlsconsole.certificates.x509.PkiInputException;

/**
 * Imports certificates (with chain and key) that operators upload or paste. Everything is checked
 * before anything is written: a refused import stores nothing.
 */
@Service
public class CertificateImport {

    private final CertificateParser parser;
    private final CertificateStore store;
    private final AuditTrail audit;

    CertificateImport(CertificateParser parser, CertificateStore store, AuditTrail audit) {
        this.parser = parser;
        this.store = store;
        this.audit = audit;
    }

    /**
     * Imports one certificate.
     *
     * @throws InvalidInputException not a certificate, a key that does not match, a wrong password, a name taken…
     * @throws dev.tlsconsole.ConflictException the certificate is already in the inventory
     */
    @PreAuthorize("hasRole('OPERATOR')")
    @Audited(value = AuditAction.CERTIFICATE_IMPORT, objectName = "#upload?.name()")
    @Transactional
    public CertificateView importCertificate(CertificateUpload upload) {
        ParsedCertificates parsed = parse(upload);
        StoredCertificate stored = store.add(new NewCertificate(upload.name(), parsed.chain(), parsed.privateKey(),
                CertificateOrigin.IMPORTED, null));
        CertificateView view = store.view(stored);
        audit.record(AuditRecord.success(stored.getId(),
                stored.getName(), null, Map.of("certificate", view, "chainLength", parsed.chain().size())));
        return view;
    }

    private ParsedCertificates parse(CertificateUpload upload) {
        char[] password = upload.password() == null || upload.password().isEmpty() ? null : upload.password().toCharArray();
        boolean hasFile = upload.file() != null && upload.file().length > 0;
        boolean hasPem = upload.pem() != null && !upload.pem().isBlank();
        if (hasFile && hasPem) {
            throw InvalidInputException.of("file", "upload a file or paste PEM text, not both");
        }
        if (upload.file() != null && !hasFile) {
            throw InvalidInputException.of("file", "the uploaded file is empty");
        }
        if (!hasFile && !hasPem) {
            throw InvalidInputException.of("pem", "paste the certificate as PEM text, or upload a PEM, DER or PKCS#12 file");
        }
        try {
            return hasFile ? parser.parse(upload.file(), password)
                    : parser.parsePem(upload.pem(), upload.privateKeyPem(), password);
        } catch (PkiInputException e) {
            throw InvalidInputException.of(fieldOf(e.getMessage(), hasFile, upload), e.getMessage());
        }
    }

    /** Puts the refusal next to the input it is about: the password, the separate key, or the certificate. */
    private static String fieldOf(String message, boolean file, CertificateUpload upload) {
        if (message.contains("password")) {
            return file ? "password" : "keyPassword";
        }
        boolean separateKey = upload.privateKeyPem() != null && !upload.privateKeyPem().isBlank();
        if (!file && separateKey && (message.contains("private key") || message.contains("key type"))) {
            return "privateKeyPem";
        }
        return file ? "file" : "pem";
    }
}
