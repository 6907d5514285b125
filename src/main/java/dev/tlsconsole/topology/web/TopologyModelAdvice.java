package dev.tlsconsole.topology.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dev.tlsconsole.web.CurrentUser;

/**
 * What every topology page needs: whether the user may change the topology (OPERATOR, or ADMIN by the
 * role hierarchy), to show or hide the editing controls. The services refuse others anyway.
 */
@ControllerAdvice(basePackages = "dev.tlsconsole.topology")
class TopologyModelAdvice {

    private final CurrentUser currentUser;

    TopologyModelAdvice(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @ModelAttribute("canEdit")
    boolean canEdit() {
        return currentUser.hasRole("OPERATOR");
    }
}
