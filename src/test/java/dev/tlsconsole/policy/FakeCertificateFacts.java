package dev.tlsconsole.policy;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Certificate content by option value, with trust, names and revocation set up per test. */
public final class FakeCertificateFacts implements CertificateFacts {

    private final Map<String, KnownCertificate> certificates = new HashMap<>();
    private final Set<String> trusted = new HashSet<>();
    private final Set<String> untrusted = new HashSet<>();
    private final Map<String, Set<String>> names = new HashMap<>();
    private final Map<String, Revocation> revocations = new HashMap<>();

    /** A sound certificate: RSA 2048, SHA256withRSA, valid for the whole of 2025–2027. */
    public static KnownCertificate sound(String reference, String subject) {
        return new KnownCertificate(reference, subject, Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2027-12-31T00:00:00Z"), "RSA", 2048, "SHA256withRSA");
    }

    public FakeCertificateFacts add(String optionValue, KnownCertificate certificate, String... dnsNames) {
        certificates.put(optionValue, certificate);
        names.put(certificate.reference(), Set.of(dnsNames));
        return this;
    }

    public FakeCertificateFacts trusts(String caValue, String reference) {
        trusted.add(caValue + "|" + reference);
        return this;
    }

    public FakeCertificateFacts distrusts(String caValue, String reference) {
        untrusted.add(caValue + "|" + reference);
        return this;
    }

    /** The revocation answer for a certificate checked with a tls-crl value ("" = issuing CA's CRL). */
    public FakeCertificateFacts revocation(String reference, String crlValue, Revocation revocation) {
        revocations.put(reference + "|" + crlValue, revocation);
        return this;
    }

    @Override
    public Optional<KnownCertificate> certificate(String certificateValue) {
        return Optional.ofNullable(certificates.get(certificateValue));
    }

    @Override
    public Trust trust(String trustedCaValue, KnownCertificate certificate) {
        String key = trustedCaValue + "|" + certificate.reference();
        return trusted.contains(key) ? Trust.TRUSTED : untrusted.contains(key) ? Trust.UNTRUSTED : Trust.UNKNOWN;
    }

    @Override
    public NameMatch matchesName(KnownCertificate certificate, String expectedName) {
        if (expectedName.startsWith("*")) {
            return NameMatch.UNVERIFIED;
        }
        return names.getOrDefault(certificate.reference(), Set.of()).contains(expectedName) ? NameMatch.MATCH : NameMatch.MISMATCH;
    }

    @Override
    public Revocation revocation(KnownCertificate certificate, Optional<String> crlValue) {
        return revocations.getOrDefault(certificate.reference() + "|" + crlValue.orElse(""), Revocation.UNKNOWN);
    }
}
