package dev.tlsconsole.certificates.facts;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.tlsconsole.certificates.x509.CertificateDetails;
import dev.tlsconsole.certificates.x509.CertificateParser;
import dev.tlsconsole.certificates.x509.HostnameMatcher;
import dev.tlsconsole.policy.CertificateFacts;

/**
 * The inventory as the policy engine asks about it, immutable and in memory.
 *
 * <ul>
 *   <li>{@code certificate}: a 40-hex SHA-1 thumbprint (Windows) designates the certificate with that
 *       thumbprint; a PEM path (UNIX, the first of a comma-separated chain) designates what the console
 *       deployed at that path.</li>
 *   <li>{@code trust}: the {@code trusted-ca} value (thumbprints or paths, comma-separated) designates CA
 *       certificates; the peer certificate is trusted when one of them is in its chain — the stored chain,
 *       extended through CA certificates of the inventory (issuer name and key identifiers). When the chain
 *       ends at an unknown issuer the answer is UNKNOWN, not UNTRUSTED: the console cannot tell.</li>
 *   <li>{@code matchesName}: RFC 6125 through {@link HostnameMatcher}; a match that only a wildcard makes is
 *       UNVERIFIED (how Genesys hosts treat wildcards is not documented).</li>
 *   <li>{@code revocation}: the newest CRL of the certificate's issuer, or — when {@code tls-crl} is set —
 *       the CRL the console deployed at that path; an unknown path is UNKNOWN.</li>
 * </ul>
 * Thread-safe: the maps are never written after construction, parsed certificates are cached concurrently.
 */
public final class FactsSnapshot implements CertificateFacts {

    private static final int MAX_CHAIN = 10;

    private final Map<String, FactsData.Certificate> byFingerprint = new HashMap<>();
    private final Map<String, String> fingerprintBySha1 = new HashMap<>();
    private final Map<String, List<FactsData.Certificate>> casBySubject = new HashMap<>();
    private final Map<String, FactsData.Deployment> deploymentsByPath = new HashMap<>();
    private final Map<String, FactsData.Crl> crlsByIssuer = new HashMap<>();
    private final Set<String> selfIssuedMembers = new HashSet<>();
    private final Map<String, CertificateDetails> parsed = new ConcurrentHashMap<>();
    private final List<FactsData.Certificate> certificates;
    private final List<FactsData.ChainMember> members;
    private final List<FactsData.Crl> crls;

    FactsSnapshot(List<FactsData.Certificate> certificates, List<FactsData.ChainMember> members,
            Collection<FactsData.Deployment> deployments, Collection<FactsData.Crl> crls) {
        this.certificates = List.copyOf(certificates);
        this.members = List.copyOf(members);
        this.crls = List.copyOf(crls);
        for (FactsData.ChainMember member : members) {
            fingerprintBySha1.putIfAbsent(member.sha1().toUpperCase(Locale.ROOT), member.fingerprint());
            if (member.selfIssued()) {
                selfIssuedMembers.add(member.fingerprint());
            }
        }
        for (FactsData.Certificate certificate : certificates) {
            byFingerprint.put(certificate.fingerprint(), certificate);
            fingerprintBySha1.put(certificate.sha1().toUpperCase(Locale.ROOT), certificate.fingerprint());
            if (certificate.ca()) {
                casBySubject.computeIfAbsent(certificate.subject(), s -> new ArrayList<>()).add(certificate);
            }
        }
        deployments.forEach(deployment -> deploymentsByPath.put(deployment.path(), deployment));
        crls.forEach(crl -> crlsByIssuer.put(crl.issuer(), crl));
    }

    /**
     * The same facts with files about to be deployed (an assignment being previewed) added, so the
     * preview judges the paths it is going to write.
     */
    public FactsSnapshot withDeployments(Collection<PlannedFile> planned) {
        List<FactsData.Deployment> deployments = new ArrayList<>(deploymentsByPath.values());
        planned.forEach(file -> deployments.add(new FactsData.Deployment(file.path(), file.kind(), file.contentFingerprint())));
        return new FactsSnapshot(certificates, members, deployments, crls);
    }

    /** A file an assignment will deploy: its path, kind and the fingerprint of what it holds. */
    public record PlannedFile(String path, String kind, String contentFingerprint) {
    }

    /**
     * A CRL an import is about to add that will be its issuer's newest.
     *
     * @param revokedSerials upper-case hex, as the inventory stores them
     */
    public record PlannedCrl(String issuer, String crlNumber, Instant nextUpdate, Set<String> revokedSerials) {
    }

