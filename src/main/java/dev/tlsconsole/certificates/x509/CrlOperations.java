package dev.tlsconsole.certificates.x509;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Signs CRLs for the internal CA and reads CRLs of external CAs, with the sanity checks a CA product
 * owes its users: the signer may sign CRLs (cRLSign), nextUpdate is after thisUpdate, and the
 * signature verifies against the CA certificate. Thread-safe.
 */
public final class CrlOperations {

    private static final BigInteger MAX_CRL_NUMBER = BigInteger.TWO.pow(159).subtract(BigInteger.ONE); // 20 octets

    private final SecureRandom random;

    public CrlOperations(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Signs a full CRL (v2, CRL number, AKI, one entry per revoked certificate with its reason). */
    public CrlDetails generate(CrlSpec spec, IssuingCa ca) {
        X509Certificate caCertificate = ca.certificate();
        requireCrlSigner(caCertificate);
        PrivateKeys.requireMatch(ca.privateKey(), caCertificate);
        requireUpdateOrder(spec.thisUpdate(), spec.nextUpdate());
        if (spec.crlNumber().signum() < 0 || spec.crlNumber().compareTo(MAX_CRL_NUMBER) > 0) {
            throw new PkiInputException("the CRL number must be between 0 and 2^159-1 (RFC 5280 §5.2.3)");
        }
        try {
            X509v2CRLBuilder builder = new X509v2CRLBuilder(
                    X500Name.getInstance(caCertificate.getSubjectX500Principal().getEncoded()), Date.from(spec.thisUpdate()));
            builder.setNextUpdate(Date.from(spec.nextUpdate()));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(spec.crlNumber()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(caCertificate.getPublicKey()));
            Set<BigInteger> seen = new HashSet<>();
            for (RevokedCertificate entry : spec.revoked()) {
                requireSensibleEntry(entry, spec, seen);
                builder.addCRLEntry(entry.serialNumber(), Date.from(entry.revocationDate()), entryExtensions(entry));
            }
            var signer = new JcaContentSignerBuilder(KeyAlgorithm.signatureAlgorithmFor(ca.privateKey()))
                    .setSecureRandom(random).build(ca.privateKey());
            X509CRL crl = new JcaX509CRLConverter().getCRL(builder.build(signer));
            crl.verify(caCertificate.getPublicKey());
            return CrlReader.details(crl);
        } catch (IOException | OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("signing the CRL failed", e);
        }
    }

    /**
     * Reads an external CA's CRL (PEM or DER) and accepts it only if {@code issuerCertificate} signed it,
     * may sign CRLs, and the CRL's update times are in order.
     */
    public CrlDetails importCrl(byte[] input, X509Certificate issuerCertificate) {
        X509CRL crl = read(input);
        if (!crl.getIssuerX500Principal().equals(issuerCertificate.getSubjectX500Principal())) {
            throw new PkiInputException("the CRL was issued by " + crl.getIssuerX500Principal().getName() + ", not by the CA "
                    + CertificateChains.subject(issuerCertificate));
        }
        requireCrlSigner(issuerCertificate);
        if (crl.getNextUpdate() == null) {
            throw new PkiInputException("the CRL has no nextUpdate, so nobody can tell when it goes stale (RFC 5280 §5.1.2.5)");
        }
        requireUpdateOrder(crl.getThisUpdate().toInstant(), crl.getNextUpdate().toInstant());
        try {
            crl.verify(issuerCertificate.getPublicKey());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new PkiInputException("the CRL's signature does not verify with the CA certificate "
                    + CertificateChains.subject(issuerCertificate) + ": it was altered or signed by another key");
        }
        return CrlReader.details(crl);
    }

    /** Reads a CRL (PEM or DER) for display, without verifying who signed it. */
    public CrlDetails parse(byte[] input) {
        return CrlReader.details(read(input));
    }

    static X509CRL read(byte[] input) {
        if (input == null || input.length == 0) {
            throw new PkiInputException("the CRL is empty");
        }
        if (input.length > CertificateParser.MAX_INPUT_BYTES) {
            throw new PkiInputException("the CRL is larger than 1 MiB");
        }
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(input));
        } catch (CRLException | CertificateException | RuntimeException e) {
            throw new PkiInputException("not a PEM or DER certificate revocation list");
        }
    }

    static void requireCrlSigner(X509Certificate ca) {
        boolean[] keyUsage = ca.getKeyUsage();
        if (keyUsage != null && (keyUsage.length <= 6 || !keyUsage[6])) {
            throw new PkiInputException("the CA " + CertificateChains.subject(ca) + " may not sign CRLs (its key usage lacks cRLSign)");
        }
    }

    private static void requireUpdateOrder(java.time.Instant thisUpdate, java.time.Instant nextUpdate) {
        if (!nextUpdate.isAfter(thisUpdate)) {
            throw new PkiInputException("the CRL's nextUpdate (" + nextUpdate + ") must be after its thisUpdate (" + thisUpdate + ")");
        }
    }

    private static void requireSensibleEntry(RevokedCertificate entry, CrlSpec spec, Set<BigInteger> seen) {
        if (entry.reason() == RevocationReason.REMOVE_FROM_CRL) {
            throw new PkiInputException("removeFromCRL is only meaningful in delta CRLs; drop the entry from the CRL instead");
        }
        if (entry.revocationDate().isAfter(spec.thisUpdate())) {
            throw new PkiInputException("certificate " + entry.serialHex() + " has a revocation date after the CRL's thisUpdate");
        }
        if (!seen.add(entry.serialNumber())) {
            throw new PkiInputException("certificate " + entry.serialHex() + " is listed twice");
        }
    }

    /** RFC 5280 §5.3.1: the reason code extension is omitted rather than written as unspecified. */
    private static Extensions entryExtensions(RevokedCertificate entry) throws IOException {
        ExtensionsGenerator generator = new ExtensionsGenerator();
        if (entry.reason() != RevocationReason.UNSPECIFIED) {
            generator.addExtension(Extension.reasonCode, false, CRLReason.lookup(entry.reason().code()));
        }
        return generator.isEmpty() ? null : generator.generate();
    }
}
