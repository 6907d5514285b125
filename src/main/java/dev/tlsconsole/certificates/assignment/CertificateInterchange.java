package dev.tlsconsole.certificates.assignment;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.certificates.crl.Crl;
import dev.tlsconsole.certificates.crl.CrlImport;
import dev.tlsconsole.certificates.crl.CrlStore;
import dev.tlsconsole.certificates.facts.FactsSnapshot;
import dev.tlsconsole.certificates.facts.FactsSnapshot.PlannedCrl;
import dev.tlsconsole.certificates.facts.FactsSnapshot.PlannedFile;
import dev.tlsconsole.certificates.facts.InventoryFacts;
import dev.tlsconsole.certificates.inventory.CertificateImport;
import dev.tlsconsole.certificates.inventory.CertificateOrigin;
import dev.tlsconsole.certificates.inventory.CertificateStore;
import dev.tlsconsole.certificates.inventory.CertificateUpload;
import dev.tlsconsole.certificates.inventory.StoredCertificate;
import dev.tlsconsole.certificates.x509.CertificateDetails;
import dev.tlsconsole.certificates.x509.CertificateParser;
import dev.tlsconsole.certificates.x509.CrlDetails;
import dev.tlsconsole.certificates.x509.CrlOperations;
import dev.tlsconsole.certificates.x509.PemExporter;
import dev.tlsconsole.certificates.x509.PkiInputException;
import dev.tlsconsole.certificates.x509.RevokedCertificate;
import dev.tlsconsole.policy.CertificateFacts;

/**
 * The public certificates and CRLs that travel with a topology exchanged in Genesys form (the Genesys
 * interchange): which ones option values reference, with the paths the console deployed them at; and, on
 * import, which of them the inventory lacks and adding those (public parts only, never a key) with the
 * paths they were deployed at, so the effective policy judges the same content again.
 *
 * <p>Option values designate certificates as the policy engine reads them: a 40-hex SHA-1 thumbprint
 * (Windows), or a PEM path the console deployed (UNIX, comma-separated lists allowed); a {@code tls-crl}
 * path designates the CRL of the CA deployed there. The certificates' issuing CAs known to the inventory
 * and the newest CRL of each issuer come along, so chains and revocation are judged the same.
 */
@Service
public class CertificateInterchange {

    private static final int MAX_CHAIN = 10;

    private final JdbcTemplate jdbc;
    private final CertificateStore certificates;
    private final CrlStore crls;
    private final CertificateImport certificateImport;
    private final CrlImport crlImport;
    private final Deployments deployments;
    private final CertificateParser parser;
    private final CrlOperations crlOperations;
    private final InventoryFacts inventory;

    CertificateInterchange(JdbcTemplate jdbc, CertificateStore certificates, CrlStore crls, CertificateImport certificateImport,
            CrlImport crlImport, Deployments deployments, CertificateParser parser, CrlOperations crlOperations,
            InventoryFacts inventory) {
        this.jdbc = jdbc;
        this.certificates = certificates;
        this.crls = crls;
        this.certificateImport = certificateImport;
        this.crlImport = crlImport;
        this.deployments = deployments;
        this.parser = parser;
        this.crlOperations = crlOperations;
        this.inventory = inventory;
    }

    /** Where a file was deployed: its path and what it holds ({@code CERTIFICATE}, {@code INTERMEDIATE}, {@code TRUSTED_CA}, {@code CRL}). */
    public record Location(String path, String kind) {
    }

    /** A certificate to carry: its inventory name, the PEM of it and its stored chain (leaf first), the paths options use. */
    public record CertificateFile(String name, String subject, String sha1Thumbprint, String sha256Fingerprint,
            List<Location> locations, String pem) {
    }

    /** A CRL to carry (PEM), with the {@code tls-crl} paths it was deployed at. */
    public record CrlFile(String issuer, String crlNumber, List<String> paths, String pem) {
    }

    /** What option values reference, in a stable order. */
    public record Referenced(List<CertificateFile> certificates, List<CrlFile> crls) {
    }

