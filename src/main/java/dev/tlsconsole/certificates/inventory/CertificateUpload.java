package dev.tlsconsole.certificates.inventory;

import jakarta.validation.constraints.Size;

import dev.tlsconsole.FieldRules;

/**
 * What an operator uploads or pastes to import a certificate: either a file (PEM, DER or PKCS#12) or
 * PEM text with an optional separate private key.
 *
 * @param name          wanted name; blank = the certificate's CN
 * @param file          an uploaded file, or null when PEM text is pasted
 * @param pem           pasted PEM: the certificate, optionally followed by its chain (leaf first) and key
 * @param privateKeyPem pasted PEM private key (PKCS#8, PKCS#1 or SEC1, plain or encrypted), or blank
 * @param password      of an encrypted key or a PKCS#12 file, or blank
 */
public record CertificateUpload(@Size(max = 200, message = FieldRules.TOO_LONG) String name, byte[] file, String pem, String privateKeyPem, String password) {

    /** Never prints the key, the password or the file. */
    @Override
    public String toString() {
        return "CertificateUpload[name=" + name + ", file=" + (file == null ? "none" : file.length + " bytes")
                + ", pem=" + (pem == null ? "none" : pem.length() + " characters") + ", privateKey redacted, password redacted]";
    }
}
