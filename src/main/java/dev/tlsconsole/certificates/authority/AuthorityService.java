package dev.tlsconsole.certificates.authority;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tlsconsole.ConflictException;
import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.InvalidInputException.FieldProblem;
import dev.tlsconsole.audit.AuditAction;
import dev.tlsconsole.audit.AuditRecord;
import dev.tlsconsole.audit.AuditTrail;
import dev.tlsconsole.audit.Audited;
import dev.tlsconsole.certificates.CertificatesProperties;
import dev.tlsconsole.certificates.crl.Crl;
import dev.tlsconsole.certificates.inventory.CertificateOrigin;
import dev.tlsconsole.certificates.inventory.CertificateStore;
import dev.tlsconsole.certificates.inventory.NewCertificate;
import dev.tlsconsole.certificates.inventory.StoredCertificate;
import dev.tlsconsole.certificates.x509.CaSpec;
import dev.tlsconsole.certificates.x509.CertificateAuthorityOperations;
import dev.tlsconsole.certificates.x509.IssuedCertificate;
import dev.tlsconsole.certificates.x509.KeyAlgorithm;
import dev.tlsconsole.certificates.x509.PkiInputException;
import dev.tlsconsole.certificates.authority.AuthorityCommands.AuthorityChange;
import dev.tlsconsole.certificates.authority.AuthorityCommands.AuthorityView;
import dev.tlsconsole.certificates.authority.AuthorityCommands.NewAuthority;

/**
 * The console's own CAs: create a root or an intermediate (its certificate goes into the inventory, its
 * key stays sealed here), change its CRL settings, publish CRLs. OPERATOR only; every change is audited.
 * Reads are {@link AuthorityReads}.
 */
@Service
public class AuthorityService {

    private static final int MAX_NAME = 200;
    private static final int MAX_URL = 1000;
    private static final Set<String> URL_SCHEMES = Set.of("http", "https", "ldap");

    private final AuthorityRepository authorities;
    private final AuthorityViews views;
    private final CertificateAuthorityOperations operations;
    private final CertificateStore certificates;
    private final AuthorityKeys keys;
    private final CrlPublisher publisher;
    private final CertificatesProperties properties;
    private final AuditTrail audit;
    private final Clock clock;

