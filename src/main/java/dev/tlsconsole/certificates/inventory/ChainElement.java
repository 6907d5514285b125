package dev.tlsconsole.certificates.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A certificate above the leaf in a stored chain (an intermediate or the root), kept as DER. */
@Embeddable
public class ChainElement {

    private String subject;
    private String sha1Thumbprint;
    private String sha256Fingerprint;
    @Column(name = "der_base64")
    private String derBase64;

    protected ChainElement() {
    }

    ChainElement(String subject, String sha1Thumbprint, String sha256Fingerprint, String derBase64) {
        this.subject = subject;
        this.sha1Thumbprint = sha1Thumbprint;
        this.sha256Fingerprint = sha256Fingerprint;
        this.derBase64 = derBase64;
    }

    public String subject() {
        return subject;
    }

    public String sha1Thumbprint() {
        return sha1Thumbprint;
    }

    public String sha256Fingerprint() {
        return sha256Fingerprint;
    }

    String derBase64() {
        return derBase64;
    }
}
