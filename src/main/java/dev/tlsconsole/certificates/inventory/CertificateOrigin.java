package dev.tlsconsole.certificates.inventory;

/** How a certificate came into the inventory. */
public enum CertificateOrigin {
    /** Uploaded or pasted by an operator. */
    IMPORTED,
    /** Issued by a console CA, with a key pair the console generated (the key is stored). */
    ISSUED,
    /** Issued by a console CA from a CSR: the key stays with whoever made the CSR. */
    SIGNED_CSR,
    /** The certificate of a console CA itself (its key is kept by the CA, not here). */
    AUTHORITY
}
