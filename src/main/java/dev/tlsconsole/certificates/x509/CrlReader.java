package dev.tlsconsole.certificates.x509;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CRLReason;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/** Turns a JDK {@link X509CRL} into {@link CrlDetails}. */
final class CrlReader {

    private CrlReader() {
    }

    static CrlDetails details(X509CRL crl) {
        List<RevokedCertificate> revoked = new ArrayList<>();
        Set<? extends X509CRLEntry> entries = crl.getRevokedCertificates();
        if (entries != null) {
            for (X509CRLEntry entry : entries) {
                CRLReason reason = entry.getRevocationReason();
                revoked.add(new RevokedCertificate(entry.getSerialNumber(), entry.getRevocationDate().toInstant(),
                        reason == null ? RevocationReason.UNSPECIFIED : RevocationReason.fromCode(reason.ordinal())));
            }
        }
        try {
            return new CrlDetails(
                    crl.getIssuerX500Principal().getName(X500Principal.RFC2253),
                    crlNumber(crl),
                    crl.getThisUpdate().toInstant(),
                    crl.getNextUpdate() == null ? null : crl.getNextUpdate().toInstant(),
                    revoked,
                    crl.getSigAlgName(),
                    authorityKeyIdentifier(crl),
                    crl.getEncoded());
        } catch (java.security.cert.CRLException e) {
            throw new IllegalStateException("a parsed CRL always has an encoding", e);
        }
    }

    private static BigInteger crlNumber(X509CRL crl) {
        byte[] value = crl.getExtensionValue(Extension.cRLNumber.getId());
        if (value == null) {
            return null;
        }
        try {
            return ASN1Integer.getInstance(JcaX509ExtensionUtils.parseExtensionValue(value)).getValue();
        } catch (IOException | IllegalArgumentException e) {
            throw new PkiInputException("the CRL number extension is malformed");
        }
    }

    private static String authorityKeyIdentifier(X509CRL crl) {
        byte[] value = crl.getExtensionValue(Extension.authorityKeyIdentifier.getId());
        if (value == null) {
            return null;
        }
        try {
            byte[] keyId = AuthorityKeyIdentifier.getInstance(JcaX509ExtensionUtils.parseExtensionValue(value)).getKeyIdentifier();
            return keyId == null ? null : CertificateIds.hex(keyId);
        } catch (IOException | IllegalArgumentException e) {
            throw new PkiInputException("the CRL's authority key identifier is malformed");
        }
    }
}
