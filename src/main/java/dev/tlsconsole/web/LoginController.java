package dev.tlsconsole.web;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    static final String VIEW = "login";

    /** The sign-in form; someone already signed in goes to the dashboard. */
    @GetMapping("/login")
    String login(Principal principal) {
        return principal == null ? VIEW : "redirect:/";
    }
}
