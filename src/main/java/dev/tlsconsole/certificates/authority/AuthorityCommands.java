package dev.tlsconsole.certificates.authority;

import io.swagger.v3.oas.annotations.media.Schema;

import jakarta.validation.constraints.Size;

import dev.tlsconsole.FieldRules;

import java.time.Instant;
import java.util.List;

import dev.tlsconsole.certificates.inventory.CertificateStatus;
import dev.tlsconsole.certificates.inventory.CertificateView;

/** Requests and read models of the console CAs, shared by the UI and the API. */
public final class AuthorityCommands {

    private AuthorityCommands() {
    }

    /**
     * Create a root CA, or an intermediate CA under {@code parent} (a console CA's name).
     *
     * @param keyAlgorithm       {@code EC_P256} (default), {@code RSA_2048} or {@code RSA_3072}
     * @param crlDistributionUrl written into every certificate the CA issues, so peers can fetch its CRL; optional
     */
    public record NewAuthority(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Size(max = 200, message = FieldRules.TOO_LONG) String name, @Size(max = 1000, message = FieldRules.TOO_LONG) String subject,
            @Schema(allowableValues = {"EC_P256", "RSA_2048", "RSA_3072"}) String keyAlgorithm,
            Integer validityDays, @Size(max = 200, message = FieldRules.TOO_LONG) String parent, @Size(max = 1000, message = FieldRules.TOO_LONG) String crlDistributionUrl) {
    }

    /** Change the name, the CRL distribution URL or how long its CRLs stay current; {@code version} as read. */
    public record AuthorityChange(@Size(max = 200, message = FieldRules.TOO_LONG) String name, @Size(max = 1000, message = FieldRules.TOO_LONG) String crlDistributionUrl, Integer crlValidityHours, Long version) {
    }

    /**
     * Issue a certificate with a fresh key pair: for a topology {@code host} (CN = its name, SAN = its name
     * and IP address), or for {@code subject} + {@code sans}.
     *
     * @param usage        {@code SERVER}, {@code CLIENT} or {@code BOTH}
     * @param keyAlgorithm of the new key; default: the CA's own algorithm
     * @param name         name in the inventory; default: the CN
     */
    public record IssueRequest(@Size(max = 253, message = FieldRules.TOO_LONG) String host, @Size(max = 1000, message = FieldRules.TOO_LONG) String subject, List<String> sans, @Schema(allowableValues = {"SERVER", "CLIENT", "BOTH"}) String usage,
            Integer validityDays, @Schema(allowableValues = {"EC_P256", "RSA_2048", "RSA_3072"}) String keyAlgorithm, @Size(max = 200, message = FieldRules.TOO_LONG) String name) {
    }

    /**
     * Issue one certificate with a fresh key pair for each of {@code hosts} (topology host names), all or
     * nothing.
     *
     * @param usage {@code SERVER}, {@code CLIENT} or {@code BOTH}, for every certificate
     */
    public record BulkIssueRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> hosts, @Schema(allowableValues = {"SERVER", "CLIENT", "BOTH"}) String usage, Integer validityDays) {
    }

    /** What a bulk issuance created, in the order of the request's hosts. */
    public record BulkIssued(List<CertificateView> issued) {
    }

    /** Sign a PKCS#10 request: subject and SANs come from the CSR, usage and validity from here. */
    public record CsrRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String csrPem, @Schema(allowableValues = {"SERVER", "CLIENT", "BOTH"}) String usage, Integer validityDays, @Size(max = 200, message = FieldRules.TOO_LONG) String name) {
    }

    /**
     * A console CA.
     *
     * @param parent     name of the CA above an intermediate; null for a root
     * @param lastCrl    the CRL it published last
     * @param issued     how many certificates it issued that are in the inventory
     */
    public record AuthorityView(Long id, String name, String subject, String keyAlgorithm, Instant notBefore,
            Instant notAfter, CertificateStatus status, Long parentId, String parent, Long certificateId,
            String sha1Thumbprint, String sha256Fingerprint, String crlDistributionUrl, long crlValidityHours,
            long lastCrlNumber, CrlSummary lastCrl, long issued, Instant createdAt, long version) {
    }

    /** The latest CRL of a CA, in short. */
    public record CrlSummary(Long id, String crlNumber, Instant thisUpdate, Instant nextUpdate, boolean stale, int entries) {
    }
}
