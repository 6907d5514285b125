package dev.tlsconsole.certificates.x509;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns what an administrator uploads or pastes into certificates and a private key: PEM (certificates,
 * chains, keys in every common OpenSSL flavour), a DER certificate, or a PKCS#12 file.
 *
 * <p>Every refusal is a {@link PkiInputException} with a message meant for that administrator. The
 * class is stateless and thread-safe.
 */
public final class CertificateParser {

    /** Largest input accepted (1 MiB): a long chain with a key is a few kilobytes, so more is a mistake or abuse. */
    public static final int MAX_INPUT_BYTES = 1024 * 1024;

    /**
     * Reads an uploaded file of any supported kind, detected from its content.
     *
     * @param password for an encrypted private key or a PKCS#12 file; null when there is none
     * @return the chain, leaf first, with the leaf's key when the file holds one
     */
    public ParsedCertificates parse(byte[] input, char[] password) {
        requireSize(input == null ? 0 : input.length, "file");
        String text = new String(input, StandardCharsets.ISO_8859_1);
        if (PemReader.looksLikePem(text)) {
            return fromPem(PemReader.read(new String(input, StandardCharsets.UTF_8), password));
        }
        if (input[0] == 0x30) { // an ASN.1 SEQUENCE: a DER certificate or a PKCS#12 file
            Optional<X509Certificate> certificate = derCertificate(input);
            if (certificate.isPresent()) {
                return new ParsedCertificates(List.of(certificate.get()), Optional.empty());
            }
            if (Pkcs12Reader.looksLikePkcs12(input)) {
                ParsedCertificates parsed = Pkcs12Reader.read(input, password);
                return checked(parsed.chain(), parsed.privateKey());
            }
        }
        throw new PkiInputException("not a PEM, DER or PKCS#12 certificate");
    }

    /**
     * Reads the pasted form of the API: certificates (a chain, leaf first) and, separately, the private key.
     *
     * @param privateKeyPem may be null or blank; the key may also be inside {@code certificatesPem}
     * @param keyPassword   for an encrypted key; null when the key is not encrypted
     */
    public ParsedCertificates parsePem(String certificatesPem, String privateKeyPem, char[] keyPassword) {
        PemReader.Contents certificates = readPemText(certificatesPem, keyPassword, "certificate");
        List<PrivateKey> keys = new ArrayList<>(certificates.privateKeys());
        if (privateKeyPem != null && !privateKeyPem.isBlank()) {
            PemReader.Contents keyContents = readPemText(privateKeyPem, keyPassword, "private key");
            if (keyContents.privateKeys().isEmpty()) {
                throw new PkiInputException("the private key field holds no private key");
            }
            keys.addAll(keyContents.privateKeys());
        }
        return fromPem(new PemReader.Contents(certificates.certificates(), keys));
    }

    /**
     * Reads any number of PEM certificates with no order required (a trust bundle of CA certificates, as
     * Genesys' {@code trusted-ca} option allows). Private keys are refused here.
     */
    public List<X509Certificate> parseCertificates(String pem) {
        PemReader.Contents contents = readPemText(pem, null, "certificate");
        if (!contents.privateKeys().isEmpty()) {
            throw new PkiInputException("a private key was supplied where only certificates are expected");
        }
        if (contents.certificates().isEmpty()) {
            throw new PkiInputException("no certificate found in the PEM text");
        }
        return contents.certificates();
    }

    /** Reads one private key (PKCS#8, PKCS#1 or SEC1, plain or encrypted) of a supported type. */
    public PrivateKey parsePrivateKey(String pem, char[] password) {
        PemReader.Contents contents = readPemText(pem, password, "private key");
        if (contents.privateKeys().size() != 1 || !contents.certificates().isEmpty()) {
            throw new PkiInputException("expected exactly one private key and nothing else, found "
                    + contents.privateKeys().size() + " key(s) and " + contents.certificates().size() + " certificate(s)");
        }
        PrivateKey key = contents.privateKeys().get(0);
        PrivateKeys.requireSupported(key);
        return key;
    }

    private static PemReader.Contents readPemText(String pem, char[] password, String what) {
        requireSize(pem == null ? 0 : pem.length(), what);
        if (!PemReader.looksLikePem(pem)) {
            throw new PkiInputException("the " + what + " is not PEM text (expected a '-----BEGIN …-----' block)");
        }
        return PemReader.read(pem, password);
    }

    private static ParsedCertificates fromPem(PemReader.Contents contents) {
        if (contents.certificates().isEmpty()) {
            throw new PkiInputException("no certificate found in the PEM text"
                    + (contents.privateKeys().isEmpty() ? "" : " (only a private key)"));
        }
        if (contents.privateKeys().size() > 1) {
            throw new PkiInputException("more than one private key was supplied; give only the key of the first certificate");
        }
        return checked(contents.certificates(), contents.privateKeys().stream().findFirst());
    }

    private static ParsedCertificates checked(List<X509Certificate> chain, Optional<PrivateKey> key) {
        CertificateChains.requireLeafFirst(chain);
        key.ifPresent(k -> PrivateKeys.requireMatch(k, chain.get(0)));
        return new ParsedCertificates(chain, key);
    }

    private static Optional<X509Certificate> derCertificate(byte[] der) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            return Optional.of((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
        } catch (CertificateException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void requireSize(int length, String what) {
        if (length == 0) {
            throw new PkiInputException("the " + what + " is empty");
        }
        if (length > MAX_INPUT_BYTES) {
            throw new PkiInputException("the " + what + " is larger than " + MAX_INPUT_BYTES / 1024
                    + " KiB; a certificate chain with its key is only a few kilobytes");
        }
    }
}
