package dev.tlsconsole.policy;

import static dev.tlsconsole.policy.option.SecurityOption.TLS_CRL;
import static dev.tlsconsole.policy.option.SecurityOption.TLS_TARGET_NAME_CHECK;

import dev.tlsconsole.policy.effective.Finding;
import dev.tlsconsole.policy.effective.FindingCode;
import dev.tlsconsole.policy.effective.Grade;
import dev.tlsconsole.policy.effective.Mode;
import dev.tlsconsole.policy.effective.ResolvedSide;
import dev.tlsconsole.policy.effective.Severity;
import dev.tlsconsole.policy.effective.TlsVersion;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The grade (DESIGN.md §4) and the reasons that capped it. Errors win over everything, plaintext is
 * "-", then C (encryption only, obsolete protocol), B (warnings; auto-detect), A, A+. INFO findings
 * never count. An auto-detect connection is graded as the TLS it becomes after the upgrade, capped
 * at B because TLS only starts if the client upgrades.
 */
final class Grading {

    static final String NOT_SECURED = "not secured: the port has no tls=1";
    static final String AUTO_DETECT = "auto-detect: TLS starts only if the client upgrades";
    static final String NOT_MUTUAL = "not mutual TLS";
    static final String BELOW_TLS12 = "protocol below TLSv12";
    static final String NO_HOST_CHECK = "the client does not check the server host name (tls-target-name-check=host)";
    static final String NO_CLIENT_CRL = "the client does not check revocation (tls-crl)";
    static final String NO_SERVER_CRL = "the server does not check revocation of client certificates (tls-crl)";

    private static final List<String> NOT_SECURED_REASONS = List.of(NOT_SECURED);
    private static final List<String> AUTO_DETECT_REASONS = List.of(AUTO_DETECT);

    private Grading() {
    }

    record Result(Grade grade, List<String> reasons) {
    }

    static Result grade(Mode mode, Mode authMode, Optional<TlsVersion> protocol, FindingList findings,
                        ResolvedSide clientSide, ResolvedSide serverSide) {
        Set<FindingCode> errors = EnumSet.noneOf(FindingCode.class);
        Set<FindingCode> warnings = EnumSet.noneOf(FindingCode.class);
        for (Finding finding : findings.asList()) {
            if (finding.severity() == Severity.ERROR) {
                errors.add(finding.code());
            } else if (finding.severity() == Severity.WARNING) {
                warnings.add(finding.code());
            }
        }
        if (!errors.isEmpty()) {
            return new Result(Grade.F, names(errors, List.of()));
        }
        if (mode == Mode.PLAINTEXT) {
            return new Result(Grade.NOT_SECURED, NOT_SECURED_REASONS);
        }
        List<String> extra = mode == Mode.AUTO_DETECT ? AUTO_DETECT_REASONS : List.of();
        if (authMode == Mode.ENCRYPTION_ONLY || warnings.contains(FindingCode.PROTOCOL_OBSOLETE)) {
            return new Result(Grade.C, capFirst(warnings, extra));
        }
        if (!warnings.isEmpty() || mode == Mode.AUTO_DETECT) {
            return new Result(Grade.B, names(warnings, extra));
        }
        List<String> missing = new ArrayList<>(4);
        if (authMode != Mode.MUTUAL_TLS) {
            missing.add(NOT_MUTUAL);
        }
        if (protocol.isEmpty() || protocol.get().isObsolete()) {
            missing.add(BELOW_TLS12);
        }
        if (!clientSide.get(TLS_TARGET_NAME_CHECK).is("host")) {
            missing.add(NO_HOST_CHECK);
        }
        if (!clientSide.get(TLS_CRL).hasValue()) {
            missing.add(NO_CLIENT_CRL);
        }
        if (authMode == Mode.MUTUAL_TLS && !serverSide.get(TLS_CRL).hasValue()) {
            missing.add(NO_SERVER_CRL);
        }
        return missing.isEmpty() ? new Result(Grade.A_PLUS, List.of()) : new Result(Grade.A, List.copyOf(missing));
    }

    /** For C: ENCRYPTION_ONLY and PROTOCOL_OBSOLETE (the codes that cap at C) before the other warnings. */
    private static List<String> capFirst(Set<FindingCode> warnings, List<String> extra) {
        Set<FindingCode> caps = EnumSet.of(FindingCode.ENCRYPTION_ONLY, FindingCode.PROTOCOL_OBSOLETE);
        caps.retainAll(warnings);
        Set<FindingCode> others = EnumSet.copyOf(warnings);
        others.removeAll(caps);
        List<String> reasons = new ArrayList<>(names(caps, List.of()));
        reasons.addAll(names(others, extra));
        return List.copyOf(reasons);
    }

    /** Codes in catalogue order, then the extra phrases. */
    private static List<String> names(Set<FindingCode> codes, List<String> extra) {
        String[] out = new String[codes.size() + extra.size()];
        int n = 0;
        for (FindingCode code : codes) {
            out[n++] = code.name();
        }
        for (String reason : extra) {
            out[n++] = reason;
        }
        return List.of(out);
    }
}
