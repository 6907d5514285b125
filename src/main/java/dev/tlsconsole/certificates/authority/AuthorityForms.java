package dev.tlsconsole.certificates.authority;

import java.util.Arrays;
import java.util.List;

/** HTML form beans of the CA screens (mutable, as Spring's data binding needs). */
final class AuthorityForms {

    private AuthorityForms() {
    }

    /** What the new-CA and settings forms share: the CA's name and its CRL distribution URL. */
    abstract static class NameAndCrlUrl {
        String name;
        String crlDistributionUrl;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getCrlDistributionUrl() {
            return crlDistributionUrl;
        }

        public void setCrlDistributionUrl(String crlDistributionUrl) {
            this.crlDistributionUrl = crlDistributionUrl;
        }
    }

    /** A new root or intermediate CA. */
    static class NewAuthorityForm extends NameAndCrlUrl {
        /** The validity a new root CA gets unless the user asks otherwise. */
        static final int DEFAULT_VALIDITY_DAYS = 3650;

        private String subject;
        private String keyAlgorithm = "EC_P256";
        private Integer validityDays = DEFAULT_VALIDITY_DAYS;
        private String parent;

        AuthorityCommands.NewAuthority command() {
            return new AuthorityCommands.NewAuthority(name, subject, keyAlgorithm, validityDays, parent, crlDistributionUrl);
        }

        public String getSubject() {
            return subject;
        }

        public void setSubject(String subject) {
            this.subject = subject;
        }

        public String getKeyAlgorithm() {
            return keyAlgorithm;
        }

        public void setKeyAlgorithm(String keyAlgorithm) {
            this.keyAlgorithm = keyAlgorithm;
        }

        public Integer getValidityDays() {
            return validityDays;
        }

        public void setValidityDays(Integer validityDays) {
            this.validityDays = validityDays;
        }

        public String getParent() {
            return parent;
        }

        public void setParent(String parent) {
            this.parent = parent;
        }
    }

    /** A CA's name and CRL settings, with the version the edit is based on. */
    static class SettingsForm extends NameAndCrlUrl {
        private Integer crlValidityHours;
        private Long version;

        static SettingsForm of(AuthorityCommands.AuthorityView view) {
            SettingsForm form = new SettingsForm();
            form.name = view.name();
            form.crlDistributionUrl = view.crlDistributionUrl();
            form.crlValidityHours = (int) view.crlValidityHours();
            form.version = view.version();
            return form;
        }

        AuthorityCommands.AuthorityChange command() {
            return new AuthorityCommands.AuthorityChange(name, crlDistributionUrl == null ? "" : crlDistributionUrl,
                    crlValidityHours, version);
        }

        public Integer getCrlValidityHours() {
            return crlValidityHours;
        }

        public void setCrlValidityHours(Integer crlValidityHours) {
            this.crlValidityHours = crlValidityHours;
        }

        public Long getVersion() {
            return version;
        }

        public void setVersion(Long version) {
            this.version = version;
        }
    }

    /** What the issue and CSR forms share: the usage, the validity and the certificate's name in the inventory. */
    abstract static class UsageValidityAndName {
        String usage = "SERVER";
        Integer validityDays = 365;
        String name;

        public String getUsage() {
            return usage;
        }

        public void setUsage(String usage) {
            this.usage = usage;
        }

        public Integer getValidityDays() {
            return validityDays;
        }

        public void setValidityDays(Integer validityDays) {
            this.validityDays = validityDays;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }

    /** Issue a certificate for a topology host, or for a subject and SANs (one per line). */
    static class IssueForm extends UsageValidityAndName {
        private String host;
        private String subject;
        private String sans;
        private String keyAlgorithm;

        AuthorityCommands.IssueRequest command() {
            List<String> lines = sans == null ? List.of() : Arrays.stream(sans.split("[\\r\\n,]+"))
                    .map(String::strip).filter(line -> !line.isEmpty()).toList();
            return new AuthorityCommands.IssueRequest(host, subject, lines, usage, validityDays, keyAlgorithm, name);
        }

        public String getHost() {
            return host;
        }

        public void setHost(String host) {
            this.host = host;
        }

        public String getSubject() {
            return subject;
        }

        public void setSubject(String subject) {
            this.subject = subject;
        }

        public String getSans() {
            return sans;
        }

        public void setSans(String sans) {
            this.sans = sans;
        }

        public String getKeyAlgorithm() {
            return keyAlgorithm;
        }

        public void setKeyAlgorithm(String keyAlgorithm) {
            this.keyAlgorithm = keyAlgorithm;
        }
    }

    /** Sign a pasted CSR. */
    static class CsrForm extends UsageValidityAndName {
        private String csrPem;

        AuthorityCommands.CsrRequest command() {
            return new AuthorityCommands.CsrRequest(csrPem, usage, validityDays, name);
        }

        public String getCsrPem() {
            return csrPem;
        }

        public void setCsrPem(String csrPem) {
            this.csrPem = csrPem;
        }
    }
}