    /**
     * The certificates and CRLs that {@code optionValues} (values of {@code certificate}, {@code trusted-ca},
     * {@code tls-crl}) designate, their issuing CAs in the inventory, and the newest CRL of every issuer.
     * Values the console does not know (a thumbprint of a certificate it does not hold) designate nothing.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Referenced referenced(Collection<String> optionValues) {
        Set<String> fingerprints = new LinkedHashSet<>();
        Map<String, Set<Location>> locations = new LinkedHashMap<>();
        Map<String, Set<String>> crlPathsByCa = new LinkedHashMap<>();
        for (String value : new TreeSet<>(optionValues)) {
            for (String part : value.split(",")) {
                String reference = part.strip();
                if (reference.isEmpty()) {
                    continue;
                }
                if (isThumbprint(reference)) {
                    jdbc.queryForList("select sha256_fingerprint from certificate where upper(sha1_thumbprint) = ?", String.class,
                            reference.toUpperCase(Locale.ROOT)).forEach(fingerprints::add);
                    continue;
                }
                jdbc.query("select kind, content_fingerprint from certificate_deployment where path = ? order by id", rs -> {
                    String kind = rs.getString(1);
                    String fingerprint = rs.getString(2);
                    if ("KEY".equals(kind)) {
                        return;
                    }
                    fingerprints.add(fingerprint);
                    if ("CRL".equals(kind)) {
                        crlPathsByCa.computeIfAbsent(fingerprint, f -> new TreeSet<>()).add(reference);
                    } else {
                        locations.computeIfAbsent(fingerprint, f -> new LinkedHashSet<>()).add(new Location(reference, kind));
                    }
                }, reference);
            }
        }
        Map<String, StoredCertificate> carried = new LinkedHashMap<>();
        for (String fingerprint : fingerprints) {
            byFingerprint(fingerprint).ifPresent(certificate -> withIssuers(certificate, carried));
        }
        List<CertificateFile> files = new ArrayList<>();
        Map<Long, CrlFile> crlFiles = new LinkedHashMap<>();
        Map<String, Set<String>> crlPathsByIssuer = new LinkedHashMap<>();
        crlPathsByCa.forEach((fingerprint, paths) -> Optional.ofNullable(carried.get(fingerprint))
                .ifPresent(ca -> crlPathsByIssuer.computeIfAbsent(ca.getSubject(), s -> new TreeSet<>()).addAll(paths)));
        for (StoredCertificate certificate : carried.values()) {
            files.add(new CertificateFile(certificate.getName(), certificate.getSubject(), certificate.getSha1Thumbprint(),
                    certificate.getSha256Fingerprint(), List.copyOf(locations.getOrDefault(certificate.getSha256Fingerprint(), Set.of())),
                    PemExporter.certificates(certificates.chain(certificate))));
        }
        Set<String> issuers = new LinkedHashSet<>(crlPathsByIssuer.keySet());
        carried.values().forEach(c -> issuers.add(c.getIssuer()));
        for (String issuer : issuers) {
            crls.latestOfIssuer(issuer).ifPresent(crl -> crlFiles.computeIfAbsent(crl.getId(), id -> new CrlFile(crl.getIssuer(),
                    crl.getCrlNumber(), List.copyOf(crlPathsByIssuer.getOrDefault(crl.getIssuer(), Set.of())), pem(crl))));
        }
        return new Referenced(files, List.copyOf(crlFiles.values()));
    }

    /** A certificate file of an archive: where it came from, the name it had, its PEM text and deployed paths. */
    public record IncomingCertificate(String file, String name, String pem, List<Location> locations) {
    }

    /** A CRL file of an archive (PEM or DER) and the {@code tls-crl} paths it was deployed at. */
    public record IncomingCrl(String file, byte[] content, List<String> paths) {
    }

    /** What an import does with one file: {@code ADD} it, it is {@code PRESENT} already, or {@code SKIP} it (see note). */
    public enum Action {
        ADD, PRESENT, SKIP
    }

