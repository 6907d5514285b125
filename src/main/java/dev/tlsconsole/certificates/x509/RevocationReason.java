package dev.tlsconsole.certificates.x509;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * RFC 5280 §5.3.1 CRL reason codes, with their standard names as the API and the audit trail use them
 * ({@code keyCompromise}, …). Code 7 is unassigned in the RFC and has no constant.
 */
public enum RevocationReason {

    UNSPECIFIED("unspecified", 0),
    KEY_COMPROMISE("keyCompromise", 1),
    CA_COMPROMISE("cACompromise", 2),
    AFFILIATION_CHANGED("affiliationChanged", 3),
    SUPERSEDED("superseded", 4),
    CESSATION_OF_OPERATION("cessationOfOperation", 5),
    CERTIFICATE_HOLD("certificateHold", 6),
    /** Only meaningful in delta CRLs, which the console does not issue. */
    REMOVE_FROM_CRL("removeFromCRL", 8),
    PRIVILEGE_WITHDRAWN("privilegeWithdrawn", 9),
    AA_COMPROMISE("aACompromise", 10);

    private final String rfcName;
    private final int code;

    RevocationReason(String rfcName, int code) {
        this.rfcName = rfcName;
        this.code = code;
    }

    /** The RFC 5280 name, e.g. {@code keyCompromise}. */
    public String rfcName() {
        return rfcName;
    }

    /** The CRLReason ENUMERATED value written into CRL entries. */
    public int code() {
        return code;
    }

    /** Parses an RFC 5280 name in any letter case; an unknown name gets a message listing the valid ones. */
    public static RevocationReason fromName(String name) {
        String wanted = name == null ? "" : name.trim();
        return Arrays.stream(values()).filter(reason -> reason.rfcName.equalsIgnoreCase(wanted)).findFirst()
                .orElseThrow(() -> new PkiInputException("unknown revocation reason '" + name + "': use one of "
                        + Arrays.stream(values()).map(RevocationReason::rfcName).collect(Collectors.joining(", "))));
    }

    /** The reason for a CRLReason code read from a CRL. */
    public static RevocationReason fromCode(int code) {
        return Arrays.stream(values()).filter(reason -> reason.code == code).findFirst()
                .orElseThrow(() -> new PkiInputException("the CRL uses revocation reason code " + code + ", which RFC 5280 does not define"));
    }
}
