package dev.tlsconsole.certificates.assignment;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

import org.springframework.stereotype.Component;

import dev.tlsconsole.ConflictException;
import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.NotFoundException;
import dev.tlsconsole.certificates.CertificatesProperties;
import dev.tlsconsole.certificates.facts.FactsSnapshot.PlannedFile;
import dev.tlsconsole.certificates.inventory.CertificateStatus;
import dev.tlsconsole.certificates.inventory.CertificateStore;
import dev.tlsconsole.certificates.inventory.KeyExport;
import dev.tlsconsole.certificates.inventory.StoredCertificate;
import dev.tlsconsole.certificates.x509.CertificateDetails;
import dev.tlsconsole.certificates.x509.CertificateIds;
import dev.tlsconsole.policy.snapshot.ObjectType;
import dev.tlsconsole.policy.snapshot.OsType;
import dev.tlsconsole.topology.application.ApplicationDirectory;
import dev.tlsconsole.topology.application.ApplicationDirectory.ApplicationFacts;
import dev.tlsconsole.topology.application.ApplicationDirectory.HostFacts;
import dev.tlsconsole.topology.application.ApplicationDirectory.PortFacts;
import dev.tlsconsole.topology.connection.ConnectionCommands.ConnectionView;
import dev.tlsconsole.topology.connection.ConnectionReads;

/**
 * Decides what assigning a certificate writes, per the OS of the host that reads the options
 * (GENESYS-TLS-REFERENCE §5.1):
 * <ul>
 *   <li>Windows: {@code certificate} = the SHA-1 thumbprint (the certificate must be in the machine
 *       store with its key) and {@code trusted-ca} = the root CA's thumbprint, so trust can be checked;
 *       a {@code certificate-key} at that level is removed (Windows keeps the key in the store).</li>
 *   <li>UNIX: PEM paths under {@code console.certificates.deploy-dir}: {@code certificate} = the
 *       certificate file followed by its intermediates (comma-separated, leaf first),
 *       {@code certificate-key} = its key file, {@code trusted-ca} = the root CA file, and optionally
 *       {@code tls-crl} = the issuing CA's CRL file. The files are named after the certificate and the
 *       CAs; the deployment bundle holds them under the same names.</li>
 *   <li>A CA certificate is assigned as trust only: {@code trusted-ca} alone, for clients that must
 *       authenticate servers it issued.</li>
 * </ul>
 * A revoked certificate is refused.
 * Joins the caller's transaction.
 */
@Component
class AssignmentPlanner {

    private final CertificateStore certificates;
    private final ApplicationDirectory directory;
    private final ConnectionReads connections;
    private final Deployments deployments;
    private final CertificatesProperties properties;

    AssignmentPlanner(CertificateStore certificates, ApplicationDirectory directory, ConnectionReads connections,
            Deployments deployments, CertificatesProperties properties) {
        this.certificates = certificates;
        this.directory = directory;
        this.connections = connections;
        this.deployments = deployments;
        this.properties = properties;
    }

    AssignmentPlan plan(long certificateId, AssignmentTarget target, boolean withCrl) {
        StoredCertificate certificate = certificates.require(certificateId);
        Resolved resolved = resolve(target);
        if (certificate.getRevokedAt() != null) {
            throw new ConflictException("'" + certificate.getName() + "' is revoked and cannot be assigned",
                    Map.of("certificate", certificate.getName(), "status", CertificateStatus.REVOKED));
        }
        Map<String, String> set = new LinkedHashMap<>();
        List<PlannedFile> files = new ArrayList<>();
        Set<String> unset = Set.of();
        if (certificate.isCa()) {
            trustOnly(certificate, resolved.os(), set, files);
            return new AssignmentPlan(certificate.getId(), certificate.getName(), resolved.type(), resolved.id(), resolved.name(),
                    resolved.applicationId(), resolved.portId(), resolved.os(), resolved.hostName(), set, unset, files);
        }
        List<X509Certificate> chain = fullChain(certificate);
        X509Certificate root = selfIssued(chain.get(chain.size() - 1)) ? chain.get(chain.size() - 1) : null;
        if (resolved.os() == OsType.WINDOWS) {
            set.put("certificate", certificate.getSha1Thumbprint());
            if (root != null) {
                set.put("trusted-ca", CertificateIds.sha1Thumbprint(root));
            }
            unset = Set.of("certificate-key");
        } else {
            List<DeployFile> deploy = deploymentFiles(certificate, withCrl);
            deploy.forEach(file -> files.add(file.planned()));
            set.putAll(unixOptions(deploy));
        }
        return new AssignmentPlan(certificate.getId(), certificate.getName(), resolved.type(), resolved.id(), resolved.name(),
                resolved.applicationId(), resolved.portId(), resolved.os(), resolved.hostName(), set, unset, files);
    }

