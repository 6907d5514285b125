package dev.tlsconsole.policy;

import dev.tlsconsole.policy.CertificateFacts.KnownCertificate;
import dev.tlsconsole.policy.effective.Finding;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.ResolvedOption;
import dev.tlsconsole.policy.effective.Side;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Findings about one side's own certificate that need its content: validity dates, key strength and
 * signature algorithm — or, when the console does not know the certificate, exactly one
 * {@code CERT_CONTENT_UNCHECKED} saying so.
 */
final class CertificateContent {

    private CertificateContent() {
    }

    /**
     * @param owner  prose for the certificate's user, e.g. "port 'confserv:default'"
     */
    static void check(ResolvedOption certificate, Optional<KnownCertificate> known, String owner, Side side,
                      Instant now, Duration expiryWarning, List<Finding> out) {
        if (!certificate.hasValue()) {
            return;
        }
        String where = "The certificate of " + owner + " (" + Describe.setting(certificate) + " " + Describe.at(certificate) + ")";
        if (known.isEmpty()) {
            out.add(Finding.of(FindingCode.CERT_CONTENT_UNCHECKED, side, certificate.source().orElseThrow(),
                    where + " is not in the console's inventory, so its trust, host name, validity, revocation and key"
                            + " strength were not checked: import it to have them checked"));
            return;
        }
        KnownCertificate cert = known.get();
        String subject = where + ", " + cert.subject() + ",";
        var fixAt = certificate.source().orElseThrow();
        if (now.isAfter(cert.notAfter())) {
            out.add(Finding.of(FindingCode.CERT_EXPIRED, side, fixAt, subject + " expired on " + cert.notAfter() + ": replace it"));
        } else if (now.isBefore(cert.notBefore())) {
            out.add(Finding.of(FindingCode.CERT_NOT_YET_VALID, side, fixAt,
                    subject + " is not valid before " + cert.notBefore() + ": use a certificate valid now, or check the host clocks"));
        } else if (!now.plus(expiryWarning).isBefore(cert.notAfter())) {
            out.add(Finding.of(FindingCode.CERT_EXPIRING, side, fixAt, subject + " expires on " + cert.notAfter()
                    + ", within " + expiryWarning.toDays() + " days: renew it"));
        }
        if ("RSA".equalsIgnoreCase(cert.keyAlgorithm()) && cert.keySize() < 2048) {
            out.add(Finding.of(FindingCode.WEAK_KEY, side, fixAt, subject + " has a " + cert.keySize()
                    + "-bit RSA key: issue one with at least 2048 bits"));
        }
        if (weakSignature(cert.signatureAlgorithm())) {
            out.add(Finding.of(FindingCode.WEAK_SIGNATURE, side, fixAt, subject + " is signed with "
                    + cert.signatureAlgorithm() + ": reissue it with SHA-256 or stronger"));
        }
    }

    static boolean weakSignature(String algorithm) {
        String upper = algorithm.toUpperCase(Locale.ROOT);
        return upper.contains("MD5") || upper.contains("SHA1") || upper.contains("SHA-1");
    }
}
