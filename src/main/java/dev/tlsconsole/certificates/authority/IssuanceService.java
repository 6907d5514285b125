package dev.tlsconsole.certificates.authority;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.InvalidInputException.FieldProblem;
import dev.tlsconsole.audit.AuditAction;
import dev.tlsconsole.audit.AuditRecord;
import dev.tlsconsole.audit.AuditTrail;
import dev.tlsconsole.audit.Audited;
import dev.tlsconsole.certificates.inventory.CertificateInventory;
import dev.tlsconsole.certificates.inventory.CertificateOrigin;
import dev.tlsconsole.certificates.inventory.CertificateStore;
import dev.tlsconsole.certificates.inventory.CertificateView;
import dev.tlsconsole.certificates.inventory.NewCertificate;
import dev.tlsconsole.certificates.inventory.StoredCertificate;
import dev.tlsconsole.certificates.x509.CertificateAuthorityOperations;
import dev.tlsconsole.certificates.x509.CertificateUsage;
import dev.tlsconsole.certificates.x509.EndEntitySpec;
import dev.tlsconsole.certificates.x509.IssuedCertificate;
import dev.tlsconsole.certificates.x509.IssuingCa;
import dev.tlsconsole.certificates.x509.KeyAlgorithm;
import dev.tlsconsole.certificates.x509.PkiInputException;
import dev.tlsconsole.certificates.authority.AuthorityCommands.BulkIssueRequest;
import dev.tlsconsole.certificates.authority.AuthorityCommands.CsrRequest;
import dev.tlsconsole.certificates.authority.AuthorityCommands.IssueRequest;
import dev.tlsconsole.topology.application.ApplicationDirectory;
import dev.tlsconsole.topology.application.ApplicationDirectory.HostFacts;

/**
 * Issues end-entity certificates from a console CA (OPERATOR): with a key pair the console generates
 * and keeps sealed, or from a CSR (the key stays with whoever made it). Each issued certificate goes
 * into the inventory with the CA's chain, and the issuance is audited.
 */
@Service
public class IssuanceService {

    /** Hosts one bulk request may name: enough for a site, small enough to stay one bounded transaction. */
    public static final int MAX_BULK_HOSTS = 1000;

    private final AuthorityViews authorities;
    private final ApplicationDirectory directory;
    private final AuthorityKeys keys;
    private final CertificateAuthorityOperations operations;
    private final CertificateStore certificates;
    private final AuditTrail audit;
    private final Clock clock;

