package dev.tlsconsole.certificates.authority;

import java.util.Arrays;
import java.util.List;

/** HTML form beans of the CA screens (mutable, as Spring's data binding needs). */
final class AuthorityForms {

    private AuthorityForms() {
    }

    /** A new root or intermediate CA. */
    static class NewAuthorityForm {
        /** The validity a new root CA gets unless the user asks otherwise. */
        static final int DEFAULT_VALIDITY_DAYS = 3650;

        private String name;
        private String subject;
        private String keyAlgorithm = "EC_P256";
        private Integer validityDays = DEFAULT_VALIDITY_DAYS;
        private String parent;
        private String crlDistributionUrl;

        AuthorityCommands.NewAuthority command() {
            return new AuthorityCommands.NewAuthority(name, subject, keyAlgorithm, validityDays, parent, crlDistributionUrl);
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
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

        public String getCrlDistributionUrl() {
            return crlDistributionUrl;
        }

        public void setCrlDistributionUrl(String crlDistributionUrl) {
            this.crlDistributionUrl = crlDistributionUrl;
        }
    }

    /** A CA's name and CRL settings, with the version the edit is based on. */
    static class SettingsForm {
        private String name;
        private String crlDistributionUrl;
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

    /** Issue a certificate for a topology host, or for a subject and SANs (one per line). */
    static class IssueForm {
        private String host;
        private String subject;
        private String sans;
        private String usage = "SERVER";
        private Integer validityDays = 365;
        private String keyAlgorithm;
        private String name;

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

        public String getKeyAlgorithm() {
            return keyAlgorithm;
        }

        public void setKeyAlgorithm(String keyAlgorithm) {
            this.keyAlgorithm = keyAlgorithm;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }

    /** Sign a pasted CSR. */
    static class CsrForm {
        private String csrPem;
        private String usage = "SERVER";
        private Integer validityDays = 365;
        private String name;

        AuthorityCommands.CsrRequest command() {
            return new AuthorityCommands.CsrRequest(csrPem, usage, validityDays, name);
        }

        public String getCsrPem() {
            return csrPem;
        }

        public void setCsrPem(String csrPem) {
            this.csrPem = csrPem;
        }

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
}
