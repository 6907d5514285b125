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

    /** Validates the PEM request of the API. */
    public ValidationResult validate(ValidationRequest request) {
        List<X509Certificate> chain = certificates(request.chainPem(), "chainPem");
        List<X509Certificate> trusted = certificates(request.trustedPem(), "trustedPem");
        List<X509CRL> crls = new ArrayList<>();
        for (int i = 0; i < request.crlsPem().size(); i++) {
            crls.add(field("crlsPem[" + i + "]", request.crlsPem().get(i),
                    pem -> CrlOperations.read(pem.getBytes(StandardCharsets.UTF_8))));
        }
        return validate(chain, trusted, crls, request);
    }

    /** Validates already parsed certificates; {@code request}'s PEM lists are ignored, its other settings apply. */
    public ValidationResult validate(List<X509Certificate> chain, List<X509Certificate> trusted, List<X509CRL> crls,
                                     ValidationRequest request) {
        if (chain.isEmpty()) {
            throw new PkiInputException("chainPem: give at least the leaf (server) certificate");
        }
        if (trusted.isEmpty()) {
            throw new PkiInputException("trustedPem: give at least one trusted root certificate");
        }
        Instant at = request.at() == null ? clock.instant() : request.at();
        X509Certificate leaf = chain.get(0);
        Set<ValidationProblem> problems = new LinkedHashSet<>();
        Optional.ofNullable(Problems.validity(leaf, at)).ifPresent(problems::add);

        PkixPaths.Outcome outcome = PkixPaths.build(leaf, chain.subList(1, chain.size()), trusted, crls, at, request.maxIntermediates());
        problems.addAll(outcome.problems());
        List<String> path = new ArrayList<>();
        if (outcome.anchor() != null) {
            if (!outcome.anchor().equals(leaf)) {
                Optional.ofNullable(Problems.validity(outcome.anchor(), at)).ifPresent(problems::add);
                problems.addAll(PathChecks.trustAnchor(outcome.anchor()));
                AnchorNameConstraints.check(outcome.anchor(), outcome.path()).ifPresent(problems::add);
            }
            problems.addAll(PathChecks.intermediates(outcome.path(), request.purpose()));
            Stream.concat(outcome.path().stream(), Stream.of(outcome.anchor())).distinct()
                    .forEach(c -> path.add(CertificateChains.subject(c)));
        }
        boolean pinnedSelfSigned = trusted.contains(leaf)
                && leaf.getIssuerX500Principal().equals(leaf.getSubjectX500Principal());
        problems.addAll(LeafChecks.check(leaf, request.hostname(), request.purpose(), pinnedSelfSigned));
        List<X509Certificate> examined = Stream.concat(Stream.of(leaf), Stream.concat(outcome.path().stream(),
                Stream.ofNullable(outcome.anchor()))).distinct().toList();
        problems.addAll(PathChecks.keyTypes(examined));
        problems.addAll(ExtensionChecks.wellFormed(examined));
        problems.addAll(PathChecks.crls(crls, Stream.concat(chain.stream(), trusted.stream()).toList(), at));
        return ValidationResult.of(List.copyOf(problems), path);
    }

    private List<X509Certificate> certificates(List<String> pems, String fieldName) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (int i = 0; i < pems.size(); i++) {
            certificates.addAll(field(fieldName + "[" + i + "]", pems.get(i), parser::parseCertificates));
        }
        return certificates;
    }

    private static <T> T field(String name, String value, Function<String, T> parse) {
        try {
            return parse.apply(value);
        } catch (PkiInputException e) {
            throw new PkiInputException(name + ": " + e.getMessage(), e);
        }
    }
}