    IssuanceService(AuthorityViews authorities, ApplicationDirectory directory, AuthorityKeys keys,
            CertificateAuthorityOperations operations, CertificateStore certificates, AuditTrail audit, Clock clock) {
        this.authorities = authorities;
        this.directory = directory;
        this.keys = keys;
        this.operations = operations;
        this.certificates = certificates;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Issues a certificate with a new key pair, for a topology host (CN and DNS SAN = its name, IP SAN = its
     * address, as {@code tls-target-name-check=host} compares) or for a subject and SANs.
     */
    @PreAuthorize("hasRole('OPERATOR')")
    @Audited(value = AuditAction.CERTIFICATE_ISSUE,
            objectName = "#request?.host() ?: #request?.subject()")
    @Transactional
    public CertificateView issue(long authorityId, IssueRequest request) {
        CertificateAuthority ca = authorities.require(authorityId);
        List<FieldProblem> problems = new ArrayList<>();
        CertificateUsage usage = usage(request.usage(), problems);
        requireValidity(request.validityDays(), problems);
        KeyAlgorithm algorithm = ca.getKeyAlgorithm();
        if (request.keyAlgorithm() != null && !request.keyAlgorithm().isBlank()) {
            try {
                algorithm = KeyAlgorithm.fromName(request.keyAlgorithm());
            } catch (PkiInputException e) {
                problems.add(new FieldProblem("keyAlgorithm", e.getMessage()));
            }
        }
        boolean forHost = request.host() != null && !request.host().isBlank();
        boolean forSubject = request.subject() != null && !request.subject().isBlank();
        List<String> sans = request.sans() == null ? List.of() : request.sans().stream()
                .filter(san -> san != null && !san.isBlank()).map(String::strip).toList();
        Optional<HostFacts> host = forHost ? directory.hostNamed(request.host().strip()) : Optional.empty();
        if (forHost && (forSubject || !sans.isEmpty())) {
            problems.add(new FieldProblem("host", "give a host, or a subject and SANs, not both"));
        } else if (forHost && host.isEmpty()) {
            problems.add(new FieldProblem("host", "there is no host named '" + request.host().strip() + "'"));
        } else if (!forHost && !forSubject) {
            problems.add(new FieldProblem("subject", "is required (or give a host): a distinguished name such as CN=cfg-host-1"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        EndEntitySpec spec = host.isPresent()
                ? EndEntitySpec.forHost(host.get().name(), host.get().ipAddress(), usage, algorithm, request.validityDays())
                : new EndEntitySpec(request.subject().strip(), sans, usage, algorithm, request.validityDays());
        return issueOne(ca, keys.issuer(ca), caChain(ca), spec, request.name(), usage);
    }

    /**
     * Issues one certificate for each host of {@code request}, all or nothing: an unknown host, a bad usage or
     * validity is a 400 before anything is issued, and a failure on the way rolls every certificate back. The
     * CA's key is opened once for the batch; each certificate gets its own audit entry, as a single issuance does.
     */
    @PreAuthorize("hasRole('OPERATOR')")
    @Audited(value = AuditAction.CERTIFICATE_ISSUE,
            objectName = "#request?.hosts()?.size() + ' hosts'")
    @Transactional
    public List<CertificateView> issueBulk(long authorityId, BulkIssueRequest request) {
        CertificateAuthority ca = authorities.require(authorityId);
        List<FieldProblem> problems = new ArrayList<>();
        CertificateUsage usage = usage(request.usage(), problems);
        requireValidity(request.validityDays(), problems);
        List<HostFacts> hosts = hosts(request.hosts(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<EndEntitySpec> specs = hosts.stream().map(host -> EndEntitySpec.forHost(host.name(), host.ipAddress(), usage,
                ca.getKeyAlgorithm(), request.validityDays())).toList();
        List<IssuedCertificate> certificates;
        try {
            certificates = operations.issueAll(specs, keys.issuer(ca), clock.instant());
        } catch (PkiInputException e) {
            throw InvalidInputException.of(IssueProblems.field(e.getMessage(), "authority"), e.getMessage());
        }
        List<X509Certificate> caChain = caChain(ca);
        List<CertificateView> issued = new ArrayList<>(certificates.size());
        for (IssuedCertificate certificate : certificates) {
            issued.add(stored(ca, caChain, certificate, null, usage));
        }
        return issued;
    }

    /** The hosts named in a bulk request, in its order; every unknown, blank or repeated name is a problem. */
    private List<HostFacts> hosts(List<String> names, List<FieldProblem> problems) {
        if (names == null || names.isEmpty()) {
            problems.add(new FieldProblem("hosts", "is required: the names of one or more topology hosts"));
            return List.of();
        }
        if (names.size() > MAX_BULK_HOSTS) {
            problems.add(new FieldProblem("hosts", "at most " + MAX_BULK_HOSTS + " hosts per request, not " + names.size()));
            return List.of();
        }
        List<HostFacts> hosts = new ArrayList<>(names.size());
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (name == null || name.isBlank()) {
                problems.add(new FieldProblem("hosts", "a host name is blank"));
                continue;
            }
            Optional<HostFacts> host = directory.hostNamed(name.strip());
            if (host.isEmpty()) {
                problems.add(new FieldProblem("hosts", "there is no host named '" + name.strip() + "'"));
            } else if (!seen.add(host.get().name().toLowerCase(Locale.ROOT))) {
                problems.add(new FieldProblem("hosts", "'" + name.strip() + "' is listed more than once"));
            } else {
                hosts.add(host.get());
            }
        }
        return hosts;
    }

    private CertificateView issueOne(CertificateAuthority ca, IssuingCa issuer, List<X509Certificate> caChain,
            EndEntitySpec spec, String name, CertificateUsage usage) {
        IssuedCertificate issued;
        try {
            issued = operations.issue(spec, issuer, clock.instant());
        } catch (PkiInputException e) {
            throw InvalidInputException.of(IssueProblems.field(e.getMessage(), "authority"), e.getMessage());
        }
        return stored(ca, caChain, issued, name, usage);
    }

    /** Puts an issued certificate (with the CA's chain and its sealed key) into the inventory and audits it. */
    private CertificateView stored(CertificateAuthority ca, List<X509Certificate> caChain, IssuedCertificate issued,
            String name, CertificateUsage usage) {
        List<X509Certificate> chain = new ArrayList<>(caChain.size() + 1);
        chain.add(issued.certificate());
        chain.addAll(caChain);
        StoredCertificate stored = certificates.add(new NewCertificate(name, chain,
                Optional.of(issued.privateKey()), CertificateOrigin.ISSUED, ca.getId()));
        return recorded(AuditAction.CERTIFICATE_ISSUE, stored, ca, usage);
    }

    /** Signs a PKCS#10 CSR: subject and SANs from the CSR (verified), usage and validity from the request. */
    @PreAuthorize("hasRole('OPERATOR')")
    @Audited(value = AuditAction.CERTIFICATE_SIGN_CSR, objectName = "#request?.name()")
    @Transactional
    public CertificateView signCsr(long authorityId, CsrRequest request) {
        CertificateAuthority ca = authorities.require(authorityId);
        List<FieldProblem> problems = new ArrayList<>();
        CertificateUsage usage = usage(request.usage(), problems);
        requireValidity(request.validityDays(), problems);
        if (request.csrPem() == null || request.csrPem().isBlank()) {
            problems.add(new FieldProblem("csrPem", "paste the certificate signing request (-----BEGIN CERTIFICATE REQUEST-----)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        X509Certificate certificate;
        try {
            certificate = operations.signCsr(request.csrPem(), usage, request.validityDays(), keys.issuer(ca), clock.instant());
        } catch (PkiInputException e) {
            throw InvalidInputException.of(IssueProblems.field(e.getMessage(), "csrPem"), e.getMessage());
        }
        StoredCertificate stored = certificates.add(new NewCertificate(request.name(), chain(certificate, ca), Optional.empty(),
                CertificateOrigin.SIGNED_CSR, ca.getId()));
        return recorded(AuditAction.CERTIFICATE_SIGN_CSR, stored, ca, usage);
    }

    private CertificateView recorded(AuditAction action, StoredCertificate stored, CertificateAuthority ca, CertificateUsage usage) {
        CertificateView view = certificates.view(stored);
        audit.record(AuditRecord.success(action, stored.getId(), stored.getName(), null,
                Map.of("certificate", view, "authority", ca.getName(), "usage", usage)));
        return view;
    }

    /** The new certificate followed by the CA's own chain. */
    private List<X509Certificate> chain(X509Certificate issued, CertificateAuthority ca) {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(issued);
        chain.addAll(caChain(ca));
        return chain;
    }

    /** The CA's certificate followed by its own issuers. */
    private List<X509Certificate> caChain(CertificateAuthority ca) {
        return certificates.chain(certificates.require(ca.getCertificateId()));
    }

    static CertificateUsage usage(String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem("usage", "is required: SERVER, CLIENT or BOTH"));
            return CertificateUsage.SERVER;
        }
        try {
            return CertificateUsage.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("usage", "'" + value + "' is not a usage: use SERVER, CLIENT or BOTH"));
            return CertificateUsage.SERVER;
        }
    }

    private static void requireValidity(Integer days, List<FieldProblem> problems) {
        int max = CertificateAuthorityOperations.MAX_END_ENTITY_VALIDITY_DAYS;
        if (days == null || days < 1 || days > max) {
            problems.add(new FieldProblem("validityDays", "is required: 1 to " + max + " days"));
        }
    }
}
