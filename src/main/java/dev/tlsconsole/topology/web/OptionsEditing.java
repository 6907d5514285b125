package dev.tlsconsole.topology.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.policy.option.TransportString;
import dev.tlsconsole.policy.option.TransportSyntaxException;
import dev.tlsconsole.topology.web.OptionsForm.OptionRow;
import dev.tlsconsole.web.FormSubmission;
import dev.tlsconsole.web.ObjectLinks;

/**
 * Turns the options editor's rows into what the services take (a section map, a transport string)
 * and back, and puts the services' problems next to the row or text they are about. Shared by the
 * four levels so they behave alike.
 */
public final class OptionsEditing {

    private OptionsEditing() {
    }

    /** The editor's "add option" button: one more empty row. */
    public static void addRow(OptionsForm form) {
        form.getRows().add(new OptionRow());
    }

    /** How an editor's save runs: the service's problems go to the rows or the text ({@link #reject}). */
    public static FormSubmission submission(OptionsForm form, BindingResult binding) {
        return FormSubmission.of(binding).onInvalid(e -> reject(e, form, binding));
    }

    /**
     * The save button of a section editor: the rows as a section, saved by {@code save} (which returns the
     * view after success); a wrong row, refused option or stale version shows {@code page} again, a stale
     * version with what is stored now ({@code current}, version {@code currentVersion}) beside the rows.
     */
    public static String saveSection(OptionsForm form, BindingResult binding, Model model, Map<String, String> current,
            long currentVersion, Function<Map<String, String>, String> save, Supplier<String> page) {
        Map<String, String> section = section(form, binding);
        if (section == null) {
            return page.get();
        }
        return submission(form, binding).onConflict(e -> {
            model.addAttribute("optionsConflict", ConflictRows.ofOptions(current, section));
            form.setVersion(currentVersion);
        }).submit(() -> save.apply(section), page);
    }

    /**
     * A save button of a transport editor: {@code transport} (null when the rows were wrong) saved by
     * {@code save}; otherwise like {@link #saveSection}, the conflict panel comparing the transports' options.
     */
    public static String saveTransport(String transport, OptionsForm form, BindingResult binding, Model model,
            String current, long currentVersion, Function<String, String> save, Supplier<String> page) {
        if (transport == null) {
            return page.get();
        }
        return submission(form, binding).onConflict(e -> {
            model.addAttribute("optionsConflict", ConflictRows.ofOptions(asOptions(current), asOptions(transport)));
            form.setVersion(currentVersion);
        }).submit(() -> save.apply(transport), page);
    }

    /** After a save: the "options saved" flash naming {@code name}, and the redirect to {@code path}. */
    public static String saved(RedirectAttributes redirect, String name, String path) {
        redirect.addFlashAttribute("success", "topology.options.saved");
        redirect.addFlashAttribute("successArg", name);
        return ObjectLinks.redirect(path);
    }

    /** The rows as a {@code [security]} section; null (with row errors) when two rows name the same option. */
    public static Map<String, String> section(OptionsForm form, BindingResult binding) {
        Map<String, String> section = new LinkedHashMap<>();
        List<OptionRow> rows = form.getRows();
        for (int i = 0; i < rows.size(); i++) {
            OptionRow row = rows.get(i);
            if (row.isRemove() || row.isBlank()) {
                continue;
            }
            String key = row.getKey().strip();
            if (key.isEmpty()) {
                binding.rejectValue("rows[" + i + "].key", "required", "enter the option name, or clear the value");
            } else if (section.putIfAbsent(key, row.getValue().strip()) != null) {
                binding.rejectValue("rows[" + i + "].key", "duplicate", key + " is set twice: keep one row");
            }
        }
        return binding.hasErrors() ? null : section;
    }

    /** The rows as canonical transport text; null (with row errors) when a row cannot be a transport parameter. */
    public static String transport(OptionsForm form, BindingResult binding) {
        Map<String, String> section = section(form, binding);
        if (section == null) {
            return null;
        }
        List<TransportString.Parameter> parameters = new ArrayList<>();
        List<OptionRow> rows = form.getRows();
        for (int i = 0; i < rows.size(); i++) {
            OptionRow row = rows.get(i);
            if (row.isRemove() || row.isBlank()) {
                continue;
            }
            try {
                parameters.add(new TransportString.Parameter(row.getKey().strip(), row.getValue().strip()));
            } catch (IllegalArgumentException e) {
                binding.rejectValue("rows[" + i + "].value", "invalid", e.getMessage());
            }
        }
        return binding.hasErrors() ? null : new TransportString(parameters).render();
    }

    /**
     * "Text → fields": replaces the rows with the parameters of the raw text. When the text does not
     * parse, the rows stay and the text gets an error naming the position.
     */
    public static void textToRows(OptionsForm form, BindingResult binding) {
        try {
            TransportString parsed = TransportString.parse(form.getTransport());
            List<OptionRow> rows = new ArrayList<>();
            parsed.parameters().forEach(p -> rows.add(new OptionRow(p.key(), p.value())));
            rows.add(new OptionRow());
            form.setRows(rows);
            form.setTransport(parsed.render());
        } catch (TransportSyntaxException e) {
            binding.rejectValue("transport", "syntax", e.getMessage());
        }
    }

    /** "Fields → text": renders the rows into the raw text (errors on the rows when they cannot be rendered). */
    public static void rowsToText(OptionsForm form, BindingResult binding) {
        String text = transport(form, binding);
        if (text != null) {
            form.setTransport(text);
            form.getRows().removeIf(row -> row.isRemove() || row.isBlank());
            form.getRows().add(new OptionRow());
        }
    }

    /** A transport as option rows for the conflict panel; text that does not parse is shown whole. */
    public static Map<String, String> asOptions(String transport) {
        try {
            return TransportString.parse(transport).asMap();
        } catch (TransportSyntaxException e) {
            return Map.of("transport", transport);
        }
    }

    /**
     * Puts a service's problems where the user sees them: {@code security.<key>} on that option's row,
     * transport problems on the text, anything else above the form.
     */
    public static void reject(InvalidInputException e, OptionsForm form, BindingResult binding) {
        for (InvalidInputException.FieldProblem problem : e.problems()) {
            String field = problem.field();
            int row = field.startsWith("security.") ? rowOf(form, field.substring("security.".length())) : -1;
            if (row >= 0) {
                binding.rejectValue("rows[" + row + "].value", "invalid", problem.message());
            } else if (field.endsWith("transport")) {
                binding.rejectValue("transport", "invalid", problem.message());
            } else {
                binding.reject("invalid", problem.message());
            }
        }
    }

    private static int rowOf(OptionsForm form, String key) {
        List<OptionRow> rows = form.getRows();
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).isRemove() && rows.get(i).getKey().strip().equals(key)) {
                return i;
            }
        }
        return -1;
    }
}
