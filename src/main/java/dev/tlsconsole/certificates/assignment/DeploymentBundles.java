package dev.tlsconsole.certificates.assignment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

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
import dev.tlsconsole.certificates.crl.Crl;
import dev.tlsconsole.certificates.crl.CrlDownload;
import dev.tlsconsole.certificates.crl.CrlStore;
import dev.tlsconsole.certificates.inventory.CertificateInventory;
import dev.tlsconsole.certificates.inventory.CertificateStore;
import dev.tlsconsole.certificates.inventory.KeyExport;
import dev.tlsconsole.certificates.inventory.StoredCertificate;
import dev.tlsconsole.certificates.x509.CertificateIds;
import dev.tlsconsole.certificates.x509.PemExporter;
import dev.tlsconsole.certificates.x509.Pkcs12Exporter;

/**
 * The files to put on a host for a certificate, named as assignment names them: a ZIP of PEM files
 * (certificate, intermediates, root CA, the issuing CA's CRL when there is one, and a note of the option
 * values for UNIX and Windows), or a PKCS#12 for a Windows machine store. Without the key it is public
 * data (any signed-in user); with the key it is a key export: ADMIN only, audited.
 */
@Service
public class DeploymentBundles {

    /** What to download with the key. */
    public enum Format {
        /** PEM files, the key unencrypted (to be deployed with 0600 permissions). */
        ZIP,
        /** The key with the chain, protected by the password (Windows certificate store import). */
        PKCS12
    }

    private final CertificateStore certificates;
    private final AssignmentPlanner planner;
    private final CrlStore crls;
    private final AuditTrail audit;

    DeploymentBundles(CertificateStore certificates, AssignmentPlanner planner, CrlStore crls, AuditTrail audit) {
        this.certificates = certificates;
        this.planner = planner;
        this.crls = crls;
        this.audit = audit;
    }

    /** The PEM files without the key. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public KeyExport.ExportedFile withoutKey(long certificateId) {
        StoredCertificate certificate = certificates.require(certificateId);
        return zip(certificate, Optional.empty());
    }

    /** The files with the private key (ADMIN, audited): a ZIP of PEM files or a password-protected PKCS#12. */
    @PreAuthorize("hasRole('ADMIN')")
    @Audited(value = AuditAction.CERTIFICATE_BUNDLE_EXPORT, objectId = "#certificateId")
    @Transactional
    public KeyExport.ExportedFile withKey(long certificateId, Format format, String password, boolean legacy) {
        StoredCertificate certificate = certificates.require(certificateId);
        if (format == null) {
            throw InvalidInputException.of("format", "choose ZIP or PKCS12");
        }
        PrivateKey key = certificates.privateKey(certificate).orElseThrow(() -> new ConflictException(
                "The console holds no private key for '" + certificate.getName() + "': download the bundle without the key",
                Map.of("certificate", certificate.getName())));
        KeyExport.ExportedFile file = switch (format) {
            case ZIP -> zip(certificate, Optional.of(key));
            case PKCS12 -> new KeyExport.ExportedFile(KeyExport.fileName(certificate.getName()) + ".p12", "application/x-pkcs12",
                    PkiInput.in("password", () -> Pkcs12Exporter.export(key, planner.fullChain(certificate),
                            password == null ? null : password.toCharArray(), certificate.getName(),
                            legacy ? Pkcs12Exporter.Protection.LEGACY_3DES : Pkcs12Exporter.Protection.AES_256)));
        };
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("format", format);
        what.put("legacy", legacy);
        what.put("sha256Fingerprint", certificate.getSha256Fingerprint());
        audit.record(AuditRecord.success(certificateId,
                certificate.getName(), null, what));
        return file;
    }

    private KeyExport.ExportedFile zip(StoredCertificate certificate, Optional<PrivateKey> key) {
        List<AssignmentPlanner.DeployFile> files = planner.deploymentFiles(certificate, true);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            boolean crlIncluded = false;
            for (AssignmentPlanner.DeployFile file : files) {
                String content = switch (file.kind()) {
                    case KEY -> key.map(PemExporter::privateKey).orElse(null);
                    case CRL -> crl(file.certificate()).map(Crl::der).map(CrlDownload::pem).orElse(null);
                    default -> PemExporter.certificates(List.of(file.certificate()));
                };
                if (content != null) {
                    crlIncluded |= file.kind() == Deployments.Kind.CRL;
                    add(zip, file.fileName(), content);
                }
            }
            add(zip, "genesys-options.txt", options(certificate, files, key.isPresent(), crlIncluded));
        } catch (IOException e) {
            throw new UncheckedIOException("writing a ZIP in memory failed", e);
        }
        return new KeyExport.ExportedFile(KeyExport.fileName(certificate.getName()) + (key.isPresent() ? "-with-key" : "")
                + "-deployment.zip", "application/zip", bytes.toByteArray());
    }

    private Optional<Crl> crl(X509Certificate issuer) {
        return crls.latestOfIssuer(issuer.getSubjectX500Principal().getName(javax.security.auth.x500.X500Principal.RFC2253));
    }

    private String options(StoredCertificate certificate, List<AssignmentPlanner.DeployFile> files, boolean withKey,
            boolean crlIncluded) {
        Map<String, String> unix = AssignmentPlanner.unixOptions(crlIncluded ? files
                : files.stream().filter(f -> f.kind() != Deployments.Kind.CRL).toList());
        StringBuilder text = new StringBuilder();
        text.append("Deployment of ").append(certificate.getName()).append(" (").append(certificate.getSubject()).append(")\n\n");
        text.append("UNIX hosts (Security Pack): copy the files to their directory, the key readable only by the\n")
                .append("Genesys user (chmod 600), and set at the level you assign the certificate:\n");
        unix.forEach((option, value) -> text.append("  ").append(option).append(" = ").append(value).append('\n'));
        if (!withKey) {
            text.append("  (the key is not in this bundle: it is where the CSR was made, or export it as an ADMIN)\n");
        }
        String root = files.stream().filter(f -> f.kind() == Deployments.Kind.TRUSTED_CA).findFirst()
                .map(f -> CertificateIds.sha1Thumbprint(f.certificate())).orElse("");
        text.append("\nWindows hosts: import the certificate with its key (PKCS#12) into the machine's Personal store\n")
                .append("and the root CA into Trusted Root Certification Authorities, then set:\n")
                .append("  certificate = ").append(certificate.getSha1Thumbprint()).append('\n')
                .append("  trusted-ca = ").append(root).append('\n');
        text.append("\nRestart the applications that use it: certificate changes take effect on restart.\n");
        return text.toString();
    }

    private static void add(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