    /**
     * The same facts with what an import is about to add counted as added (nothing is written): the
     * certificates (each chain leaf first, the issuers above it as its stored chain; one the facts hold
     * already stays as it is), the files deployed at paths (after those known, so a path given again
     * designates the new content), and CRLs that become their issuer's newest.
     */
    public FactsSnapshot withImported(List<List<CertificateDetails>> chains, Collection<PlannedFile> files,
            Collection<PlannedCrl> newest) {
        List<FactsData.Certificate> allCertificates = new ArrayList<>(certificates);
        List<FactsData.ChainMember> allMembers = new ArrayList<>(members);
        Set<String> memberFingerprints = new HashSet<>();
        members.forEach(member -> memberFingerprints.add(member.fingerprint()));
        Set<String> known = new HashSet<>(byFingerprint.keySet());
        for (List<CertificateDetails> chain : chains) {
            CertificateDetails leaf = chain.get(0);
            if (!known.add(leaf.sha256Fingerprint())) {
                continue;
            }
            List<CertificateDetails> above = chain.subList(1, chain.size());
            for (CertificateDetails issuer : above) {
                if (memberFingerprints.add(issuer.sha256Fingerprint())) {
                    allMembers.add(new FactsData.ChainMember(issuer.sha256Fingerprint(), issuer.sha1Thumbprint(), issuer.subject(),
                            issuer.subject().equals(issuer.issuer())));
                }
            }
            allCertificates.add(new FactsData.Certificate(leaf.sha256Fingerprint(), leaf.sha1Thumbprint(), leaf.subject(),
                    leaf.issuer(), leaf.serialNumber(), leaf.notBefore(), leaf.notAfter(), leaf.keyAlgorithm(), leaf.keySize(),
                    leaf.signatureAlgorithm(), leaf.ca(), leaf.subjectKeyIdentifier(), leaf.authorityKeyIdentifier(),
                    Base64.getEncoder().encodeToString(leaf.der()), above.stream().map(CertificateDetails::sha256Fingerprint).toList()));
        }
        List<FactsData.Deployment> deployments = new ArrayList<>(deploymentsByPath.values());
        files.forEach(file -> deployments.add(new FactsData.Deployment(file.path(), file.kind(), file.contentFingerprint())));
        Map<String, FactsData.Crl> allCrls = new LinkedHashMap<>(crlsByIssuer);
        newest.forEach(crl -> allCrls.put(crl.issuer(), new FactsData.Crl(crl.issuer(), crl.crlNumber(), crl.nextUpdate(),
                Set.copyOf(crl.revokedSerials()))));
        return new FactsSnapshot(allCertificates, allMembers, deployments, allCrls.values());
    }

    /** Whether {@code path} designates the content with {@code fingerprint} as a file of {@code kind} already. */
    public boolean holds(String path, String kind, String fingerprint) {
        FactsData.Deployment file = deploymentsByPath.get(path);
        return file != null && file.kind().equals(kind) && file.contentFingerprint().equals(fingerprint);
    }

    @Override
    public Optional<KnownCertificate> certificate(String certificateValue) {
        return designated(first(certificateValue)).map(byFingerprint::get).map(FactsSnapshot::known);
    }

    @Override
    public Trust trust(String trustedCaValue, KnownCertificate certificate) {
        Set<String> anchors = new HashSet<>();
        for (String part : trustedCaValue.split(",")) {
            designated(part.strip()).ifPresent(anchors::add);
        }
        FactsData.Certificate leaf = byFingerprint.get(certificate.reference());
        if (anchors.isEmpty() || leaf == null) {
            return Trust.UNKNOWN;
        }
        Chain chain = chainOf(leaf);
        if (chain.fingerprints().stream().anyMatch(anchors::contains)) {
            return Trust.TRUSTED;
        }
        return chain.complete() ? Trust.UNTRUSTED : Trust.UNKNOWN;
    }

    @Override
    public NameMatch matchesName(KnownCertificate certificate, String expectedName) {
        FactsData.Certificate known = byFingerprint.get(certificate.reference());
        if (known == null || expectedName == null || expectedName.isBlank()) {
            return NameMatch.UNVERIFIED;
        }
        X509Certificate x509 = new CertificateParser().parse(Base64.getDecoder().decode(known.derBase64()), null).leaf();
        if (!HostnameMatcher.matches(expectedName, x509)) {
            return NameMatch.MISMATCH;
        }
        CertificateDetails details = parsed.computeIfAbsent(known.fingerprint(), fp -> CertificateDetails.of(x509));
        return onlyByWildcard(expectedName.strip(), details) ? NameMatch.UNVERIFIED : NameMatch.MATCH;
    }

