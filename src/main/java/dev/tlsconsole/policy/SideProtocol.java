package dev.tlsconsole.policy;

import static dev.tlsconsole.policy.effective.TlsVersion.SSLv3;
import static dev.tlsconsole.policy.effective.TlsVersion.TLSv11;
import static dev.tlsconsole.policy.effective.TlsVersion.TLSv12;
import static dev.tlsconsole.policy.effective.TlsVersion.TLSv13;

import dev.tlsconsole.policy.effective.Finding;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.ResolvedOption;
import dev.tlsconsole.policy.effective.Side;
import dev.tlsconsole.policy.effective.SuggestedChange;
import dev.tlsconsole.policy.effective.TlsVersion;
import dev.tlsconsole.policy.snapshot.ObjectRef;
import java.util.List;
import java.util.Optional;

/**
 * The protocol versions one side can speak (DESIGN.md §3 rule 6). UNIX: the Security Pack caps the
 * highest version (before 8.5.1 TLS 1.1, from 8.5.1 TLS 1.2, from 8.5.100.25 TLS 1.3) and
 * {@code sec-protocol} narrows it: a strict value pins one version, {@code SSLv23} means "from SSLv3"
 * (from TLS 1.1 on OpenSSL packs), empty means the pack default (like SSLv23 on old packs, from TLS 1.2
 * on 8.5.1+). Windows: the OS settings decide, {@code sec-protocol} is ignored.
 *
 * @param range empty when the side cannot do TLS as configured (the findings say why)
 */
record SideProtocol(Optional<ProtocolRange> range, List<Finding> findings) {

    static final Version OPENSSL_PACK = Version.parse("8.5.1");
    static final Version TLS13_PACK = Version.parse("8.5.100.25");
    static final String OPENSSL_PACK_NAME = OPENSSL_PACK.toString();
    static final String TLS13_PACK_NAME = TLS13_PACK.toString();
    private static final java.util.regex.Pattern WINDOWS_YEAR = java.util.regex.Pattern.compile("(?:^|\\D)(20\\d\\d)(?:\\D|$)");
    private static final java.util.regex.Pattern WINDOWS_CLIENT = java.util.regex.Pattern.compile("(?i)windows\\s*(\\d+)");

    static SideProtocol evaluate(Side side, HostInfo host, ObjectRef component, ResolvedOption secProtocol,
                                 PolicySettings settings) {
        return evaluate(side, host, component, secProtocol, settings, false);
    }

    /**
     * As above; a Java (Platform SDK) component ({@code java}) runs JSSE on every OS (reference §1 table, IMP):
     * it needs no Security Pack and the Windows settings do not decide for it (see {@link #jsse}).
     */
    static SideProtocol evaluate(Side side, HostInfo host, ObjectRef component, ResolvedOption secProtocol,
                                 PolicySettings settings, boolean java) {
        if (java) {
            return jsse(secProtocol);
        }
        if (host.windows()) {
            ProtocolRange os = windowsRange(host, settings);
            if (!secProtocol.isSet()) {
                return new SideProtocol(os.asOptional(), List.of());
            }
            return new SideProtocol(os.asOptional(), List.of(Finding.of(FindingCode.WINDOWS_OS_OVERRIDES_PROTOCOL, side,
                    secProtocol.source().orElseThrow(),
                    Describe.setting(secProtocol) + " " + Describe.at(secProtocol) + " is ignored for "
                            + Describe.object(component) + " on " + host.describe()
                            + ": the Windows protocol settings decide (assumed " + os + windowsBasis(host)
                            + "); change them on the host, or remove sec-protocol",
                    SuggestedChange.remove(secProtocol.source().orElseThrow(), secProtocol.option().key()))));
        }
        if (host.pack().isEmpty()) {
            String installed = host.host().securityPack().map(v -> " (the recorded version '" + v + "' is not a version)").orElse("");
            return new SideProtocol(Optional.empty(), List.of(Finding.of(FindingCode.SECURITY_PACK_MISSING, side, host.ref(),
                    Describe.capitalised(host.describe()) + " has no Security Pack" + installed + " but "
                            + Describe.object(component) + " uses TLS there: install the Security Pack on '"
                            + host.host().name() + "' and record its version")));
        }
        Version pack = host.pack().get();
        boolean modern = pack.isAtLeast(TLS13_PACK);
        boolean openSsl = pack.isAtLeast(OPENSSL_PACK);
        TlsVersion max = modern ? TLSv13 : openSsl ? TLSv12 : TLSv11;
        Optional<TlsVersion> strict = TlsVersion.fromStrict(secProtocol.value());
        if (strict.isPresent()) {
            TlsVersion pinned = strict.get();
            // ADV newest revision (§8 C4): from 8.5.100.25 the only strict values are TLSv12 and TLSv13
            boolean refused = modern && pinned.compareTo(TLSv12) < 0;
            if (refused || pinned.compareTo(max) > 0) {
                return new SideProtocol(Optional.empty(), List.of(unsupported(side, host, component, secProtocol, pack, max, refused)));
            }
            return new SideProtocol(ProtocolRange.of(pinned, pinned).asOptional(), List.of());
        }
        // compatibility mode (§8 C1, C2, C4): before 8.5.100.25 empty means SSLv23, "from SSLv3 to the pack's highest";
        // from 8.5.100.25 SSLv23 is "from TLS 1.1 up" and empty "from TLS 1.2 up"
        TlsVersion min = !modern ? SSLv3 : "SSLv23".equals(secProtocol.value()) ? TLSv11 : TLSv12;
        return new SideProtocol(ProtocolRange.of(min, max).asOptional(), List.of());
    }

