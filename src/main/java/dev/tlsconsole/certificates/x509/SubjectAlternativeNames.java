package dev.tlsconsole.certificates.x509;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.util.IPAddress;

/**
 * Parses the {@code TYPE:value} SAN notation of the API into Bouncy Castle names, validating each value
 * without any network look-up (an IP must be a literal, a DNS name must be syntactically valid).
 */
final class SubjectAlternativeNames {

    /** LDH labels (underscore tolerated for Windows host names), optional leading "*." wildcard label. */
    private static final Pattern DNS_NAME = Pattern.compile(
            "^(\\*\\.)?([A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*$");

    private SubjectAlternativeNames() {
    }

    static GeneralNames parse(List<String> entries) {
        List<GeneralName> names = new ArrayList<>();
        for (String entry : entries) {
            names.add(parseOne(entry));
        }
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    static boolean isDnsName(String value) {
        return value != null && value.length() <= 253 && DNS_NAME.matcher(value).matches();
    }

    /** An addr-spec with exactly one '@', a non-empty local part without spaces and a DNS domain (RFC 5280 §4.2.1.6). */
    static boolean isMailbox(String value) {
        if (value == null || value.length() > 254) {
            return false;
        }
        int at = value.indexOf('@');
        return at > 0 && at == value.lastIndexOf('@') && value.substring(0, at).chars().noneMatch(c -> c <= ' ' || c > '~')
                && isDnsName(value.substring(at + 1)) && !value.substring(at + 1).startsWith("*");
    }

    private static GeneralName parseOne(String entry) {
        int colon = entry == null ? -1 : entry.indexOf(':');
        if (colon <= 0) {
            throw new PkiInputException("subject alternative name '" + entry + "' must be written TYPE:value, e.g. DNS:host.example.com or IP:10.0.0.1");
        }
        String type = entry.substring(0, colon).trim().toUpperCase(Locale.ROOT);
        String value = entry.substring(colon + 1).trim();
        return switch (type) {
            case "DNS" -> {
                if (!isDnsName(value)) {
                    throw new PkiInputException("'" + value + "' is not a valid DNS name for a subject alternative name");
                }
                yield new GeneralName(GeneralName.dNSName, value);
            }
            case "IP" -> {
                if (!IPAddress.isValid(value)) {
                    throw new PkiInputException("'" + value + "' is not an IPv4 or IPv6 address");
                }
                yield new GeneralName(GeneralName.iPAddress, value);
            }
            case "URI" -> new GeneralName(GeneralName.uniformResourceIdentifier, value);
            case "EMAIL" -> new GeneralName(GeneralName.rfc822Name, value);
            default -> throw new PkiInputException("unsupported subject alternative name type '" + type
                    + "': use DNS, IP, URI or email");
        };
    }
}