    @Override
    public Revocation revocation(KnownCertificate certificate, Optional<String> crlValue) {
        FactsData.Certificate known = byFingerprint.get(certificate.reference());
        if (known == null) {
            return Revocation.UNKNOWN;
        }
        FactsData.Crl crl;
        String name;
        if (crlValue.isPresent() && !crlValue.get().isBlank()) {
            FactsData.Deployment file = deploymentsByPath.get(crlValue.get().strip());
            FactsData.Certificate issuer = file == null || !"CRL".equals(file.kind()) ? null : byFingerprint.get(file.contentFingerprint());
            crl = issuer == null ? null : crlsByIssuer.get(issuer.subject());
            // a CRL of another CA than the certificate's issuer says nothing about it
            if (crl != null && !crl.issuer().equals(known.issuer())) {
                return Revocation.UNKNOWN;
            }
            name = crlValue.get().strip();
        } else {
            crl = crlsByIssuer.get(known.issuer());
            name = crl == null ? "" : "the CRL " + (crl.crlNumber() == null ? "" : crl.crlNumber() + " ") + "of " + crl.issuer();
        }
        if (crl == null) {
            return Revocation.UNKNOWN;
        }
        RevocationState state = crl.revokedSerials().contains(known.serial()) ? RevocationState.REVOKED : RevocationState.NOT_REVOKED;
        return new Revocation(state, Optional.ofNullable(crl.nextUpdate()), name);
    }

    /** The CA certificates (base64 DER) a {@code trusted-ca} value designates, for checking a chain a server presented. */
    List<String> anchorsDer(String trustedCaValue) {
        List<String> anchors = new ArrayList<>();
        for (String part : trustedCaValue == null ? new String[0] : trustedCaValue.split(",")) {
            designated(part.strip()).map(byFingerprint::get).ifPresent(anchor -> anchors.add(anchor.derBase64()));
        }
        return anchors;
    }

    /** The newest CRL the console knows of {@code issuer}. */
    Optional<FactsData.Crl> newestCrl(String issuer) {
        return Optional.ofNullable(crlsByIssuer.get(issuer));
    }

    /** The fingerprint of the certificate a thumbprint or a deployed path designates. */
    Optional<String> designated(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (isThumbprint(value)) {
            return Optional.ofNullable(fingerprintBySha1.get(value.toUpperCase(Locale.ROOT)));
        }
        FactsData.Deployment file = deploymentsByPath.get(value);
        return file == null || "KEY".equals(file.kind()) || "CRL".equals(file.kind()) ? Optional.empty()
                : Optional.of(file.contentFingerprint());
    }

    /** The chain of {@code leaf} by fingerprint, and whether it reaches a self-issued certificate (a root). */
    private Chain chainOf(FactsData.Certificate leaf) {
        Set<String> fingerprints = new LinkedHashSet<>();
        fingerprints.add(leaf.fingerprint());
        fingerprints.addAll(leaf.chain());
        String top = leaf.chain().isEmpty() ? leaf.fingerprint() : leaf.chain().get(leaf.chain().size() - 1);
        FactsData.Certificate current = byFingerprint.get(top);
        if (current == null) {
            // the top of the stored chain was never imported on its own
            return new Chain(fingerprints, selfIssuedMembers.contains(top));
        }
        for (int depth = 0; depth < MAX_CHAIN && !current.selfIssued(); depth++) {
            FactsData.Certificate issuer = issuerOf(current);
            if (issuer == null || !fingerprints.add(issuer.fingerprint())) {
                return new Chain(fingerprints, false);
            }
            current = issuer;
        }
        return new Chain(fingerprints, current.selfIssued());
    }

    private FactsData.Certificate issuerOf(FactsData.Certificate certificate) {
        for (FactsData.Certificate candidate : casBySubject.getOrDefault(certificate.issuer(), List.of())) {
            boolean keyMatches = certificate.authorityKeyIdentifier() == null || candidate.subjectKeyIdentifier() == null
                    || certificate.authorityKeyIdentifier().equalsIgnoreCase(candidate.subjectKeyIdentifier());
            if (keyMatches) {
                return candidate;
            }
        }
        return null;
    }

    /** True when no SAN (nor, without DNS SANs, the CN) names {@code expected} exactly: a wildcard made the match. */
    private static boolean onlyByWildcard(String expected, CertificateDetails details) {
        String wanted = expected.toLowerCase(Locale.ROOT);
        List<String> dns = details.subjectAlternativeNames().stream().filter(san -> san.startsWith("DNS:"))
                .map(san -> san.substring(4).toLowerCase(Locale.ROOT)).toList();
        boolean exact = dns.contains(wanted)
                || details.subjectAlternativeNames().stream().anyMatch(san -> san.equalsIgnoreCase("IP:" + expected))
                || dns.isEmpty() && details.subject().toLowerCase(Locale.ROOT).matches("(^|.*,)cn=" + java.util.regex.Pattern.quote(wanted) + "(,.*|$)");
        return !exact;
    }

    private static KnownCertificate known(FactsData.Certificate certificate) {
        return new KnownCertificate(certificate.fingerprint(), certificate.subject(), certificate.notBefore(),
                certificate.notAfter(), certificate.keyAlgorithm(), certificate.keySize(), certificate.signatureAlgorithm());
    }

    private static String first(String value) {
        return value == null ? "" : value.split(",", 2)[0].strip();
    }

    static boolean isThumbprint(String value) {
        return value.length() == 40 && value.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    private record Chain(Set<String> fingerprints, boolean complete) {
    }
}
