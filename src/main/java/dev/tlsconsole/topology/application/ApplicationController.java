package dev.tlsconsole.topology.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.InvalidInputException.FieldProblem;
import dev.tlsconsole.topology.SortAliases;
import dev.tlsconsole.topology.application.ApplicationCommands.ApplicationChange;
import dev.tlsconsole.topology.application.ApplicationCommands.ApplicationView;
import dev.tlsconsole.topology.application.ApplicationCommands.NewApplication;
import dev.tlsconsole.topology.application.ApplicationCommands.PortSpec;
import dev.tlsconsole.topology.web.ConflictRows;
import dev.tlsconsole.topology.web.DeleteRefusal;
import dev.tlsconsole.web.FormErrors;
import dev.tlsconsole.web.FormSubmission;
import dev.tlsconsole.web.ObjectLinks;
import dev.tlsconsole.SortableBy;

/** The application screens: list, detail with its neighbourhood, form with ports, delete. */
@Controller
@RequestMapping("/applications")
class ApplicationController {

    static final String LIST_VIEW = "topology/applications/list";
    private static final Pattern PORT_FIELD = Pattern.compile("ports\\[(\\d+)](.*)");
    private static final Map<String, String> LABELS = ConflictRows.fields("name", "topology.application.name",
            "componentType", "topology.application.type", "componentVersion", "topology.application.version",
            "host", "topology.application.host", "backup", "topology.application.backup", "ports", "topology.ports");

    private final ApplicationService applications;
    private final ApplicationReads applicationReads;
    private final ApplicationPages pages;

    ApplicationController(ApplicationService applications, ApplicationReads applicationReads, ApplicationPages pages) {
        this.applications = applications;
        this.applicationReads = applicationReads;
        this.pages = pages;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @SortableBy({"name", "componentType", "componentVersion", "host", "host.name", "backup", "backup.name", "id"}) @PageableDefault(size = 25, sort = "name") Pageable pageable,
            Model model) {
        model.addAttribute("page", applicationReads.search(q, SortAliases.apply(pageable, ApplicationApiController.SORT_ALIASES)));
        model.addAttribute("q", q);
        return LIST_VIEW;
    }

    @GetMapping("/new")
    String newApplication(@RequestParam(required = false) String host, Model model) {
        ApplicationForm form = new ApplicationForm();
        form.setHost(host);
        form.getPorts().add(new ApplicationForm.PortRow());
        model.addAttribute("form", form);
        return pages.form(model, null);
    }

    /** The form's "add port" button: one more empty port row, nothing saved. */
    @PostMapping(params = "op=addPort")
    String addPortToNew(@ModelAttribute("form") ApplicationForm form, BindingResult binding, Model model) {
        form.getPorts().add(new ApplicationForm.PortRow());
        return pages.form(model, null);
    }

    @PostMapping
    String create(@ModelAttribute("form") ApplicationForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        List<Integer> rows = new ArrayList<>();
        List<PortSpec> ports = form.portSpecs(rows, binding);
        if (binding.hasErrors()) {
            return pages.form(model, null);
        }
        return submission(binding, rows).submit(() -> {
            ApplicationView created = applications.create(new NewApplication(form.getName(), form.getComponentType(),
                    form.getComponentVersion(), form.getHost(), form.getBackup(), Map.of(), ports));
            redirect.addFlashAttribute("success", "topology.application.created");
            redirect.addFlashAttribute("successArg", created.name());
            return ObjectLinks.redirect(ObjectLinks.application(created.id()));
        }, () -> pages.form(model, null));
    }

    /** The application page: ports, connections both ways, backup relations, catalog notes, options. */
    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        return pages.detail(applicationReads.get(id), model);
    }

    /** The form with the stored application and its ports, based on its current version. */
    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        ApplicationView application = applicationReads.get(id);
        model.addAttribute("form", ApplicationForm.of(application));
        return pages.form(model, application);
    }

    /** The form's "add port" button on an existing application. */
    @PostMapping(value = "/{id}", params = "op=addPort")
    String addPort(@PathVariable long id, @ModelAttribute("form") ApplicationForm form, BindingResult binding,
            Model model) {
        ApplicationView current = applicationReads.get(id);
        form.getPorts().add(new ApplicationForm.PortRow());
        return pages.form(model, current);
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") ApplicationForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        ApplicationView current = applicationReads.get(id);
        List<Integer> rows = new ArrayList<>();
        List<PortSpec> ports = form.portSpecs(rows, binding);
        if (binding.hasErrors()) {
            return pages.form(model, current);
        }
        return submission(binding, rows).onConflict(e -> {
            if (e.details().containsKey("usedBy")) {
                binding.reject("inUse", e.getMessage());
            } else {
                model.addAttribute("conflict", ConflictRows.ofFields(LABELS, fields(current.name(), current.componentType(),
                        current.componentVersion(), current.host(), current.backup(), describe(current.asChange().ports())),
                        fields(form.getName(), form.getComponentType(), form.getComponentVersion(), form.getHost(),
                                form.getBackup(), describe(ports))));
                form.setVersion(current.version());
            }
        }).submit(() -> {
            ApplicationView updated = applications.update(id, new ApplicationChange(form.getName(), form.getComponentType(),
                    form.getComponentVersion(), form.getHost(), form.getBackup(), current.security(), current.annex(), ports,
                    form.getVersion()));
            redirect.addFlashAttribute("success", "topology.application.updated");
            redirect.addFlashAttribute("successArg", updated.name());
            return ObjectLinks.redirect(ObjectLinks.application(id));
        }, () -> pages.form(model, current));
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, @RequestParam(defaultValue = "false") boolean cascade, Model model,
            RedirectAttributes redirect) {
        ApplicationView application = applicationReads.get(id);
        return FormSubmission.withoutForm().onRefusal(e -> DeleteRefusal.show(model, e, "topology.application.kind",
                application.name(), ObjectLinks.application(id))).submit(() -> {
                    applications.delete(id, cascade);
                    redirect.addFlashAttribute("success", "topology.application.deleted");
                    redirect.addFlashAttribute("successArg", application.name());
                    return "redirect:/applications";
                });
    }

    /** The form's submission: the service's port problems go to the form's row of that port. */
    private static FormSubmission submission(BindingResult binding, List<Integer> rows) {
        return FormSubmission.of(binding).onInvalid(e -> FormErrors.apply(onFormRows(e, rows), binding));
    }

    /** The service numbers ports among the filled-in rows; the form counts every row. */
    private static InvalidInputException onFormRows(InvalidInputException e, List<Integer> rows) {
        return new InvalidInputException(e.problems().stream().map(problem -> {
            Matcher matcher = PORT_FIELD.matcher(problem.field());
            if (matcher.matches() && Integer.parseInt(matcher.group(1)) < rows.size()) {
                return new FieldProblem("ports[" + rows.get(Integer.parseInt(matcher.group(1))) + "]" + matcher.group(2),
                        problem.message());
            }
            return problem;
        }).toList());
    }

    private static String describe(List<PortSpec> ports) {
        return ports.stream().map(p -> p.portId() + ":" + p.number() + " " + p.listeningMode()
                + (p.transport() == null || p.transport().isEmpty() ? "" : " " + p.transport()))
                .collect(Collectors.joining("; "));
    }

    private static Map<String, String> fields(String name, String type, String version, String host, String backup,
            String ports) {
        return ConflictRows.fields("name", name, "componentType", type, "componentVersion", version, "host", host,
                "backup", backup, "ports", ports);
    }
}
