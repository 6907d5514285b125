package dev.tlsconsole.certificates.x509;

import java.util.Objects;

/**
 * A name the peer's certificate must be valid for.
 *
 * @param type  DNS (a host name), IP (an IPv4/IPv6 literal) or EMAIL (a mailbox, for client certificates)
 * @param value the name
 */
public record PeerName(Type type, String value) {

    /** The longest name accepted (DNS names are at most 253 characters, mailboxes 254). */
    static final int MAX_LENGTH = 255;

    /** The kinds of peer name. */
    public enum Type { DNS, IP, EMAIL }

    public PeerName {
        if (type == null) {
            throw new PkiInputException("peerNames: each name needs a type (DNS, IP or EMAIL)");
        }
        if (value == null || value.isBlank()) {
            throw new PkiInputException("peerNames: each name needs a value");
        }
        value = value.trim();
        if (value.length() > MAX_LENGTH) {
            throw new PkiInputException("peerNames: a name is at most " + MAX_LENGTH + " characters");
        }
        if (type == Type.IP && !HostnameMatcher.isIpLiteral(value)) {
            throw new PkiInputException("peerNames: '" + value + "' is not an IP address");
        }
        if (type == Type.EMAIL && !SubjectAlternativeNames.isMailbox(value)) {
            throw new PkiInputException("peerNames: '" + value + "' is not an e-mail address");
        }
        Objects.requireNonNull(value);
    }

    /** The request's {@code hostname}: an IP literal or a DNS name. */
    static PeerName ofHost(String hostname) {
        String host = hostname.trim();
        return new PeerName(HostnameMatcher.isIpLiteral(host) ? Type.IP : Type.DNS, host);
    }
}
