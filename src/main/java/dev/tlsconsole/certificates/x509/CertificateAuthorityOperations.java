package dev.tlsconsole.certificates.x509;

import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * The internal CA: creates root and intermediate CAs, issues server/client certificates and signs CSRs.
 *
 * <p>Time is always passed in ({@code now}), never read from the system clock, so services decide the
 * clock and tests are deterministic. Serial numbers come from the {@link SecureRandom} given at
 * construction. CA private keys enter only as arguments ({@link IssuingCa}) and are never kept.
 * Thread-safe.
 */
public final class CertificateAuthorityOperations {

    /** Longest CA lifetime accepted: 20 years. */
    public static final int MAX_CA_VALIDITY_DAYS = 7305;
    /**
     * Longest end-entity lifetime accepted: 825 days, the limit Apple platforms enforce on TLS server
     * certificates even from private CAs; shorter is better, revocation is slow to propagate.
     */
    public static final int MAX_END_ENTITY_VALIDITY_DAYS = 825;
    /** notBefore is set this far before {@code now} so hosts whose clocks run slightly behind accept a new certificate. */
    public static final Duration BACKDATE = Duration.ofMinutes(5);

    private static final int CA_KEY_USAGE = KeyUsage.keyCertSign | KeyUsage.cRLSign;

    private static final String NO_SAN = "a server certificate needs at least one subject alternative name (DNS:host or IP:address)";

    private final SecureRandom random;

