package dev.tlsconsole.certificates.x509;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Path building with backtracking, as the JDK's {@code CertPathBuilder} and pyca/cryptography do it: from
 * the leaf, every supplied certificate whose subject names the current issuer is a candidate (those whose
 * signature verifies and that are valid at the time first); each complete path to a trusted certificate is
 * validated with the JDK's PKIX {@link CertPathValidator} (explicit time, only the supplied CRLs) plus the
 * checks TLS peers add ({@link PathChecks}, {@link NameConstraintChecks}); when one fails the next candidate
 * is tried, so an alternate valid chain is found. When no path is valid, the problems of the best candidate
 * (fewest problems, first found) are reported; when no trusted certificate is reached at all, where the chain
 * ends. The work is bounded: at most {@link #MAX_CANDIDATE_PATHS} complete paths and {@link #MAX_STEPS}
 * issuer look-ups per request, no path deeper than {@link ValidationRequest#MAX_CHAIN_DEPTH}.
 *
 * <p>Revocation uses only the supplied CRLs (no OCSP, no network) and, like OpenSSL's
 * {@code X509_V_FLAG_CRL_CHECK} that Genesys hosts turn on with {@code tls-crl}, checks the leaf only and
 * fails when no current CRL of the leaf's issuer was supplied.
 */
final class PkixPaths {

    /** A found path (leaf … last intermediate), its trust anchor, or the problems that prevent one. */
    record Outcome(List<X509Certificate> path, X509Certificate anchor, List<ValidationProblem> problems) {
    }

    /** The JDK builder's default for the non-self-issued intermediates of a path. */
    static final int DEFAULT_MAX_INTERMEDIATES = 5;
    static final int MAX_CANDIDATE_PATHS = 16;
    static final int MAX_STEPS = 256;

    private final List<X509Certificate> intermediates;
    private final List<X509Certificate> trusted;
    private final List<X509CRL> crls;
    private final Instant at;
    private final int maxIntermediates;
    private final ValidationRequest request;
    private final Map<List<X509Certificate>, Boolean> signatures = new HashMap<>();
    private final List<Outcome> candidates = new ArrayList<>();
    private Outcome valid;
    private int steps;
    private boolean depthExceeded;
    private List<X509Certificate> longestUntrusted = List.of();

    private PkixPaths(List<X509Certificate> intermediates, List<X509Certificate> trusted, List<X509CRL> crls, Instant at,
                      ValidationRequest request) {
        this.intermediates = intermediates;
        this.trusted = trusted;
        this.crls = crls;
        this.at = at;
        this.request = request;
        this.maxIntermediates = request.maxIntermediates() == null ? DEFAULT_MAX_INTERMEDIATES : request.maxIntermediates();
    }

    static Outcome build(X509Certificate leaf, List<X509Certificate> intermediates, List<X509Certificate> trusted,
                         List<X509CRL> crls, Instant at, ValidationRequest request) {
        PkixPaths builder = new PkixPaths(intermediates, trusted, crls, at, request);
        List<X509Certificate> path = new ArrayList<>(List.of(leaf));
        builder.search(path, 0);
        return builder.verdict();
    }

    private void search(List<X509Certificate> path, int nonSelfIssued) {
        X509Certificate current = path.get(path.size() - 1);
        for (X509Certificate anchor : issuers(current, trusted)) {
            if (valid != null || candidates.size() >= MAX_CANDIDATE_PATHS) {
                return;
            }
            List<X509Certificate> candidatePath = List.copyOf(path);
            Outcome outcome = new Outcome(candidatePath, anchor, evaluate(candidatePath, anchor));
            candidates.add(outcome);
            if (outcome.problems().isEmpty()) {
                valid = outcome;
            }
        }
        if (path.size() > longestUntrusted.size()) {
            longestUntrusted = List.copyOf(path);
        }
        if (path.size() > ValidationRequest.MAX_CHAIN_DEPTH) {
            depthExceeded = true;
            return;
        }
        for (X509Certificate next : issuers(current, intermediates)) {
            if (valid != null || candidates.size() >= MAX_CANDIDATE_PATHS || ++steps > MAX_STEPS) {
                return;
            }
            if (path.contains(next) || trusted.contains(next) || repeatsKey(path, next)) {
                continue;
            }
            int count = nonSelfIssued + (selfIssued(next) ? 0 : 1);
            if (count > maxIntermediates) {
                depthExceeded = true;
                continue;
            }
            path.add(next);
            search(path, count);
            path.remove(path.size() - 1);
        }
    }

    private Outcome verdict() {
        if (valid != null) {
            return valid;
        }
        if (!candidates.isEmpty()) {
            return candidates.stream().min(Comparator.comparingInt(o -> o.problems().size())).orElseThrow();
        }
        if (depthExceeded) {
            return new Outcome(List.of(), null, List.of(Problems.of(ProblemCode.PATH_TOO_LONG, "every path to a trusted root"
                    + " has more intermediate CAs than " + (request.maxIntermediates() == null ? "a path may have" : "maxChainDepth allows")
                    + ": more than the " + maxIntermediates + " allowed")));
        }
        if (steps > MAX_STEPS) {
            return new Outcome(List.of(), null, List.of(Problems.of(ProblemCode.VALIDATION_LIMIT, "no path to a trusted root"
                    + " was found within " + MAX_STEPS + " issuer look-ups: remove unrelated certificates from the chain")));
        }
        return new Outcome(List.of(), null, List.of(untrusted(longestUntrusted.get(longestUntrusted.size() - 1))));
    }

    /** Everything about one complete path that can make it unacceptable. */
    private List<ValidationProblem> evaluate(List<X509Certificate> path, X509Certificate anchor) {
        Set<ValidationProblem> problems = new LinkedHashSet<>();
        X509Certificate leaf = path.get(0);
        boolean anchorIsLeaf = anchor.equals(leaf);
        List<X509Certificate> examined = new ArrayList<>(path);
        if (!anchorIsLeaf) {
            examined.add(anchor);
            if (Problems.validity(anchor, at) != null) {
                problems.add(Problems.validity(anchor, at));
            }
            problems.addAll(PathChecks.trustAnchor(anchor));
        }
        NameConstraintChecks.Result names = NameConstraintChecks.check(path, anchor);
        problems.addAll(names.problems());
        if (!names.exhausted()) {
            pkix(path, anchor).forEach(problem -> {
                if (problem.code() != ProblemCode.NAME_CONSTRAINTS_VIOLATED || names.problems().isEmpty()) {
                    problems.add(problem);
                }
            });
        }
        problems.addAll(PathChecks.intermediates(path, request.requiredExtendedKeyUsageOids()));
        problems.addAll(PathChecks.keyTypes(examined));
        problems.addAll(PathChecks.weakKeys(examined));
        problems.addAll(ExtensionChecks.wellFormed(examined));
        return List.copyOf(problems);
    }

    private List<ValidationProblem> pkix(List<X509Certificate> path, X509Certificate anchor) {
        try {
            CertPathValidator validator = CertPathValidator.getInstance("PKIX");
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
            parameters.setDate(Date.from(at));
            parameters.setRevocationEnabled(!crls.isEmpty());
            if (!crls.isEmpty()) {
                parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
                PKIXRevocationChecker checker = (PKIXRevocationChecker) validator.getRevocationChecker();
                checker.setOptions(EnumSet.of(PKIXRevocationChecker.Option.ONLY_END_ENTITY,
                        PKIXRevocationChecker.Option.PREFER_CRLS, PKIXRevocationChecker.Option.NO_FALLBACK));
                parameters.addCertPathChecker(checker);
            }
            try {
                validator.validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
                return List.of();
            } catch (CertPathValidatorException e) {
                return List.of(PkixReasons.problem(e));
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            // the JDK gives up on some inputs with an unchecked exception (an otherName constraint, say): a problem, never a 500
            return List.of(Problems.of(ProblemCode.PATH_INVALID, "the path through " + Problems.name(path.get(path.size() - 1))
                    + " could not be validated: " + Problems.safeMessage(e)));
        }
    }

    /** Certificates among {@code candidates} named as the issuer of {@code certificate}: verified and current ones first. */
    private List<X509Certificate> issuers(X509Certificate certificate, List<X509Certificate> candidates) {
        return candidates.stream()
                .filter(c -> c.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()))
                .sorted(Comparator.comparing((X509Certificate c) -> !signs(c, certificate))
                        .thenComparing(c -> Problems.validity(c, at) != null))
                .toList();
    }

    private boolean signs(X509Certificate issuer, X509Certificate certificate) {
        return signatures.computeIfAbsent(List.of(certificate, issuer), key -> CertificateChains.issuedBy(certificate, issuer));
    }

    /** A second certificate with the same subject and key as one already on the path would only loop. */
    private static boolean repeatsKey(List<X509Certificate> path, X509Certificate next) {
        return path.stream().skip(1).anyMatch(c -> c.getSubjectX500Principal().equals(next.getSubjectX500Principal())
                && c.getPublicKey().equals(next.getPublicKey()));
    }

    private static boolean selfIssued(X509Certificate certificate) {
        return certificate.getIssuerX500Principal().equals(certificate.getSubjectX500Principal());
    }

    private static ValidationProblem untrusted(X509Certificate last) {
        String detail = selfIssued(last)
                ? "the chain ends at the self-signed " + Problems.name(last) + ", which is not a trusted root"
                : "the chain ends at " + Problems.name(last) + ", whose issuer '" + last.getIssuerX500Principal().getName()
                        + "' is neither supplied nor trusted";
        return Problems.of(ProblemCode.UNTRUSTED_ISSUER, detail + ": add the issuing CA to the trusted certificates"
                + " or the missing intermediate to the chain");
    }
}
