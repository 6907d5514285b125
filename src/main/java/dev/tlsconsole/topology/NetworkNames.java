package dev.tlsconsole.topology;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Host names (RFC 1123) and IP address literals, checked without ever asking DNS: an address is
 * first matched against the characters a literal may hold, so {@link InetAddress} only ever parses.
 */
public final class NetworkNames {

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile(
            "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private NetworkNames() {
    }

    /**
     * The unique key of a host, application or port name: names compare without case and surrounding
     * space (the {@code name_key} columns).
     */
    public static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** Why {@code name} is not an RFC 1123 host name, or empty when it is one. */
    public static Optional<String> hostNameProblem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("is required: the host's network name, e.g. cfg-host-1 or cfg-host-1.example.com");
        }
        if (name.length() > 253) {
            return Optional.of("must be at most 253 characters");
        }
        String[] labels = name.split("\\.", -1);
        for (String label : labels) {
            if (label.isEmpty()) {
                return Optional.of("'" + name + "' has an empty label (two dots in a row, or a dot at the start or end)");
            }
            if (!LABEL.matcher(label).matches()) {
                return Optional.of("'" + name + "' is not a host name: each dot-separated label has 1 to 63 letters, digits"
                        + " or '-', and does not start or end with '-' (RFC 1123)");
            }
        }
        return Optional.empty();
    }

    /**
     * The address in the form it is stored (IPv6 in lower case), or a problem. Accepts IPv4 dotted
     * quads without leading zeros and IPv6 literals without zone ids.
     */
    public static Address address(String text) {
        if (text == null || text.isBlank()) {
            return Address.invalid("is required: an IPv4 or IPv6 address, e.g. 10.0.0.11 or fd00::11");
        }
        String candidate = text.strip();
        if (IPV4.matcher(candidate).matches()) {
            return new Address(candidate, null);
        }
        if (candidate.indexOf(':') >= 0 && IPV6_CHARACTERS.matcher(candidate).matches()) {
            try {
                // a literal made of hex digits, ':' and '.' is parsed, never looked up
                InetAddress.getByName(candidate);
                return new Address(candidate.toLowerCase(Locale.ROOT), null);
            } catch (UnknownHostException e) {
                return Address.invalid("'" + text + "' is not a valid IPv6 address");
            }
        }
        return Address.invalid("'" + text + "' is not an IP address: use IPv4 (10.0.0.11) or IPv6 (fd00::11); host names are not accepted here");
    }

    /** An address as stored, or the reason it was refused. */
    public record Address(String value, String problem) {

        static Address invalid(String problem) {
            return new Address(null, problem);
        }

        public boolean valid() {
            return problem == null;
        }
    }
}
