package dev.tlsconsole.certificates.facts;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.tlsconsole.certificates.x509.CertificateDetails;
import dev.tlsconsole.certificates.x509.CertificateParser;
import dev.tlsconsole.certificates.x509.ChainValidator;
import dev.tlsconsole.certificates.x509.HostnameMatcher;
import dev.tlsconsole.certificates.x509.ProblemCode;
import dev.tlsconsole.certificates.x509.ValidationRequest;
import dev.tlsconsole.certificates.x509.ValidationResult;
import dev.tlsconsole.policy.CertificateFacts;
import dev.tlsconsole.policy.CertificateFacts.NameMatch;
import dev.tlsconsole.policy.CertificateFacts.RevocationState;
import dev.tlsconsole.policy.CertificateFacts.Trust;

/**
 * What a client would make of a chain a server actually presented (a probe's handshake): described with
 * the project's X.509 code, checked against the CA certificates a {@code trusted-ca} value designates in
 * the inventory, the expected host name and the issuer's newest CRL. Thread-safe.
 */
@Component
public class PresentedChains {

    private final LiveCertificateFacts facts;
    private final ChainValidator validator;
    private final Clock clock;
    private final CertificateParser parser = new CertificateParser();

    PresentedChains(LiveCertificateFacts facts, ChainValidator validator, Clock clock) {
        this.facts = facts;
        this.validator = validator;
        this.clock = clock;
    }

    /** One certificate of a presented chain, as the probe reports it. */
    public record PresentedCertificate(String subject, String issuer, Instant notBefore, Instant notAfter,
            String sha256Fingerprint, String serialNumber) {
    }

    /**
     * A client's judgement of the chain.
     *
     * @param trust      UNKNOWN when the {@code trusted-ca} value designates no CA the console knows
     * @param nameMatch  UNVERIFIED when no name was expected
     * @param revocation UNKNOWN when the console has no CRL of the leaf's issuer
     */
    public record Examination(Trust trust, NameMatch nameMatch, boolean expired, boolean notYetValid,
            RevocationState revocation) {
    }

    /** Parses the DER certificates of a handshake, leaf first. */
    public List<PresentedCertificate> describe(List<byte[]> chainDer) {
        return parse(chainDer).stream().map(CertificateDetails::of)
                .map(d -> new PresentedCertificate(d.subject(), d.issuer(), d.notBefore(), d.notAfter(),
                        d.sha256Fingerprint(), d.serialNumber()))
                .toList();
    }

    /**
     * Judges a presented chain as a client with {@code trustedCaValue} would.
     *
     * @param expectedName the host name the client checks, null when it does not check
     */
    public Examination examine(List<byte[]> chainDer, String trustedCaValue, String expectedName) {
        List<X509Certificate> chain = parse(chainDer);
        X509Certificate leaf = chain.get(0);
        CertificateDetails details = CertificateDetails.of(leaf);
        Instant now = clock.instant();
        FactsSnapshot snapshot = facts.current();
        List<X509Certificate> anchors = new ArrayList<>();
        for (String der : snapshot.anchorsDer(trustedCaValue)) {
            anchors.add(parser.parse(Base64.getDecoder().decode(der), null).leaf());
        }
        Trust trust = Trust.UNKNOWN;
        if (!anchors.isEmpty()) {
            ValidationResult result = validator.validate(chain, anchors, List.of(),
                    ValidationRequest.server(List.of(), List.of(), null, now, List.of()));
            trust = result.has(ProblemCode.UNTRUSTED_ISSUER) || result.has(ProblemCode.SIGNATURE_INVALID)
                    ? Trust.UNTRUSTED : Trust.TRUSTED;
        }
        NameMatch name = expectedName == null || expectedName.isBlank() ? NameMatch.UNVERIFIED
                : HostnameMatcher.matches(expectedName, leaf) ? NameMatch.MATCH : NameMatch.MISMATCH;
        RevocationState revocation = snapshot.newestCrl(details.issuer())
                .map(crl -> crl.revokedSerials().contains(details.serialNumber()) ? RevocationState.REVOKED : RevocationState.NOT_REVOKED)
                .orElse(RevocationState.UNKNOWN);
        CertificateDetails.ValidityStatus validity = details.statusAt(now);
        return new Examination(trust, name, validity == CertificateDetails.ValidityStatus.EXPIRED,
                validity == CertificateDetails.ValidityStatus.NOT_YET_VALID, revocation);
    }

    /** The SHA-256 fingerprint of the certificate a {@code certificate} option value designates, if the console knows it. */
    public Optional<String> declaredFingerprint(String certificateValue) {
        return facts.current().certificate(certificateValue).map(CertificateFacts.KnownCertificate::reference);
    }

    private List<X509Certificate> parse(List<byte[]> chainDer) {
        Objects.requireNonNull(chainDer, "chainDer");
        if (chainDer.isEmpty()) {
            throw new IllegalArgumentException("a presented chain has at least the leaf");
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (byte[] der : chainDer) {
            chain.add(parser.parse(der, null).leaf());
        }
        return chain;
    }

    /** The DER encoding of a certificate the JDK handed over. */
    public static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("the certificate cannot be encoded", e);
        }
    }
}
