package dev.tlsconsole.policy.effective;

import java.util.Optional;

/**
 * Protocol versions in ascending order. The constants are spelt exactly as Genesys {@code sec-protocol}
 * values (and as the API shows them), which is worth the unusual Java names.
 */
public enum TlsVersion {
    SSLv3, TLSv1, TLSv11, TLSv12, TLSv13;

    /** SSL 3.0, TLS 1.0 and TLS 1.1 are deprecated (RFC 7568, RFC 8996). */
    public boolean isObsolete() {
        return compareTo(TLSv12) < 0;
    }

    /** values() clones its array on every call; fromStrict runs for every side. */
    private static final TlsVersion[] ALL = values();

    /** The version a strict {@code sec-protocol} value pins; empty for {@code SSLv23}, empty or unknown values. */
    public static Optional<TlsVersion> fromStrict(String secProtocol) {
        for (TlsVersion version : ALL) {
            if (version.name().equals(secProtocol)) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }
}