    /**
     * A CA certificate is assigned as trust only: {@code trusted-ca} names it (its thumbprint on Windows, its file
     * on UNIX), so the clients at that level can authenticate servers it issued; the certificate and key there
     * are left as they are.
     */
    private void trustOnly(StoredCertificate ca, OsType os, Map<String, String> set, List<PlannedFile> files) {
        if (os == OsType.WINDOWS) {
            set.put("trusted-ca", ca.getSha1Thumbprint());
            return;
        }
        X509Certificate certificate = certificates.x509(ca);
        String path = free("ca-" + KeyExport.fileName(commonName(certificate)) + ".pem", ca.getSha256Fingerprint());
        files.add(new PlannedFile(path, Deployments.Kind.TRUSTED_CA.name(), ca.getSha256Fingerprint()));
        set.put("trusted-ca", path);
    }

    /** A file of a UNIX deployment: where it goes, what kind, and the certificate it holds (the leaf's for a key). */
    record DeployFile(String path, Deployments.Kind kind, String contentFingerprint, X509Certificate certificate) {

        PlannedFile planned() {
            return new PlannedFile(path, kind.name(), contentFingerprint);
        }

        String fileName() {
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    /**
     * The files a UNIX host needs for {@code certificate}: its own, its intermediates, its key, the root CA,
     * and (when asked) the issuing CA's CRL.
     *
     * @throws ConflictException when no root CA is known for it
     */
    List<DeployFile> deploymentFiles(StoredCertificate certificate, boolean withCrl) {
        List<X509Certificate> chain = fullChain(certificate);
        X509Certificate root = chain.get(chain.size() - 1);
        if (!selfIssued(root)) {
            throw new ConflictException("The root CA of '" + certificate.getName() + "' (above " + certificate.getIssuer()
                    + ") is not in the inventory, so the files and trusted-ca for UNIX hosts cannot be written:"
                    + " import the CA certificate (or the certificate with its chain) first", Map.of("issuer", certificate.getIssuer()));
        }
        List<DeployFile> files = new ArrayList<>();
        String leafPath = deployments.pathOf(certificate.getId(), Deployments.Kind.CERTIFICATE)
                .orElseGet(() -> free(KeyExport.fileName(certificate.getName()) + ".pem", certificate.getSha256Fingerprint()));
        files.add(new DeployFile(leafPath, Deployments.Kind.CERTIFICATE, certificate.getSha256Fingerprint(), chain.get(0)));
        for (X509Certificate intermediate : chain.size() > 2 ? chain.subList(1, chain.size() - 1) : List.<X509Certificate>of()) {
            String fingerprint = CertificateIds.sha256Fingerprint(intermediate);
            files.add(new DeployFile(free(KeyExport.fileName(commonName(intermediate)) + ".pem", fingerprint),
                    Deployments.Kind.INTERMEDIATE, fingerprint, intermediate));
        }
        files.add(new DeployFile(leafPath.substring(0, leafPath.length() - ".pem".length()) + ".key", Deployments.Kind.KEY,
                certificate.getSha256Fingerprint(), null));
        String rootFingerprint = CertificateIds.sha256Fingerprint(root);
        files.add(new DeployFile(free("ca-" + KeyExport.fileName(commonName(root)) + ".pem", rootFingerprint),
                Deployments.Kind.TRUSTED_CA, rootFingerprint, root));
        if (withCrl) {
            X509Certificate issuer = chain.size() > 1 ? chain.get(1) : chain.get(0);
            String issuerFingerprint = CertificateIds.sha256Fingerprint(issuer);
            files.add(new DeployFile(free("ca-" + KeyExport.fileName(commonName(issuer)) + ".crl", issuerFingerprint),
                    Deployments.Kind.CRL, issuerFingerprint, issuer));
        }
        return files;
    }

    /** The UNIX option values naming {@code files}: the certificate with its intermediates, the key, the CA, the CRL. */
    static Map<String, String> unixOptions(List<DeployFile> files) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("certificate", String.join(",", files.stream()
                .filter(f -> f.kind() == Deployments.Kind.CERTIFICATE || f.kind() == Deployments.Kind.INTERMEDIATE)
                .map(DeployFile::path).toList()));
        files.stream().filter(f -> f.kind() == Deployments.Kind.KEY).findFirst().ifPresent(f -> options.put("certificate-key", f.path()));
        files.stream().filter(f -> f.kind() == Deployments.Kind.TRUSTED_CA).findFirst().ifPresent(f -> options.put("trusted-ca", f.path()));
        files.stream().filter(f -> f.kind() == Deployments.Kind.CRL).findFirst().ifPresent(f -> options.put("tls-crl", f.path()));
        return options;
    }

