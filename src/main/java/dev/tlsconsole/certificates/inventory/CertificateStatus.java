package dev.tlsconsole.certificates.inventory;

/** The {@code status} of the API: revocation first, then the validity period at "now". */
public enum CertificateStatus {
    VALID, EXPIRED, NOT_YET_VALID, REVOKED
}