    /**
     * One certificate or CRL of the plan.
     *
     * @param type  {@code CERTIFICATE} or {@code CRL}
     * @param name  the certificate's name (its subject when it has none), or the CRL's issuer
     * @param match how it is matched with the inventory: the SHA-256 fingerprint, or the CRL's issuer and number
     */
    public record PlannedItem(String type, String file, String name, String match, Action action, List<String> paths,
            String note) {
    }

    /** The checked files: what the plan shows, and what {@link #add} writes. */
    public static final class Plan {
        private final List<PlannedItem> items = new ArrayList<>();
        private final List<ReadCertificate> certificatesRead = new ArrayList<>();
        private final List<ReadCrl> crlsRead = new ArrayList<>();

        public List<PlannedItem> items() {
            return List.copyOf(items);
        }
    }

    private record ReadCertificate(IncomingCertificate file, CertificateDetails leaf, List<CertificateDetails> chain,
            boolean present) {

        /** The files the apply records for this certificate: its locations, except keys and CRLs. */
        List<PlannedFile> files() {
            return file.locations().stream().filter(l -> !"KEY".equals(l.kind()) && !"CRL".equals(l.kind()))
                    .map(l -> new PlannedFile(l.path(), kind(l.kind()), leaf.sha256Fingerprint())).toList();
        }
    }

    private record ReadCrl(IncomingCrl file, CrlDetails details, Action action) {
    }

    /**
     * Reads and checks every file without writing anything: a file that is not a certificate or CRL, or
     * that holds a private key, is a 400 naming it; a CRL that does not verify with its issuer's
     * certificate (from the files or the inventory) too.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Plan plan(List<IncomingCertificate> incomingCertificates, List<IncomingCrl> incomingCrls) {
        Plan plan = new Plan();
        Map<String, X509Certificate> cas = new LinkedHashMap<>();
        Set<String> planned = new java.util.HashSet<>();
        for (IncomingCertificate file : incomingCertificates) {
            if (file.pem().contains("PRIVATE KEY")) {
                throw refused(file.file(), "holds a private key: the archive carries public certificates only");
            }
            List<X509Certificate> chain = readable(file.file(), () -> parser.parsePem(file.pem(), null, null).chain());
            List<CertificateDetails> details = chain.stream().map(CertificateDetails::of).toList();
            CertificateDetails leaf = details.get(0);
            chain.stream().filter(c -> c.getBasicConstraints() >= 0)
                    .forEach(c -> cas.putIfAbsent(CertificateDetails.of(c).subject(), c));
            // the same certificate twice in one archive is added once
            boolean present = !planned.add(leaf.sha256Fingerprint()) || byFingerprint(leaf.sha256Fingerprint()).isPresent();
            plan.certificatesRead.add(new ReadCertificate(file, leaf, details, present));
            plan.items.add(new PlannedItem("CERTIFICATE", file.file(), file.name() == null || file.name().isBlank()
                    ? leaf.subject() : file.name(), leaf.sha256Fingerprint(), present ? Action.PRESENT : Action.ADD,
                    file.locations().stream().map(Location::path).toList(), null));
        }
        for (IncomingCrl file : incomingCrls) {
            CrlDetails details = readable(file.file(), () -> crlOperations.parse(file.content()));
            if (details.nextUpdate() == null || !details.nextUpdate().isAfter(details.thisUpdate())) {
                throw refused(file.file(), "the CRL has no nextUpdate after its thisUpdate, so nobody can tell when it goes stale");
            }
            List<StoredCertificate> issuers = certificates.findBySubject(details.issuer());
            String number = details.crlNumber() == null ? null : details.crlNumber().toString();
            Action action;
            String note = null;
            if (!planned.add("CRL " + details.issuer() + " #" + (number == null ? sha256(details.der()) : number))
                    || sameCrlStored(details, number)) {
                action = Action.PRESENT;
            } else if (issuers.stream().anyMatch(c -> c.getOrigin() == CertificateOrigin.AUTHORITY)) {
                action = Action.SKIP;
                note = "issued by a certificate authority of this console, which publishes its own CRLs";
            } else {
                action = Action.ADD;
                X509Certificate issuer = cas.get(details.issuer());
                if (issuer == null && !issuers.isEmpty()) {
                    issuer = certificates.x509(issuers.get(0));
                }
                if (issuer != null) {
                    X509Certificate verifier = issuer;
                    readable(file.file(), () -> crlOperations.importCrl(file.content(), verifier));
                }
            }
            plan.crlsRead.add(new ReadCrl(file, details, action));
            plan.items.add(new PlannedItem("CRL", file.file(), details.issuer(), details.issuer() + " #" + (number == null ? "-" : number),
                    action, file.paths(), note));
        }
        return plan;
    }

    /**
     * Adds what {@link #plan} found missing, in the caller's transaction: each certificate through the
     * certificate import and each CRL through the CRL import (one audit entry each), then the paths they
     * were deployed at. Nothing here is expected to refuse — the plan checked it before the first write.
     */
    @PreAuthorize("hasRole('OPERATOR')")
    @Transactional
    public void add(Plan plan) {
        for (ReadCertificate read : plan.certificatesRead) {
            if (!read.present()) {
                String name = read.file().name();
                boolean nameFree = name != null && !name.isBlank() && certificates.findByName(name.strip()).isEmpty();
                certificateImport.importCertificate(new CertificateUpload(nameFree ? name.strip() : null, null, read.file().pem(),
                        null, null));
            }
        }
        for (ReadCertificate read : plan.certificatesRead) {
            StoredCertificate stored = byFingerprint(read.leaf().sha256Fingerprint()).orElseThrow();
            deployments.record(stored.getId(), read.files());
        }
        for (ReadCrl read : plan.crlsRead) {
            if (read.action() == Action.ADD) {
                crlImport.importCrl(read.file().content(), read.file().file());
            }
            if (!read.file().paths().isEmpty()) {
                certificates.findBySubject(read.details().issuer()).stream().filter(StoredCertificate::isCa).findFirst()
                        .ifPresent(ca -> deployments.record(ca.getId(), read.file().paths().stream()
                                .map(path -> new PlannedFile(path, Deployments.Kind.CRL.name(), ca.getSha256Fingerprint())).toList()));
            }
        }
    }

