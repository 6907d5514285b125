package dev.tlsconsole.topology.web;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;

import dev.tlsconsole.web.CurrentUser;

/**
 * What every topology page needs: whether the user may change the topology (OPERATOR, or ADMIN by the
 * role hierarchy), to show or hide the editing controls. The services refuse others anyway. And what every
 * topology form needs: the object's id comes from the path, never from a posted field.
 */
@ControllerAdvice(basePackages = "dev.tlsconsole.topology")
class TopologyModelAdvice {

    private final CurrentUser currentUser;

    TopologyModelAdvice(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @InitBinder
    void allowedFields(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @ModelAttribute("canEdit")
    boolean canEdit() {
        return currentUser.hasRole("OPERATOR");
    }
}