    /**
     * A Java component: JSSE of its JRE. The SDG names JSSE for Java components on all platforms and says the
     * Security Pack is for native UNIX applications (IMP, TLSPrep: documented). The range is the JRE default,
     * TLS 1.2 to TLS 1.3 (TLS 1.0 and 1.1 are disabled by default in current JREs: general Java knowledge, the
     * component's JRE is not recorded); a strict sec-protocol pins one version (PSDK reads TLSv12, ADV).
     */
    static SideProtocol jsse(ResolvedOption secProtocol) {
        Optional<TlsVersion> strict = TlsVersion.fromStrict(secProtocol.value());
        ProtocolRange range = strict.map(v -> ProtocolRange.of(v, v)).orElse(JSSE_DEFAULT);
        return new SideProtocol(range.asOptional(), List.of());
    }

    static final ProtocolRange JSSE_DEFAULT = ProtocolRange.of(TLSv12, TLSv13);

    /**
     * §8 C6 (ADV, IMP): SChannel decides. TLS 1.3 exists only from Windows Server 2022 / Windows 11; a
     * recorded older version caps the range at TLS 1.2; an unknown version keeps the configured assumption.
     */
    static ProtocolRange windowsRange(HostInfo host, PolicySettings settings) {
        TlsVersion max = settings.windowsMaximum();
        Optional<Boolean> tls13 = windowsHasTls13(host.host().osVersion());
        if (tls13.isPresent() && !tls13.get() && max.compareTo(TLSv12) > 0) {
            max = TLSv12;
        }
        TlsVersion min = settings.windowsMinimum().compareTo(max) > 0 ? max : settings.windowsMinimum();
        return ProtocolRange.of(min, max);
    }

    /** True / false when the recorded Windows version tells whether SChannel has TLS 1.3; empty when unknown. */
    static Optional<Boolean> windowsHasTls13(String osVersion) {
        if (osVersion == null) {
            return Optional.empty();
        }
        java.util.regex.Matcher year = WINDOWS_YEAR.matcher(osVersion);
        if (year.find()) {
            return Optional.of(Integer.parseInt(year.group(1)) >= 2022);
        }
        java.util.regex.Matcher client = WINDOWS_CLIENT.matcher(osVersion);
        if (client.find()) {
            return Optional.of(Integer.parseInt(client.group(1)) >= 11);
        }
        return Optional.empty();
    }

    private static String windowsBasis(HostInfo host) {
        String os = host.host().osVersion();
        return os == null ? ", the host's Windows version is not recorded: the OS decides" : " for " + os;
    }

    private static Finding unsupported(Side side, HostInfo host, ObjectRef component, ResolvedOption secProtocol,
                                       Version pack, TlsVersion max, boolean refused) {
        String why = refused
                ? "Security Pack " + pack + " accepts only SSLv23, TLSv12, TLSv13 or empty, not " + secProtocol.value()
                : secProtocol.value() + " needs Security Pack " + (secProtocol.value().equals("TLSv13") ? TLS13_PACK_NAME : OPENSSL_PACK_NAME)
                        + " or later, " + host.describe() + " has " + pack + " (up to " + max + ")";
        String advice = refused ? "set sec-protocol=TLSv12 or leave it empty"
                : "upgrade the Security Pack or set sec-protocol=" + max;
        return Finding.of(FindingCode.PROTOCOL_UNSUPPORTED_BY_PACK, side, secProtocol.source().orElseThrow(),
                Describe.setting(secProtocol) + " " + Describe.at(secProtocol) + " cannot work for "
                        + Describe.object(component) + ": " + why + "; " + advice,
                SuggestedChange.set(secProtocol.source().orElseThrow(), secProtocol.option().key(), refused ? "TLSv12" : max.name()));
    }
}
