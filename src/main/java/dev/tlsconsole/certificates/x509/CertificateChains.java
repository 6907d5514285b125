package dev.tlsconsole.certificates.x509;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Checks that a list of certificates is a chain in leaf-first order, the order TLS servers send and
 * Genesys' comma-separated {@code certificate} option expects: each certificate names the next one as
 * its issuer and carries its signature.
 */
public final class CertificateChains {

    private CertificateChains() {
    }

    /** True when {@code issuer} issued {@code certificate}: names chain and the signature verifies. */
    public static boolean issuedBy(X509Certificate certificate, X509Certificate issuer) {
        if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Throws {@link PkiInputException} naming the first broken link when {@code chain} is not leaf first.
     */
    public static void requireLeafFirst(List<X509Certificate> chain) {
        for (int i = 0; i + 1 < chain.size(); i++) {
            if (!issuedBy(chain.get(i), chain.get(i + 1))) {
                List<X509Certificate> reversed = new ArrayList<>(chain);
                Collections.reverse(reversed);
                String hint = linksInOrder(reversed)
                        ? " The chain is in reverse order (root first): put the server certificate first, then each issuer."
                        : " Put the server certificate first, then the certificate of each issuing CA in turn.";
                throw new PkiInputException("the certificates are not a chain in leaf-first order: certificate " + (i + 1)
                        + " (" + subject(chain.get(i)) + ") was not issued by certificate " + (i + 2) + " ("
                        + subject(chain.get(i + 1)) + ")." + hint);
            }
        }
    }

    /**
     * The same certificates leaf first when they form exactly one chain (as certificate-only bundles
     * often list them in any order); otherwise the list unchanged, for {@link #requireLeafFirst} to judge.
     */
    public static List<X509Certificate> orderLeafFirst(List<X509Certificate> certificates) {
        List<X509Certificate> leaves = certificates.stream()
                .filter(candidate -> certificates.stream().noneMatch(other -> other != candidate && issuedBy(other, candidate)))
                .toList();
        if (leaves.size() != 1) {
            return certificates;
        }
        List<X509Certificate> ordered = new ArrayList<>(List.of(leaves.get(0)));
        while (ordered.size() < certificates.size()) {
            X509Certificate current = ordered.get(ordered.size() - 1);
            X509Certificate issuer = certificates.stream()
                    .filter(c -> !ordered.contains(c) && issuedBy(current, c)).findFirst().orElse(null);
            if (issuer == null) {
                return certificates;
            }
            ordered.add(issuer);
        }
        return ordered;
    }

    private static boolean linksInOrder(List<X509Certificate> chain) {
        for (int i = 0; i + 1 < chain.size(); i++) {
            if (!issuedBy(chain.get(i), chain.get(i + 1))) {
                return false;
            }
        }
        return true;
    }

    static String subject(X509Certificate certificate) {
        String name = certificate.getSubjectX500Principal().getName();
        return name.isEmpty() ? "empty subject" : name;
    }
}
