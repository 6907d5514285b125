package dev.tlsconsole.security.accounts;

import java.util.EnumSet;
import java.util.Set;

/** HTML form beans of the user screens (mutable, as Spring's data binding needs). */
final class UserForms {

    private UserForms() {
    }

    /** New user. */
    static class NewUserForm {
        private String username;
        private String password;
        // nothing pre-ticked: the administrator chooses every role deliberately
        private Set<Role> roles = EnumSet.noneOf(Role.class);

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public Set<Role> getRoles() {
            return roles;
        }

        public void setRoles(Set<Role> roles) {
            this.roles = roles == null ? EnumSet.noneOf(Role.class) : roles;
        }
    }

    /** Roles and status of an existing user, with the version the edit is based on. */
    static class EditUserForm {
        private Set<Role> roles = EnumSet.noneOf(Role.class);
        private boolean enabled;
        private Long version;

        static EditUserForm of(AccountCommands.AccountView view) {
            EditUserForm form = new EditUserForm();
            form.roles = view.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(view.roles());
            form.enabled = view.enabled();
            form.version = view.version();
            return form;
        }

        public Set<Role> getRoles() {
            return roles;
        }

        public void setRoles(Set<Role> roles) {
            this.roles = roles == null ? EnumSet.noneOf(Role.class) : roles;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Long getVersion() {
            return version;
        }

        public void setVersion(Long version) {
            this.version = version;
        }
    }

    /** A new password set by an administrator. */
    static class ResetPasswordForm {
        private String password;

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }
    }
}
