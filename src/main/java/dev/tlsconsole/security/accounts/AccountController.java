package dev.tlsconsole.security.accounts;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.security.accounts.AccountCommands.CreatedToken;
import dev.tlsconsole.security.accounts.AccountCommands.NewToken;
import dev.tlsconsole.web.FormErrors;

/** The signed-in user's own account: password and personal API tokens. */
@Controller
@RequestMapping("/account")
class AccountController {

    static final String VIEW = "account/index";

    private final AccountService accounts;
    private final ApiTokenService tokens;
    private final PasswordPolicy passwordPolicy;

    AccountController(AccountService accounts, ApiTokenService tokens, PasswordPolicy passwordPolicy) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.passwordPolicy = passwordPolicy;
    }

    /** Change of one's own password. */
    static class PasswordForm {
        private String currentPassword;
        private String newPassword;
        private String confirmPassword;

        public String getCurrentPassword() {
            return currentPassword;
        }

        public void setCurrentPassword(String currentPassword) {
            this.currentPassword = currentPassword;
        }

        public String getNewPassword() {
            return newPassword;
        }

        public void setNewPassword(String newPassword) {
            this.newPassword = newPassword;
        }

        public String getConfirmPassword() {
            return confirmPassword;
        }

        public void setConfirmPassword(String confirmPassword) {
            this.confirmPassword = confirmPassword;
        }
    }

    /** A new personal API token. */
    static class TokenForm {
        private String name;
        private Integer expiresInDays = 90;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public Integer getExpiresInDays() {
            return expiresInDays;
        }

        public void setExpiresInDays(Integer expiresInDays) {
            this.expiresInDays = expiresInDays;
        }
    }

    @GetMapping
    String account(Principal principal, Model model) {
        model.addAttribute("passwordForm", new PasswordForm());
        model.addAttribute("tokenForm", new TokenForm());
        return page(principal, model);
    }

    @PostMapping("/password")
    String changePassword(Principal principal, @ModelAttribute("passwordForm") PasswordForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        if (form.getNewPassword() != null && !form.getNewPassword().equals(form.getConfirmPassword())) {
            binding.rejectValue("confirmPassword", "mismatch", "does not match the new password");
        } else {
            try {
                accounts.changeOwnPassword(principal.getName(), form.getCurrentPassword(), form.getNewPassword());
                redirect.addFlashAttribute("success", "account.passwordChanged");
                return "redirect:/account";
            } catch (InvalidInputException e) {
                FormErrors.apply(e, binding);
            }
        }
        form.setCurrentPassword(null);
        form.setNewPassword(null);
        form.setConfirmPassword(null);
        model.addAttribute("tokenForm", new TokenForm());
        return page(principal, model);
    }

    @PostMapping("/tokens")
    String createToken(Principal principal, @ModelAttribute("tokenForm") TokenForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        try {
            CreatedToken created = tokens.create(principal.getName(), new NewToken(form.getName(), form.getExpiresInDays()));
            redirect.addFlashAttribute("createdToken", created);
            return "redirect:/account";
        } catch (InvalidInputException e) {
            FormErrors.apply(e, binding);
            model.addAttribute("passwordForm", new PasswordForm());
            return page(principal, model);
        }
    }

    @PostMapping("/tokens/{id}/revoke")
    String revokeToken(Principal principal, @PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(principal.getName(), id);
        redirect.addFlashAttribute("success", "account.tokenRevoked");
        return "redirect:/account";
    }

    private String page(Principal principal, Model model) {
        model.addAttribute("me", accounts.me(principal.getName()));
        model.addAttribute("tokens", tokens.list(principal.getName()));
        model.addAttribute("passwordMinLength", passwordPolicy.minLength());
        return VIEW;
    }
}
