package dev.tlsconsole.certificates.x509;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Checks a certificate chain the way a TLS peer does, for {@code POST /api/v1/certificates/validate}
 * and the console's trust findings: RFC 5280 path validation by the JDK's PKIX (explicit time, only the
 * supplied CRLs), plus what TLS clients add on top — host name (RFC 6125), extended key usage for the
 * role, no CA certificate as a server certificate, an expired trusted root, EKU of intermediates, stale
 * or forged CRLs.
 *
 * <p>Input that is not PEM certificates or CRLs is refused with a {@link PkiInputException} naming the
 * field; everything else is a {@link ValidationResult}. Thread-safe.
 */
public final class ChainValidator {

    private final Clock clock;
    private final CertificateParser parser = new CertificateParser();

    /** @param clock "now" for requests that do not give a validation time */
    public ChainValidator(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Certificates one {@code chainPem} entry may hold (a leaf and its intermediates, as a server sends them). */
    public static final int MAX_CERTIFICATES_PER_CHAIN_ENTRY = 10;
    /** Certificates of the whole chain (leaf and untrusted intermediates). */
    public static final int MAX_CHAIN_CERTIFICATES = 20;
    /** Trusted certificates of one request (a CA bundle fits). */
    public static final int MAX_TRUSTED_CERTIFICATES = 200;

    /** Validates the PEM request of the API. */
    public ValidationResult validate(ValidationRequest request) {
        List<X509Certificate> chain = certificates(request.chainPem(), "chainPem", MAX_CERTIFICATES_PER_CHAIN_ENTRY,
                MAX_CHAIN_CERTIFICATES);
        List<X509Certificate> trusted = certificates(request.trustedPem(), "trustedPem", MAX_TRUSTED_CERTIFICATES,
                MAX_TRUSTED_CERTIFICATES);
        List<X509CRL> crls = new ArrayList<>();
        for (int i = 0; i < request.crlsPem().size(); i++) {
            crls.add(field("crlsPem[" + i + "]", request.crlsPem().get(i),
                    pem -> CrlOperations.read(pem.getBytes(StandardCharsets.UTF_8))));
        }
        return validate(chain, trusted, crls, request);
    }

    /**
     * Validates already parsed certificates; {@code request}'s PEM lists are ignored, its other settings apply.
     * Whatever goes wrong inside the validator is a problem in the result, never an exception.
     */
    public ValidationResult validate(List<X509Certificate> chain, List<X509Certificate> trusted, List<X509CRL> crls,
                                     ValidationRequest request) {
        if (chain.isEmpty()) {
            throw new PkiInputException("chainPem: give at least the leaf (server) certificate");
        }
        if (trusted.isEmpty()) {
            throw new PkiInputException("trustedPem: give at least one trusted root certificate");
        }
        try {
            return check(chain, trusted, crls, request);
        } catch (RuntimeException e) {
            return ValidationResult.of(List.of(Problems.of(ProblemCode.PATH_INVALID,
                    "the chain could not be validated: " + Problems.safeMessage(e))), List.of());
        }
    }

    private ValidationResult check(List<X509Certificate> chain, List<X509Certificate> trusted, List<X509CRL> crls,
                                   ValidationRequest request) {
        Instant at = request.at() == null ? clock.instant() : request.at();
        X509Certificate leaf = chain.get(0);
        Set<ValidationProblem> problems = new LinkedHashSet<>();
        Optional.ofNullable(Problems.validity(leaf, at)).ifPresent(problems::add);

        PkixPaths.Outcome outcome = PkixPaths.build(leaf, chain.subList(1, chain.size()), trusted, crls, at, request);
        problems.addAll(outcome.problems());
        List<String> path = new ArrayList<>();
        if (outcome.anchor() != null) {
            Stream.concat(outcome.path().stream(), Stream.of(outcome.anchor())).distinct()
                    .forEach(c -> path.add(CertificateChains.subject(c)));
        } else {
            problems.addAll(PathChecks.keyTypes(List.of(leaf)));
            problems.addAll(PathChecks.weakKeys(List.of(leaf)));
            problems.addAll(ExtensionChecks.wellFormed(List.of(leaf)));
        }
        boolean pinnedSelfSigned = trusted.contains(leaf)
                && leaf.getIssuerX500Principal().equals(leaf.getSubjectX500Principal());
        problems.addAll(LeafChecks.check(leaf, request, pinnedSelfSigned));
        problems.addAll(PathChecks.crls(crls, Stream.concat(chain.stream(), trusted.stream()).toList(), at));
        return ValidationResult.of(List.copyOf(problems), path);
    }

    private List<X509Certificate> certificates(List<String> pems, String fieldName, int perEntry, int total) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (int i = 0; i < pems.size(); i++) {
            String name = fieldName + "[" + i + "]";
            if (countBlocks(pems.get(i)) > perEntry) {
                throw new PkiInputException(name + ": at most " + perEntry + " certificates per entry");
            }
            certificates.addAll(field(name, pems.get(i), parser::parseCertificates));
            if (certificates.size() > total) {
                throw new PkiInputException(fieldName + ": at most " + total + " certificates in all");
            }
        }
        return certificates;
    }

    private static int countBlocks(String pem) {
        int count = 0;
        for (int at = pem == null ? -1 : pem.indexOf("-----BEGIN"); at >= 0; at = pem.indexOf("-----BEGIN", at + 1)) {
            count++;
        }
        return count;
    }

    private static <T> T field(String name, String value, Function<String, T> parse) {
        try {
            return parse.apply(value);
        } catch (PkiInputException e) {
            throw new PkiInputException(name + ": " + e.getMessage(), e);
        }
    }
}