    public CertificateAuthorityOperations(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A self-signed root CA: BasicConstraints cA (critical, no path length), KeyUsage keyCertSign + cRLSign, SKI. */
    public IssuedCertificate createRootCa(CaSpec spec, Instant now) {
        X500Name subject = DistinguishedNames.parse(spec.subject());
        Instant notBefore = start(now);
        Instant notAfter = end(now, spec.validityDays(), MAX_CA_VALIDITY_DAYS);
        KeyPair keys = spec.keyAlgorithm().generate(random);
        X509Certificate certificate = new CertificateAssembler(random, subject, subject, keys.getPublic(), notBefore, notAfter, null)
                .basicConstraints(true, null)
                .keyUsage(CA_KEY_USAGE)
                .sign(keys.getPrivate(), keys.getPublic());
        return new IssuedCertificate(certificate, keys.getPrivate());
    }

    /** An intermediate CA under {@code issuer} with path length 0: it may issue end-entity certificates only. */
    public IssuedCertificate createIntermediateCa(CaSpec spec, IssuingCa issuer, Instant now) {
        IssuerChecks.requireCanSign(issuer, now);
        int issuerPathLength = issuer.certificate().getBasicConstraints();
        if (issuerPathLength == 0) {
            throw new PkiInputException("the CA " + CertificateChains.subject(issuer.certificate())
                    + " has path length 0 and cannot have intermediate CAs below it");
        }
        X500Name subject = DistinguishedNames.parse(spec.subject());
        Instant notAfter = end(now, spec.validityDays(), MAX_CA_VALIDITY_DAYS);
        IssuerChecks.requireWithinIssuer(issuer, notAfter, now);
        KeyPair keys = spec.keyAlgorithm().generate(random);
        X509Certificate certificate = assembler(issuer, subject, keys.getPublic(), now, notAfter)
                .basicConstraints(true, 0)
                .keyUsage(CA_KEY_USAGE)
                .crlDistributionPoint(issuer.crlDistributionPoint())
                .sign(issuer.privateKey(), issuer.certificate().getPublicKey());
        return new IssuedCertificate(certificate, keys.getPrivate());
    }

    /** An end-entity certificate with a freshly generated key pair (see {@link EndEntitySpec#forHost}). */
    public IssuedCertificate issue(EndEntitySpec spec, IssuingCa issuer, Instant now) {
        return issueAll(List.of(spec), issuer, now).get(0);
    }

    /**
     * End-entity certificates with fresh key pairs, one per spec, in order: the CA is checked (and its key proven
     * to match its certificate) once for all of them. Every spec is checked before the first key is generated,
     * so a bad one fails the whole batch early.
     */
    public List<IssuedCertificate> issueAll(List<EndEntitySpec> specs, IssuingCa issuer, Instant now) {
        List<X500Name> subjects = new ArrayList<>(specs.size());
        List<GeneralNames> sans = new ArrayList<>(specs.size());
        List<Instant> ends = new ArrayList<>(specs.size());
        for (EndEntitySpec spec : specs) {
            subjects.add(DistinguishedNames.parse(spec.subject()));
            GeneralNames names = SubjectAlternativeNames.parse(spec.subjectAlternativeNames());
            if (spec.usage().includesServer() && names.getNames().length == 0) {
                throw new PkiInputException(NO_SAN);
            }
            sans.add(names);
        }
        IssuerChecks.requireCanSign(issuer, now);
        for (EndEntitySpec spec : specs) {
            Instant notAfter = end(now, spec.validityDays(), MAX_END_ENTITY_VALIDITY_DAYS);
            IssuerChecks.requireWithinIssuer(issuer, notAfter, now);
            ends.add(notAfter);
        }
        List<IssuedCertificate> issued = new ArrayList<>(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            issued.add(issueChecked(specs.get(i), subjects.get(i), sans.get(i), ends.get(i), issuer, now));
        }
        return issued;
    }

    private IssuedCertificate issueChecked(EndEntitySpec spec, X500Name subject, GeneralNames sans, Instant notAfter,
            IssuingCa issuer, Instant now) {
        KeyPair keys = spec.keyAlgorithm().generate(random);
        X509Certificate certificate = endEntity(issuer, subject, keys.getPublic(), sans, spec.usage(), now, notAfter);
        return new IssuedCertificate(certificate, keys.getPrivate());
    }

    /**
     * Signs a PKCS#10 CSR (PEM) after verifying its signature. Subject and subject alternative names are
     * taken from the CSR; key usage, EKU and validity are decided here.
     */
    public X509Certificate signCsr(String csrPem, CertificateUsage usage, int validityDays, IssuingCa issuer, Instant now) {
        Objects.requireNonNull(usage, "usage");
        CsrReader.Request request = CsrReader.read(csrPem);
        IssuerChecks.requireCanSign(issuer, now);
        Instant notAfter = end(now, validityDays, MAX_END_ENTITY_VALIDITY_DAYS);
        IssuerChecks.requireWithinIssuer(issuer, notAfter, now);
        return endEntity(issuer, request.subject(), request.publicKey(), request.subjectAlternativeNames(), usage, now, notAfter);
    }

    private X509Certificate endEntity(IssuingCa issuer, X500Name subject, PublicKey key, GeneralNames sans,
                                      CertificateUsage usage, Instant now, Instant notAfter) {
        if (usage.includesServer() && sans.getNames().length == 0) {
            throw new PkiInputException(NO_SAN);
        }
        int keyUsage = "RSA".equals(key.getAlgorithm())
                ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment // RSA key transport in TLS 1.2 and earlier
                : KeyUsage.digitalSignature;
        return assembler(issuer, subject, key, now, notAfter)
                .basicConstraints(false, null)
                .keyUsage(keyUsage)
                .extendedKeyUsage(usage.purposes())
                .subjectAlternativeNames(sans, subject.getRDNs().length == 0)
                .crlDistributionPoint(issuer.crlDistributionPoint())
                .sign(issuer.privateKey(), null); // requireCanSign proved the key matches the issuer's certificate
    }

    private CertificateAssembler assembler(IssuingCa issuer, X500Name subject, PublicKey key, Instant now, Instant notAfter) {
        X500Name issuerName = X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
        return new CertificateAssembler(random, issuerName, subject, key, start(now), notAfter, issuer.certificate());
    }

    private static Instant start(Instant now) {
        return now.truncatedTo(ChronoUnit.SECONDS).minus(BACKDATE);
    }

    private static Instant end(Instant now, int validityDays, int maxDays) {
        if (validityDays < 1 || validityDays > maxDays) {
            throw new PkiInputException("validity must be between 1 and " + maxDays + " days, not " + validityDays);
        }
        return now.truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(validityDays));
    }
}
