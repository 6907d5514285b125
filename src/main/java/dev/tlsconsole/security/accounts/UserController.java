package dev.tlsconsole.security.accounts;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tlsconsole.ConflictException;
import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.security.accounts.AccountCommands.AccountChange;
import dev.tlsconsole.security.accounts.AccountCommands.AccountView;
import dev.tlsconsole.security.accounts.AccountCommands.NewAccount;
import dev.tlsconsole.security.accounts.UserForms.EditUserForm;
import dev.tlsconsole.security.accounts.UserForms.NewUserForm;
import dev.tlsconsole.security.accounts.UserForms.ResetPasswordForm;
import dev.tlsconsole.web.FormErrors;
import dev.tlsconsole.SortableBy;

/** User administration screens (ADMIN). */
@Controller
@RequestMapping("/users")
class UserController {

    static final String LIST_VIEW = "users/list";
    static final String NEW_VIEW = "users/new";
    static final String DETAIL_VIEW = "users/detail";

    private final AccountService accounts;
    private final PasswordPolicy passwordPolicy;

    UserController(AccountService accounts, PasswordPolicy passwordPolicy) {
        this.accounts = accounts;
        this.passwordPolicy = passwordPolicy;
    }

    @InitBinder
    void allowedFields(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @ModelAttribute("allRoles")
    Role[] allRoles() {
        return Role.values();
    }

    @ModelAttribute("passwordMinLength")
    int passwordMinLength() {
        return passwordPolicy.minLength();
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @SortableBy({"username", "createdAt"}) @PageableDefault(size = 25, sort = "username") Pageable pageable,
            Model model) {
        Page<AccountView> page = accounts.search(q, pageable);
        model.addAttribute("page", page);
        model.addAttribute("q", q);
        return LIST_VIEW;
    }

    @GetMapping("/new")
    String newUser(Model model) {
        model.addAttribute("form", new NewUserForm());
        return NEW_VIEW;
    }

    @PostMapping
    String create(@ModelAttribute("form") NewUserForm form, BindingResult binding, RedirectAttributes redirect) {
        try {
            AccountView created = accounts.create(new NewAccount(form.getUsername(), form.getPassword(), form.getRoles()));
            redirect.addFlashAttribute("success", "users.created.flash");
            redirect.addFlashAttribute("successArg", created.username());
            return "redirect:/users/" + created.id();
        } catch (InvalidInputException e) {
            FormErrors.apply(e, binding);
            form.setPassword(null);
            return NEW_VIEW;
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        AccountView user = accounts.get(id);
        model.addAttribute("user", user);
        model.addAttribute("form", EditUserForm.of(user));
        model.addAttribute("passwordForm", new ResetPasswordForm());
        return DETAIL_VIEW;
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") EditUserForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        try {
            AccountView updated = accounts.update(id, new AccountChange(form.getRoles(), form.isEnabled(), form.getVersion()));
            redirect.addFlashAttribute("success", "users.updated");
            redirect.addFlashAttribute("successArg", updated.username());
            return "redirect:/users/" + id;
        } catch (InvalidInputException e) {
            FormErrors.apply(e, binding);
        } catch (ConflictException e) {
            Object current = e.details().get("current");
            if (current instanceof AccountView currentView) {
                // keep what the user typed, show what changed meanwhile, and base a second save on the current version
                model.addAttribute("conflict", currentView);
                form.setVersion(currentView.version());
            } else {
                binding.reject("conflict", e.getMessage());
            }
        }
        model.addAttribute("user", accounts.get(id));
        model.addAttribute("passwordForm", new ResetPasswordForm());
        return DETAIL_VIEW;
    }

    @PostMapping("/{id}/password")
    String resetPassword(@PathVariable long id, @ModelAttribute("passwordForm") ResetPasswordForm passwordForm,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        try {
            accounts.resetPassword(id, passwordForm.getPassword());
            redirect.addFlashAttribute("success", "users.passwordReset");
            return "redirect:/users/" + id;
        } catch (InvalidInputException e) {
            FormErrors.apply(e, binding);
            passwordForm.setPassword(null);
            AccountView user = accounts.get(id);
            model.addAttribute("user", user);
            model.addAttribute("form", EditUserForm.of(user));
            return DETAIL_VIEW;
        }
    }

    @PostMapping("/{id}/unlock")
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        AccountView user = accounts.unlock(id);
        redirect.addFlashAttribute("success", "users.unlocked");
        redirect.addFlashAttribute("successArg", user.username());
        return "redirect:/users/" + id;
    }
}
