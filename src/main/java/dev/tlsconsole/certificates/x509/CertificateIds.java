package dev.tlsconsole.certificates.x509;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The identifiers under which certificates are stored and referenced, all as upper-case hex without
 * separators so that one spelling is used everywhere (database columns, API, Genesys options).
 */
public final class CertificateIds {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private CertificateIds() {
    }

    /** SHA-1 over the DER encoding: the 40-hex thumbprint Windows hosts put in Genesys' {@code certificate} option. */
    public static String sha1Thumbprint(X509Certificate certificate) {
        return digest("SHA-1", der(certificate));
    }

    /** SHA-256 over the DER encoding (64 hex): the console's unique key for a certificate. */
    public static String sha256Fingerprint(X509Certificate certificate) {
        return digest("SHA-256", der(certificate));
    }

    /** Serial number as upper-case hex with an even number of digits, as {@code openssl x509 -serial} prints it. */
    public static String serialHex(BigInteger serial) {
        String hex = serial.abs().toString(16).toUpperCase(Locale.ROOT);
        if (hex.length() % 2 == 1) {
            hex = "0" + hex;
        }
        return serial.signum() < 0 ? "-" + hex : hex;
    }

    /** Parses a serial typed by a user: hex, optionally with {@code :} or space separators and any case. */
    public static BigInteger parseSerialHex(String text) {
        String digits = text == null ? "" : text.replaceAll("[:\\s]", "");
        if (digits.isEmpty() || !digits.matches("-?[0-9A-Fa-f]+")) {
            throw new PkiInputException("a serial number is written in hexadecimal digits, for example 7B3CE733FC57");
        }
        return new BigInteger(digits, 16);
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a parsed certificate always has an encoding", e);
        }
    }

    private static String digest(String algorithm, byte[] data) {
        try {
            return hex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available in this JDK", e);
        }
    }
}
