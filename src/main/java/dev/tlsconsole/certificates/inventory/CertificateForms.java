package dev.tlsconsole.certificates.inventory;

import org.springframework.web.multipart.MultipartFile;

/** HTML form beans of the inventory screens (mutable, as Spring's data binding needs). */
final class CertificateForms {

    private CertificateForms() {
    }

    /** Import: a file, or PEM text with an optional separate key; one password for either. */
    static class ImportForm {
        private String name;
        private MultipartFile file;
        private String pem;
        private String privateKeyPem;
        private String password;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public MultipartFile getFile() {
            return file;
        }

        public void setFile(MultipartFile file) {
            this.file = file;
        }

        public String getPem() {
            return pem;
        }

        public void setPem(String pem) {
            this.pem = pem;
        }

        public String getPrivateKeyPem() {
            return privateKeyPem;
        }

        public void setPrivateKeyPem(String privateKeyPem) {
            this.privateKeyPem = privateKeyPem;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }
    }

    /** Rename, with the version the edit is based on. */
    static class RenameForm {
        private String name;
        private Long version;

        static RenameForm of(CertificateView view) {
            RenameForm form = new RenameForm();
            form.name = view.name();
            form.version = view.version();
            return form;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public Long getVersion() {
            return version;
        }

        public void setVersion(Long version) {
            this.version = version;
        }
    }

    /** Key export (ADMIN): format, the password protecting the file (typed twice), legacy PKCS#12. */
    static class ExportForm {
        private KeyExport.Format format = KeyExport.Format.PKCS12;
        private String password;
        private String confirmPassword;
        private boolean legacy;

        public KeyExport.Format getFormat() {
            return format;
        }

        public void setFormat(KeyExport.Format format) {
            this.format = format;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public String getConfirmPassword() {
            return confirmPassword;
        }

        public void setConfirmPassword(String confirmPassword) {
            this.confirmPassword = confirmPassword;
        }

        public boolean isLegacy() {
            return legacy;
        }

        public void setLegacy(boolean legacy) {
            this.legacy = legacy;
        }
    }
}
