package dev.tlsconsole.interchange;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.tlsconsole.certificates.assignment.CertificateInterchange.CertificateFile;
import dev.tlsconsole.certificates.assignment.CertificateInterchange.CrlFile;
import dev.tlsconsole.certificates.assignment.CertificateInterchange.IncomingCertificate;
import dev.tlsconsole.certificates.assignment.CertificateInterchange.IncomingCrl;
import dev.tlsconsole.certificates.assignment.CertificateInterchange.Location;
import dev.tlsconsole.certificates.assignment.CertificateInterchange.Referenced;
import dev.tlsconsole.interchange.GenesysFiles.PublicMaterial;
import dev.tlsconsole.policy.option.SecurityOption;
import dev.tlsconsole.policy.option.TransportString;

/**
 * The {@code certificates/} and {@code crls/} files of the Genesys archive. Each is PEM text (a
 * certificate with its chain, leaf first; or an {@code X509 CRL}) after a few {@code #} comment lines,
 * which PEM readers skip as explanatory text (RFC 7468) and the import reads back: the certificate's name
 * in the console and the paths the options use for it ({@code # Deployed at: <path> (<kind>)}), so the
 * importing console judges the same option values with the same content. Never a private key.
 */
final class ArchiveCertificates {

    static final String CERTIFICATES = "certificates/";
    static final String CRLS = "crls/";
    private static final String NAME = "# Certificate: ";
    private static final String DEPLOYED = "# Deployed at: ";
    private static final Set<String> KEYS = Set.of(SecurityOption.CERTIFICATE.key(), SecurityOption.TRUSTED_CA.key(),
            SecurityOption.TLS_CRL.key());

    private ArchiveCertificates() {
    }

    /** The values of {@code certificate}, {@code trusted-ca} and {@code tls-crl} in a section. */
    static void referencedIn(Map<String, String> section, Collection<String> values) {
        if (section == null) {
            return;
        }
        section.forEach((key, value) -> {
            if (KEYS.contains(key) && value != null && !value.isBlank()) {
                values.add(value);
            }
        });
    }

    /** The same values in a port's or connection's transport string (one that does not parse references nothing). */
    static void referencedInTransport(String transport, Collection<String> values) {
        if (transport == null || transport.isBlank()) {
            return;
        }
        try {
            referencedIn(TransportString.parse(transport).asMap(), values);
        } catch (RuntimeException e) {
            // an unparsable transport is reported by the effective policy; it designates no file here
            return;
        }
    }

    /** The archive files: path → text, certificates first, names made unique. */
    static Map<String, String> files(Referenced referenced) {
        Map<String, String> files = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (CertificateFile certificate : referenced.certificates()) {
            StringBuilder text = new StringBuilder();
            text.append(NAME).append(oneLine(certificate.name())).append('\n');
            text.append("# Subject: ").append(oneLine(certificate.subject())).append('\n');
            text.append("# SHA-256: ").append(certificate.sha256Fingerprint()).append('\n');
            text.append("# Windows thumbprint (SHA-1): ").append(certificate.sha1Thumbprint()).append('\n');
            for (Location location : certificate.locations()) {
                text.append(DEPLOYED).append(oneLine(location.path())).append(" (").append(location.kind()).append(")\n");
            }
            text.append(certificate.pem());
            files.put(unique(CERTIFICATES, certificate.name(), ".pem", certificate.sha256Fingerprint(), taken), text.toString());
        }
        for (CrlFile crl : referenced.crls()) {
            StringBuilder text = new StringBuilder();
            text.append("# CRL of: ").append(oneLine(crl.issuer())).append('\n');
            text.append("# CRL number: ").append(crl.crlNumber() == null ? "none" : crl.crlNumber()).append('\n');
            for (String path : crl.paths()) {
                text.append(DEPLOYED).append(oneLine(path)).append(" (CRL)\n");
            }
            text.append(crl.pem());
            files.put(unique(CRLS, crl.issuer(), ".crl", crl.crlNumber() == null ? "crl" : crl.crlNumber(), taken), text.toString());
        }
        return files;
    }