    /**
     * The certificate facts the policy engine judges with, before and after {@link #add} of this plan.
     *
     * @param before  the inventory as the caller's transaction sees it
     * @param after   the same with the plan's certificates, deployed paths and CRLs counted as added
     * @param changes whether {@code after} knows anything {@code before} does not (a certificate, a path, a newer CRL)
     */
    public record Facts(CertificateFacts before, CertificateFacts after, boolean changes) {
    }

    /**
     * The facts as they are and as they will be once {@link #add} has written this plan — computed from the
     * files read by {@link #plan}, nothing written — so an import plan judges every connection with the
     * certificates and CRLs its apply adds. It follows {@code add}: absent certificates join (a chain's leaf;
     * the certificates above it as its stored chain), every certificate's paths are recorded, a CRL added
     * becomes its issuer's newest unless a newer one is stored, and a CRL's paths designate its issuer's CA.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Facts facts(Plan plan) {
        FactsSnapshot before = inventory.snapshot();
        boolean changes = false;
        List<List<CertificateDetails>> chains = new ArrayList<>();
        List<PlannedFile> files = new ArrayList<>();
        Map<String, String> caBySubject = new LinkedHashMap<>();
        for (ReadCertificate read : plan.certificatesRead) {
            if (!read.present()) {
                chains.add(read.chain());
                changes = true;
                if (read.leaf().ca()) {
                    caBySubject.putIfAbsent(read.leaf().subject(), read.leaf().sha256Fingerprint());
                }
            }
            files.addAll(read.files());
        }
        Map<String, Instant> newestThisUpdate = new HashMap<>();
        Map<String, PlannedCrl> newest = new LinkedHashMap<>();
        for (ReadCrl read : plan.crlsRead) {
            CrlDetails details = read.details();
            if (read.action() == Action.ADD) {
                Instant latest = newestThisUpdate.computeIfAbsent(details.issuer(),
                        issuer -> crls.latestOfIssuer(issuer).map(Crl::getThisUpdate).orElse(null));
                // as the CRL import decides: not older than the newest stored (or added before it) makes it the newest
                if (latest == null || !details.thisUpdate().isBefore(latest)) {
                    newestThisUpdate.put(details.issuer(), details.thisUpdate());
                    newest.put(details.issuer(), new PlannedCrl(details.issuer(),
                            details.crlNumber() == null ? null : details.crlNumber().toString(), details.nextUpdate(),
                            details.revoked().stream().map(RevokedCertificate::serialHex).collect(Collectors.toSet())));
                    changes = true;
                }
            }
            if (!read.file().paths().isEmpty()) {
                Optional<String> ca = certificates.findBySubject(details.issuer()).stream().filter(StoredCertificate::isCa)
                        .findFirst().map(StoredCertificate::getSha256Fingerprint)
                        .or(() -> Optional.ofNullable(caBySubject.get(details.issuer())));
                ca.ifPresent(fingerprint -> read.file().paths().forEach(path ->
                        files.add(new PlannedFile(path, Deployments.Kind.CRL.name(), fingerprint))));
            }
        }
        for (PlannedFile file : files) {
            changes |= !before.holds(file.path(), file.kind(), file.contentFingerprint());
        }
        return new Facts(before, before.withImported(chains, files, newest.values()), changes);
    }

    /** The same CRL is stored: same issuer and CRL number, or — for a CRL without a number — the same DER. */
    private boolean sameCrlStored(CrlDetails details, String number) {
        Integer count = number == null
                ? jdbc.queryForObject("select count(*) from crl where sha256_fingerprint = ?", Integer.class, sha256(details.der()))
                : jdbc.queryForObject("select count(*) from crl where issuer = ? and crl_number = ?", Integer.class,
                        details.issuer(), number);
        return count != null && count > 0;
    }

