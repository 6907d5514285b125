/**
 * The console's PKI core: pure Java on the JDK and Bouncy Castle (the only package allowed to import
 * it), no Spring, no JPA. Time always comes in as an {@code Instant} or {@code Clock}; private keys only
 * as {@code PrivateKey} objects the caller holds.
 *
 * <p>Entry points for the services:
 * <ul>
 *   <li>{@link dev.tlsconsole.certificates.x509.CertificateParser} — import PEM/DER/PKCS#12 into
 *       {@link dev.tlsconsole.certificates.x509.ParsedCertificates};
 *       {@link dev.tlsconsole.certificates.x509.CertificateDetails#of} — the indexed fields and DER.</li>
 *   <li>{@link dev.tlsconsole.certificates.x509.CertificateAuthorityOperations} — root/intermediate CAs,
 *       host and subject certificates, CSR signing, given an
 *       {@link dev.tlsconsole.certificates.x509.IssuingCa}.</li>
 *   <li>{@link dev.tlsconsole.certificates.x509.CrlOperations} — sign, import and read CRLs;
 *       {@link dev.tlsconsole.certificates.x509.RevocationReason} — RFC 5280 reason names.</li>
 *   <li>{@link dev.tlsconsole.certificates.x509.PemExporter} and
 *       {@link dev.tlsconsole.certificates.x509.Pkcs12Exporter} — files for the hosts.</li>
 *   <li>{@link dev.tlsconsole.certificates.x509.ChainValidator} — {@code POST /certificates/validate};
 *       {@link dev.tlsconsole.certificates.x509.HostnameMatcher} — RFC 6125 name checks for findings.</li>
 * </ul>
 * Every refusal of user input is a {@link dev.tlsconsole.certificates.x509.PkiInputException} whose
 * message is meant for an HTTP 400 {@code detail}.
 */
package dev.tlsconsole.certificates.x509;
