package dev.tlsconsole.certificates.x509;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.psl.DomainType;
import org.apache.hc.client5.http.psl.PublicSuffixMatcher;
import org.apache.hc.client5.http.psl.PublicSuffixMatcherLoader;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;

/**
 * RFC 6125 / RFC 2818 host-name matching, delegated to Apache HttpClient 5's maintained
 * {@link DefaultHostnameVerifier}: DNS SANs with left-most-label wildcards (never across a public
 * suffix, using the bundled public suffix list), IP SANs for IP literals, and the subject CN only when
 * the certificate has no SAN of the host's type. The CN fallback is kept on purpose: Genesys hosts on
 * Security Packs older than 8.5.100.25 compare the CN only (GENESYS-TLS-REFERENCE §5.2).
 */
public final class HostnameMatcher {

    private static final PublicSuffixMatcher PUBLIC_SUFFIXES = PublicSuffixMatcherLoader.getDefault();
    private static final DefaultHostnameVerifier VERIFIER = new DefaultHostnameVerifier(PUBLIC_SUFFIXES);

    private HostnameMatcher() {
    }

    /** True when {@code certificate} is valid for {@code hostname} (a DNS name or an IP literal). */
    public static boolean matches(String hostname, X509Certificate certificate) {
        return mismatch(hostname, certificate).isEmpty();
    }

    /** Empty when the name matches; otherwise a message saying which names the certificate is for. */
    public static Optional<String> mismatch(String hostname, X509Certificate certificate) {
        String host = normalise(hostname);
        try {
            // a SAN the JDK cannot decode would make the verifier fall back to the CN; a client must refuse instead
            certificate.getSubjectAlternativeNames();
            VERIFIER.verify(host, certificate);
            return Optional.empty();
        } catch (SSLException | CertificateParsingException | RuntimeException e) {
            List<String> sans = DetailsExtractor.subjectAlternativeNames(certificate);
            String names = sans.isEmpty()
                    ? "has no subject alternative names and its subject is " + CertificateChains.subject(certificate)
                    : "is for " + String.join(", ", sans);
            return Optional.of("the certificate " + names + ", not for '" + hostname + "'");
        }
    }

    /** True for {@code *.com}, {@code *.co.uk}: a wildcard whose base is an ICANN public suffix, which no CA may issue. */
    static boolean isWildcardOverPublicSuffix(String dnsName) {
        return dnsName.startsWith("*.") && PUBLIC_SUFFIXES.matches(dnsName.substring(2), DomainType.ICANN);
    }

    /** True for an IPv4 or IPv6 literal (no look-up). */
    static boolean isIpLiteral(String value) {
        return org.bouncycastle.util.IPAddress.isValid(value);
    }

    private static String normalise(String hostname) {
        String host = hostname.trim();
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }
}
