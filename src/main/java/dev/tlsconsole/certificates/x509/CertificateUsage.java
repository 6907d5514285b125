package dev.tlsconsole.certificates.x509;

import java.util.List;

import org.bouncycastle.asn1.x509.KeyPurposeId;

/** What an end-entity certificate is for; decides its extended key usage. */
public enum CertificateUsage {

    /** A listening port's certificate: EKU serverAuth. */
    SERVER(List.of(KeyPurposeId.id_kp_serverAuth)),
    /** A client's certificate for mutual TLS: EKU clientAuth. */
    CLIENT(List.of(KeyPurposeId.id_kp_clientAuth)),
    /** Genesys servers are often clients of other servers with the same certificate: both EKUs. */
    BOTH(List.of(KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth));

    private final List<KeyPurposeId> purposes;

    CertificateUsage(List<KeyPurposeId> purposes) {
        this.purposes = purposes;
    }

    List<KeyPurposeId> purposes() {
        return purposes;
    }

    boolean includesServer() {
        return this != CLIENT;
    }
}
