package dev.tlsconsole.certificates.x509;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Path building and validation with the JDK's PKIX implementation. The builder finds a path among the
 * supplied intermediates (in any order, skipping unusable alternatives); when it fails, the chain as
 * supplied is walked issuer by issuer and validated so the user learns the precise reason instead of
 * "unable to find valid certification path". Revocation uses only the supplied CRLs (no OCSP, no
 * network) and, like OpenSSL's {@code X509_V_FLAG_CRL_CHECK} that Genesys hosts turn on with
 * {@code tls-crl}, checks the leaf only and fails when no current CRL of the leaf's issuer was supplied.
 */
final class PkixPaths {

    /** A found path (leaf … last intermediate), its trust anchor, or the problems that prevent one. */
    record Outcome(List<X509Certificate> path, X509Certificate anchor, List<ValidationProblem> problems) {
    }

    private static final int MAX_WALK = 16;

    private PkixPaths() {
    }

    static Outcome build(X509Certificate leaf, List<X509Certificate> intermediates, List<X509Certificate> trusted,
                         List<X509CRL> crls, Instant at, Integer maxIntermediates) {
        try {
            CertPathBuilder builder = CertPathBuilder.getInstance("PKIX");
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(leaf);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors(trusted), target);
            List<Object> store = new ArrayList<>(intermediates);
            store.add(leaf);
            store.addAll(crls);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(store)));
            configure(parameters, at, maxIntermediates, crls, (PKIXRevocationChecker) builder.getRevocationChecker());
            try {
                PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult) builder.build(parameters);
                List<X509Certificate> path = result.getCertPath().getCertificates().stream()
                        .map(X509Certificate.class::cast).toList();
                return new Outcome(path, result.getTrustAnchor().getTrustedCert(), List.of());
            } catch (CertPathBuilderException e) {
                return new Outcome(List.of(), null, List.of(diagnose(leaf, intermediates, trusted, crls, at, maxIntermediates, e)));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's PKIX implementation is not available", e);
        }
    }

    private static void configure(PKIXParameters parameters, Instant at, Integer maxIntermediates, List<X509CRL> crls,
                                  PKIXRevocationChecker checker) {
        parameters.setDate(Date.from(at));
        if (maxIntermediates != null && parameters instanceof PKIXBuilderParameters builderParameters) {
            builderParameters.setMaxPathLength(maxIntermediates);
        }
        parameters.setRevocationEnabled(!crls.isEmpty());
        if (!crls.isEmpty()) {
            checker.setOptions(EnumSet.of(PKIXRevocationChecker.Option.ONLY_END_ENTITY,
                    PKIXRevocationChecker.Option.PREFER_CRLS, PKIXRevocationChecker.Option.NO_FALLBACK));
            parameters.addCertPathChecker(checker);
        }
    }

    /** Walks the supplied chain from the leaf towards a trusted certificate and says what breaks. */
    private static ValidationProblem diagnose(X509Certificate leaf, List<X509Certificate> intermediates, List<X509Certificate> trusted,
                                              List<X509CRL> crls, Instant at, Integer maxIntermediates,
                                              CertPathBuilderException buildFailure) throws GeneralSecurityException {
        List<X509Certificate> path = new ArrayList<>(List.of(leaf));
        Set<X509Certificate> used = new HashSet<>(path);
        X509Certificate current = leaf;
        for (int step = 0; step < MAX_WALK; step++) {
            Optional<X509Certificate> anchor = issuerAmong(current, trusted, Set.of());
            if (anchor.isPresent()) {
                return validateWalkedPath(path, anchor.get(), crls, at, maxIntermediates, buildFailure);
            }
            Optional<X509Certificate> next = issuerAmong(current, intermediates, used);
            if (next.isEmpty()) {
                break;
            }
            current = next.get();
            path.add(current);
            used.add(current);
        }
        return untrusted(current);
    }

    private static ValidationProblem validateWalkedPath(List<X509Certificate> path, X509Certificate anchor, List<X509CRL> crls,
                                                        Instant at, Integer maxIntermediates, CertPathBuilderException buildFailure)
            throws GeneralSecurityException {
        CertPathValidator validator = CertPathValidator.getInstance("PKIX");
        PKIXParameters parameters = new PKIXParameters(Set.of(anchor(anchor)));
        if (!crls.isEmpty()) {
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
        }
        configure(parameters, at, null, crls, (PKIXRevocationChecker) validator.getRevocationChecker());
        long nonSelfIssued = path.stream().skip(1).filter(c -> !c.getIssuerX500Principal().equals(c.getSubjectX500Principal())).count();
        if (maxIntermediates != null && nonSelfIssued > maxIntermediates) {
            return Problems.of(ProblemCode.PATH_TOO_LONG, "the path has " + nonSelfIssued + " intermediate CA(s), more than the "
                    + maxIntermediates + " allowed");
        }
        try {
            validator.validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
        } catch (CertPathValidatorException e) {
            return PkixReasons.problem(e);
        }
        return Problems.of(ProblemCode.PATH_INVALID, "no valid certification path to a trusted root: " + buildFailure.getMessage());
    }

    private static ValidationProblem untrusted(X509Certificate last) {
        boolean selfIssued = last.getIssuerX500Principal().equals(last.getSubjectX500Principal());
        String detail = selfIssued
                ? "the chain ends at the self-signed " + Problems.name(last) + ", which is not a trusted root"
                : "the chain ends at " + Problems.name(last) + ", whose issuer '" + last.getIssuerX500Principal().getName()
                        + "' is neither supplied nor trusted";
        return Problems.of(ProblemCode.UNTRUSTED_ISSUER, detail + ": add the issuing CA to the trusted certificates"
                + " or the missing intermediate to the chain");
    }

    /** Prefer a candidate whose signature verifies; fall back to a name match so a bad signature is reported as such. */
    private static Optional<X509Certificate> issuerAmong(X509Certificate certificate, List<X509Certificate> candidates,
                                                         Set<X509Certificate> excluded) {
        List<X509Certificate> named = candidates.stream().filter(c -> !excluded.contains(c))
                .filter(c -> c.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()))
                .collect(Collectors.toList());
        return named.stream().filter(c -> CertificateChains.issuedBy(certificate, c)).findFirst().or(() -> named.stream().findFirst());
    }

    private static Set<TrustAnchor> anchors(List<X509Certificate> trusted) {
        return trusted.stream().map(PkixPaths::anchor).collect(Collectors.toSet());
    }

    /** The JDK refuses trust anchors with name constraints, so roots' constraints are applied by {@link AnchorNameConstraints}. */
    private static TrustAnchor anchor(X509Certificate certificate) {
        return new TrustAnchor(certificate, null);
    }
}
