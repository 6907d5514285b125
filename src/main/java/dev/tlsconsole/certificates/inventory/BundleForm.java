package dev.tlsconsole.certificates.inventory;

/**
 * The deployment-bundle form of a certificate's page (with the key: ADMIN). Its format stays text here, since the
 * page belongs to the inventory and the formats to the assignment feature, which reads it.
 */
public class BundleForm {

    private String format = "PKCS12";
    private String password;
    private boolean legacy;

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isLegacy() {
        return legacy;
    }

    public void setLegacy(boolean legacy) {
        this.legacy = legacy;
    }
}