    /** {@code deployDir/fileName}, or with a fingerprint suffix when another file already has that path. */
    private String free(String fileName, String contentFingerprint) {
        String path = properties.deployDir() + "/" + fileName;
        Optional<String> there = deployments.contentAt(path);
        if (there.isEmpty() || there.get().equals(contentFingerprint)) {
            return path;
        }
        int dot = fileName.lastIndexOf('.');
        return properties.deployDir() + "/" + fileName.substring(0, dot) + "-" + contentFingerprint.substring(0, 8).toLowerCase(Locale.ROOT)
                + fileName.substring(dot);
    }

    /** The stored chain, extended upwards through CA certificates of the inventory until a root. */
    List<X509Certificate> fullChain(StoredCertificate certificate) {
        List<X509Certificate> chain = new ArrayList<>(certificates.chain(certificate));
        for (int depth = 0; depth < 10 && !selfIssued(chain.get(chain.size() - 1)); depth++) {
            X509Certificate top = chain.get(chain.size() - 1);
            Optional<X509Certificate> issuer = certificates.findBySubject(top.getIssuerX500Principal().getName(X500Principal.RFC2253))
                    .stream().filter(StoredCertificate::isCa).map(certificates::x509).filter(candidate -> signed(top, candidate))
                    .findFirst();
            if (issuer.isEmpty()) {
                break;
            }
            chain.add(issuer.get());
        }
        return chain;
    }

    private static boolean signed(X509Certificate child, X509Certificate issuer) {
        try {
            child.verify(issuer.getPublicKey());
            return true;
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static boolean selfIssued(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
    }

    private static String commonName(X509Certificate certificate) {
        String subject = CertificateDetails.of(certificate).subject();
        for (String part : subject.split("(?<!\\\\),")) {
            if (part.regionMatches(true, 0, "CN=", 0, 3)) {
                return part.substring(3);
            }
        }
        return CertificateIds.sha256Fingerprint(certificate).substring(0, 12);
    }

    /** The target in the topology, with the host whose TLS stack reads the options. */
    private record Resolved(ObjectType type, long id, String name, Long applicationId, String portId, OsType os, String hostName) {
    }

    private Resolved resolve(AssignmentTarget target) {
        if (target == null || target.type() == null || target.type().isBlank()) {
            throw InvalidInputException.of("target.type", "is required: HOST, APPLICATION, PORT or CONNECTION");
        }
        ObjectType type;
        try {
            type = ObjectType.valueOf(target.type().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("target.type", "'" + target.type() + "' is not HOST, APPLICATION, PORT or CONNECTION");
        }
        return switch (type) {
            case HOST -> {
                HostFacts host = directory.hostNamed(required(target.name(), "target.name"))
                        .orElseThrow(() -> NotFoundException.of("Host", target.name()));
                yield new Resolved(type, host.id(), host.name(), null, null, host.osType(), host.name());
            }
            case APPLICATION, APPLICATION_ANNEX -> {
                ApplicationFacts application = application(target.name());
                HostFacts host = application.host();
                yield new Resolved(type, application.id(), application.name(), null, null, host.osType(), host.name());
            }
            case PORT -> {
                ApplicationFacts application = application(target.name());
                String portId = required(target.portId(), "target.portId");
                PortFacts port = application.ports().stream().filter(p -> p.portId().equalsIgnoreCase(portId.strip()))
                        .findFirst().orElseThrow(() -> NotFoundException.of("Port", application.name() + ":" + portId));
                HostFacts host = application.host();
                yield new Resolved(type, port.id(), application.name() + ":" + port.portId(), application.id(),
                        port.portId(), host.osType(), host.name());
            }
            case CONNECTION -> {
                if (target.connectionId() == null) {
                    throw InvalidInputException.of("target.connectionId", "is required for a CONNECTION target");
                }
                ConnectionView connection = connections.get(target.connectionId());
                HostFacts host = application(connection.client()).host();
                yield new Resolved(type, connection.id(), connection.label(), null, null, host.osType(), host.name());
            }
        };
    }

    private ApplicationFacts application(String name) {
        return directory.applicationNamed(required(name, "target.name")).orElseThrow(() -> NotFoundException.of("Application", name));
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.of(field, "is required");
        }
        return value.strip();
    }
}
