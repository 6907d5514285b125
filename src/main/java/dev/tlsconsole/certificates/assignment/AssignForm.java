package dev.tlsconsole.certificates.assignment;

/** The assignment form: the target picked from {@link AssignmentChoices} and whether to set {@code tls-crl} too. */
public class AssignForm {

    private String target;
    private boolean crl;

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public boolean isCrl() {
        return crl;
    }

    public void setCrl(boolean crl) {
        this.crl = crl;
    }
}
