package dev.tlsconsole.web;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class DashboardController {

    static final String VIEW = "dashboard";

    private final List<DashboardContributor> contributors;

    DashboardController(List<DashboardContributor> contributors) {
        this.contributors = contributors.stream().sorted(Comparator.comparingInt(DashboardContributor::order)).toList();
    }

    @GetMapping("/")
    String dashboard(Model model) {
        model.addAttribute("tiles", contributors.stream().flatMap(c -> c.tiles().stream()).toList());
        model.addAttribute("panels", contributors.stream().flatMap(c -> c.panels().stream()).toList());
        return VIEW;
    }
}