    AuthorityService(AuthorityRepository authorities, AuthorityViews views, CertificateAuthorityOperations operations,
            CertificateStore certificates, AuthorityKeys keys, CrlPublisher publisher, CertificatesProperties properties,
            AuditTrail audit, Clock clock) {
        this.authorities = authorities;
        this.views = views;
        this.operations = operations;
        this.certificates = certificates;
        this.keys = keys;
        this.publisher = publisher;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Creates a root CA, or an intermediate under {@code parent}, and publishes its first (empty) CRL.
     * Every problem with the request is reported at once.
     */
    @PreAuthorize("hasRole('OPERATOR')")
    @Audited(value = AuditAction.AUTHORITY_CREATE, objectName = "#command?.name()")
    @Transactional
    public AuthorityView create(NewAuthority command) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = checkName(command.name(), null, problems);
        KeyAlgorithm algorithm = keyAlgorithm(command.keyAlgorithm(), problems);
        String url = checkUrl(command.crlDistributionUrl(), problems);
        if (command.subject() == null || command.subject().isBlank()) {
            problems.add(new FieldProblem("subject", "is required: a distinguished name such as CN=Example Root CA,O=Example"));
        }
        if (command.validityDays() == null) {
            problems.add(new FieldProblem("validityDays", "is required (1 to " + CertificateAuthorityOperations.MAX_CA_VALIDITY_DAYS
                    + " days)"));
        }
        Optional<CertificateAuthority> parent = Optional.empty();
        if (command.parent() != null && !command.parent().isBlank()) {
            parent = authorities.findByName(command.parent().strip());
            if (parent.isEmpty()) {
                problems.add(new FieldProblem("parent", "there is no console CA named '" + command.parent().strip() + "'"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        CaSpec spec = new CaSpec(command.subject().strip(), algorithm, command.validityDays());
        IssuedCertificate issued;
        List<java.security.cert.X509Certificate> chain = new ArrayList<>();
        try {
            if (parent.isPresent()) {
                issued = operations.createIntermediateCa(spec, keys.issuer(parent.get()), clock.instant());
                chain.add(issued.certificate());
                chain.addAll(certificates.chain(certificates.require(parent.get().getCertificateId())));
            } else {
                issued = operations.createRootCa(spec, clock.instant());
                chain.add(issued.certificate());
            }
        } catch (PkiInputException e) {
            throw InvalidInputException.of(IssueProblems.field(e.getMessage(), parent.isPresent() ? "parent" : "subject"), e.getMessage());
        }
        StoredCertificate certificate = certificates.add(new NewCertificate(null, chain, Optional.empty(), CertificateOrigin.AUTHORITY,
                parent.map(CertificateAuthority::getId).orElse(null)));
        CertificateAuthority ca = authorities.saveAndFlush(new CertificateAuthority(name, certificate.getId(),
                parent.map(CertificateAuthority::getId).orElse(null), algorithm,
                keys.seal(issued.privateKey(), certificate.getSha256Fingerprint()), url, properties.crlValidity(), clock.instant()));
        publisher.publish(ca);
        AuthorityView view = views.view(ca);
        audit.record(AuditRecord.success(ca.getId(), name, null, view));
        return view;
    }

    /** Renames a CA or changes its CRL settings; a change based on an old version is refused with both versions. */
    @PreAuthorize("hasRole('OPERATOR')")
    @Audited(value = AuditAction.AUTHORITY_UPDATE, objectId = "#id")
    @Transactional
    public AuthorityView update(long id, AuthorityChange change) {
        CertificateAuthority ca = views.require(id);
        AuthorityView before = views.view(ca);
        if (change.version() == null) {
            throw InvalidInputException.of("version", "is required: send the version you read");
        }
        if (change.version() != ca.getVersion()) {
            throw ConflictException.staleVersion("Certificate authority", ca.getName(), change.version(), ca.getVersion(), before);
        }
        List<FieldProblem> problems = new ArrayList<>();
        String name = change.name() == null ? ca.getName() : checkName(change.name(), id, problems);
        String url = change.crlDistributionUrl() == null ? ca.getCrlDistributionUrl() : checkUrl(change.crlDistributionUrl(), problems);
        Duration validity = ca.getCrlValidity();
        if (change.crlValidityHours() != null) {
            if (change.crlValidityHours() < 1 || change.crlValidityHours() > 366 * 24) {
                problems.add(new FieldProblem("crlValidityHours", "must be between 1 and " + 366 * 24 + " hours"));
            } else {
                validity = Duration.ofHours(change.crlValidityHours());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ca.change(name, url, validity);
        authorities.flush();
        AuthorityView after = views.view(ca);
        audit.record(AuditRecord.success(id, name, before, after));
        return after;
    }

    /** Publishes a new CRL now (e.g. before the current one goes stale). */
    @PreAuthorize("hasRole('OPERATOR')")
    @Audited(value = AuditAction.AUTHORITY_CRL_PUBLISH, objectId = "#id")
    @Transactional
    public AuthorityView publishCrl(long id) {
        CertificateAuthority ca = views.require(id);
        Crl crl = publisher.publish(ca);
        AuthorityView view = views.view(ca);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("crlNumber", crl.getCrlNumber());
        after.put("thisUpdate", crl.getThisUpdate());
        after.put("nextUpdate", crl.getNextUpdate());
        after.put("entries", crl.getEntryCount());
        audit.record(AuditRecord.success(id, ca.getName(), null, after));
        return view;
    }

    private String checkName(String name, Long exceptId, List<FieldProblem> problems) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            problems.add(new FieldProblem("name", "must be 1 to " + MAX_NAME + " characters"));
        } else if (exceptId == null ? authorities.existsByName(trimmed) : authorities.existsByNameAndIdNot(trimmed, exceptId)) {
            problems.add(new FieldProblem("name", "'" + trimmed + "' is already the name of another CA"));
        }
        return trimmed;
    }

    private static KeyAlgorithm keyAlgorithm(String name, List<FieldProblem> problems) {
        if (name == null || name.isBlank()) {
            return KeyAlgorithm.EC_P256;
        }
        try {
            return KeyAlgorithm.fromName(name);
        } catch (PkiInputException e) {
            problems.add(new FieldProblem("keyAlgorithm", e.getMessage()));
            return KeyAlgorithm.EC_P256;
        }
    }

    /** An optional http(s)/ldap URL; blank means none. */
    static String checkUrl(String url, List<FieldProblem> problems) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String trimmed = url.strip();
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (trimmed.length() > MAX_URL || !URL_SCHEMES.contains(scheme) || uri.getHost() == null) {
                problems.add(new FieldProblem("crlDistributionUrl", "must be an http, https or ldap URL with a host, at most "
                        + MAX_URL + " characters, such as http://pki.example.com/root.crl"));
            }
        } catch (URISyntaxException e) {
            problems.add(new FieldProblem("crlDistributionUrl", "'" + trimmed + "' is not a URL: " + e.getReason()));
        }
        return trimmed;
    }
}