    /** The README's lines for these files: where each goes, and that it goes before the options that reference it. */
    static String readme(Referenced referenced, Map<String, String> files) {
        if (files.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("## Certificates and CRLs (deploy them before the options that reference them)\n\n");
        List<String> names = new ArrayList<>(files.keySet());
        int i = 0;
        for (CertificateFile certificate : referenced.certificates()) {
            String file = names.get(i++);
            md.append("- `").append(file).append("` — ").append(certificate.subject());
            if (certificate.locations().isEmpty()) {
                md.append(": Windows — import into the Local Computer store (thumbprint ").append(certificate.sha1Thumbprint())
                        .append("); UNIX — an issuing CA of the certificates above, for the hosts that trust it");
            } else {
                md.append(": copy to ");
                md.append(String.join(", ", certificate.locations().stream().map(l -> "`" + l.path() + "`").toList()));
            }
            md.append('\n');
        }
        for (CrlFile crl : referenced.crls()) {
            String file = names.get(i++);
            md.append("- `").append(file).append("` — CRL of ").append(crl.issuer());
            md.append(crl.paths().isEmpty() ? ": keep it at hand for the hosts that check revocation"
                    : ": copy to " + String.join(", ", crl.paths().stream().map(p -> "`" + p + "`").toList()));
            md.append('\n');
        }
        md.append("\nPublic certificates and CRLs only: the private keys stay where they are (see each host's runbook).\n\n");
        return md.toString();
    }

    /** The certificate files of an upload, with the name and paths their comment lines give. */
    static List<IncomingCertificate> certificates(List<PublicMaterial> files) {
        List<IncomingCertificate> certificates = new ArrayList<>();
        for (PublicMaterial file : files) {
            String name = null;
            List<Location> locations = new ArrayList<>();
            for (String line : header(file.pem())) {
                if (line.startsWith(NAME)) {
                    name = line.substring(NAME.length()).strip();
                } else if (line.startsWith(DEPLOYED)) {
                    locations.add(location(line.substring(DEPLOYED.length()).strip()));
                }
            }
            certificates.add(new IncomingCertificate(file.file(), name, file.pem(), locations));
        }
        return certificates;
    }

    /** The CRL files of an upload, with their paths; the PEM from its first block on (the comment lines are ours). */
    static List<IncomingCrl> crls(List<PublicMaterial> files) {
        List<IncomingCrl> crls = new ArrayList<>();
        for (PublicMaterial file : files) {
            Set<String> paths = new TreeSet<>();
            for (String line : header(file.pem())) {
                if (line.startsWith(DEPLOYED)) {
                    paths.add(location(line.substring(DEPLOYED.length()).strip()).path());
                }
            }
            int begin = file.pem().indexOf("-----BEGIN");
            String pem = begin < 0 ? file.pem() : file.pem().substring(begin);
            crls.add(new IncomingCrl(file.file(), pem.getBytes(StandardCharsets.UTF_8), List.copyOf(paths)));
        }
        return crls;
    }

    /** The comment lines before the first PEM block. */
    private static List<String> header(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.lines().toList()) {
            if (line.startsWith("-----BEGIN")) {
                break;
            }
            if (line.startsWith("#")) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** {@code <path> (<KIND>)}, or a bare path (a certificate's own file). */
    private static Location location(String text) {
        if (text.endsWith(")") && text.lastIndexOf(" (") > 0) {
            int open = text.lastIndexOf(" (");
            return new Location(text.substring(0, open).strip(), text.substring(open + 2, text.length() - 1).strip()
                    .toUpperCase(Locale.ROOT));
        }
        return new Location(text, "CERTIFICATE");
    }

    private static String unique(String folder, String name, String suffix, String distinct, Set<String> taken) {
        String base = folder + OptionFiles.fileName(name);
        String file = base + suffix;
        if (!taken.add(file.toLowerCase(Locale.ROOT))) {
            file = base + "_" + OptionFiles.fileName(distinct.length() > 12 ? distinct.substring(0, 12) : distinct) + suffix;
            taken.add(file.toLowerCase(Locale.ROOT));
        }
        return file;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replace('\r', ' ').replace('\n', ' ');
    }
}
