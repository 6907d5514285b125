package dev.tlsconsole.certificates.inventory;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.Map;

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
import dev.tlsconsole.certificates.x509.PemExporter;
import dev.tlsconsole.certificates.x509.Pkcs12Exporter;

/**
 * The one way a private key leaves the console: an explicit export by an ADMIN, audited (who, which
 * certificate, which format — never the key or the password).
 */
@Service
public class KeyExport {

    /** What the administrator asked for. */
    public enum Format {
        /** PKCS#8 PEM; encrypted (PBES2/AES-256) when a password is given. */
        PEM,
        /** PKCS#12 with the certificate and its chain, protected by the password (required). */
        PKCS12
    }

    /**
     * @param legacy PKCS#12 readable by Windows Server 2016 and older (3DES instead of AES)
     */
    public record Request(Format format, String password, boolean legacy) {
        @Override
        public String toString() {
            return "KeyExport.Request[" + format + ", legacy=" + legacy + ", password redacted]";
        }
    }

    /** The exported file. */
    public record ExportedFile(String fileName, String contentType, byte[] content) {
        @Override
        public String toString() {
            return "ExportedFile[" + fileName + ", " + contentType + ", content redacted]";
        }
    }

    private final CertificateStore store;
    private final AuditTrail audit;

    KeyExport(CertificateStore store, AuditTrail audit) {
        this.store = store;
        this.audit = audit;
    }

    /**
     * Exports the private key of certificate {@code id}.
     *
     * @throws ConflictException     the console holds no key for it
     * @throws InvalidInputException no format, or PKCS#12 without a password
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Audited(value = AuditAction.CERTIFICATE_KEY_EXPORT, objectId = "#id")
    @Transactional
    public ExportedFile export(long id, Request request) {
        StoredCertificate certificate = store.require(id);
        if (request.format() == null) {
            throw InvalidInputException.of("format", "choose PEM or PKCS12");
        }
        if (!certificate.hasPrivateKey()) {
            throw new ConflictException("The console holds no private key for '" + certificate.getName() + "'",
                    Map.of("certificate", certificate.getName()));
        }
        PrivateKey key = store.privateKey(certificate).orElseThrow();
        char[] password = request.password() == null || request.password().isEmpty() ? null : request.password().toCharArray();
        String base = fileName(certificate.getName());
        ExportedFile file = switch (request.format()) {
            case PEM -> new ExportedFile(base + ".key", "application/x-pem-file", PkiInput.in("password", () ->
                    (password == null ? PemExporter.privateKey(key) : PemExporter.encryptedPrivateKey(key, password))
                            .getBytes(StandardCharsets.US_ASCII)));
            case PKCS12 -> new ExportedFile(base + ".p12", "application/x-pkcs12", PkiInput.in("password", () ->
                    Pkcs12Exporter.export(key, store.chain(certificate), password, certificate.getName(),
                            request.legacy() ? Pkcs12Exporter.Protection.LEGACY_3DES : Pkcs12Exporter.Protection.AES_256)));
        };
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("format", request.format());
        what.put("encrypted", password != null);
        what.put("legacy", request.legacy());
        what.put("sha256Fingerprint", certificate.getSha256Fingerprint());
        audit.record(AuditRecord.success(id, certificate.getName(),
                null, what));
        return file;
    }

    /** A file name safe in a Content-Disposition header and on every file system. */
    public static String fileName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._]+", "");
        return safe.isEmpty() ? "certificate" : safe;
    }
}
