package dev.tlsconsole.certificates.x509;

/**
 * Input the PKI core refuses: a file that is not a certificate, a wrong password, a key that does not
 * belong to the certificate, a CSR whose signature does not verify, and so on.
 *
 * <p>The message is written for the person who supplied the input and is meant to be returned as the
 * {@code detail} of an HTTP 400. It never contains passwords or key material.
 */
public class PkiInputException extends RuntimeException {

    public PkiInputException(String message) {
        super(message);
    }

    public PkiInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