    private static String sha256(byte[] der) {
        try {
            return java.util.HexFormat.of().withUpperCase().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(der));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }

    private static String kind(String kind) {
        try {
            return Deployments.Kind.valueOf(kind).name();
        } catch (IllegalArgumentException | NullPointerException e) {
            return Deployments.Kind.CERTIFICATE.name();
        }
    }

    /** The certificate and the CAs above it that the inventory holds (issuer name and key identifier), at most 10 deep. */
    private void withIssuers(StoredCertificate certificate, Map<String, StoredCertificate> carried) {
        StoredCertificate current = certificate;
        for (int depth = 0; depth < MAX_CHAIN && current != null; depth++) {
            if (carried.putIfAbsent(current.getSha256Fingerprint(), current) != null || current.isSelfSigned()) {
                return;
            }
            StoredCertificate child = current;
            current = certificates.findBySubject(child.getIssuer()).stream().filter(StoredCertificate::isCa)
                    .filter(ca -> child.getAuthorityKeyIdentifier() == null || ca.getSubjectKeyIdentifier() == null
                            || child.getAuthorityKeyIdentifier().equalsIgnoreCase(ca.getSubjectKeyIdentifier()))
                    .findFirst().orElse(null);
        }
    }

    private Optional<StoredCertificate> byFingerprint(String fingerprint) {
        return jdbc.queryForList("select id from certificate where sha256_fingerprint = ?", Long.class, fingerprint).stream()
                .findFirst().flatMap(certificates::find);
    }

    private String pem(Crl crl) {
        return crlOperations.parse(crl.der()).pem();
    }

    private static <T> T readable(String file, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (PkiInputException e) {
            throw refused(file, e.getMessage());
        }
    }

    private static InvalidInputException refused(String file, String message) {
        return InvalidInputException.of(file, file + ": " + message);
    }

    private static boolean isThumbprint(String value) {
        return value.length() == 40 && value.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }
}
