package dev.tlsconsole.certificates.facts;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The rows an inventory facts snapshot is built from: plain values, read in a few bulk queries. */
final class FactsData {

    private FactsData() {
    }

    /**
     * A certificate of the inventory.
     *
     * @param chain fingerprints of the stored chain above it, nearest issuer first
     */
    record Certificate(String fingerprint, String sha1, String subject, String issuer, String serial, Instant notBefore,
            Instant notAfter, String keyAlgorithm, int keySize, String signatureAlgorithm, boolean ca,
            String subjectKeyIdentifier, String authorityKeyIdentifier, String derBase64, List<String> chain) {

        boolean selfIssued() {
            return subject.equals(issuer);
        }
    }

    /** A certificate known as part of a stored chain (an intermediate, or a root when self-issued). */
    record ChainMember(String fingerprint, String sha1, String subject, boolean selfIssued) {
    }

    /** A file the console deployed: what the path holds. */
    record Deployment(String path, String kind, String contentFingerprint) {
    }

    /** The newest CRL of an issuer: its revoked serials and when it goes stale. */
    record Crl(String issuer, String crlNumber, Instant nextUpdate, Set<String> revokedSerials) {
    }
}
