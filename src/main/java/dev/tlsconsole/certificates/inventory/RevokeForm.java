package dev.tlsconsole.certificates.inventory;

/** The revoke form of a certificate's page: an RFC 5280 reason name (the authority feature revokes). */
public class RevokeForm {

    private String reason = "superseded";

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
