package dev.tlsconsole.web;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.validation.BindingResult;

import dev.tlsconsole.ConflictException;
import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.NotFoundException;

/**
 * How every POST handler of a UI form runs the service call it submits to, so that none repeats the
 * try/catch of the others:
 * <ul>
 * <li>success: the action's own view, usually a redirect with a flash message;</li>
 * <li>{@link InvalidInputException}: the problems go next to the fields ({@link FormErrors#apply} unless
 * the form places them itself, {@link #onInvalid}) and the page is shown again with the input kept;</li>
 * <li>{@link ConflictException}: either a panel on the same page ({@link #onConflict}: what is stored now
 * beside what the user typed) or another screen ({@link #onRefusal}: e.g. what a deletion is refused for);
 * without either it propagates like any other error;</li>
 * <li>{@link NotFoundException} of an object the form names ({@link #notFoundAt}): a problem of that field.</li>
 * </ul>
 * The buttons of a form that only change the form (add a row, convert text) are separate handlers,
 * selected by Spring MVC's {@code params = "op=..."} condition, never a switch over the button's value.
 */
public final class FormSubmission {

    private final BindingResult binding;
    private final Consumer<InvalidInputException> invalid;
    private final Consumer<ConflictException> conflict;
    private final Function<ConflictException, String> refusal;
    private final String notFoundField;

    private FormSubmission(BindingResult binding, Consumer<InvalidInputException> invalid,
            Consumer<ConflictException> conflict, Function<ConflictException, String> refusal, String notFoundField) {
        this.binding = binding;
        this.invalid = invalid;
        this.conflict = conflict;
        this.refusal = refusal;
        this.notFoundField = notFoundField;
    }

    /** A form bound to {@code binding}: the service's problems go to its fields. */
    public static FormSubmission of(BindingResult binding) {
        return new FormSubmission(binding, e -> FormErrors.apply(e, binding), null, null, null);
    }

    /** A button without fields (delete): bad input propagates, as there is no form to show it on. */
    public static FormSubmission withoutForm() {
        return new FormSubmission(null, null, null, null, null);
    }

    /** Places the service's problems the form's own way (rows, a text area) instead of by field name. */
    public FormSubmission onInvalid(Consumer<InvalidInputException> placement) {
        return new FormSubmission(binding, placement, conflict, refusal, notFoundField);
    }

    /** A conflict is shown on the same page: {@code panel} fills the model, then the page is shown again. */
    public FormSubmission onConflict(Consumer<ConflictException> panel) {
        return new FormSubmission(binding, invalid, panel, refusal, notFoundField);
    }

    /** A conflict leads to another screen, whose view name {@code screen} returns ({@link #submit(Supplier)}). */
    public FormSubmission onRefusal(Function<ConflictException, String> screen) {
        return new FormSubmission(binding, invalid, conflict, screen, notFoundField);
    }

    /**
     * The form names another object in {@code field} (a target picked from a list): when the service finds no such
     * object, that is a problem of the field, placed like the service's own problems, not a 404 page.
     */
    public FormSubmission notFoundAt(String field) {
        return new FormSubmission(binding, invalid, conflict, refusal, field);
    }

    /** A conflict is shown above the form as one error with the service's message. */
    public FormSubmission conflictAboveForm() {
        if (binding == null) {
            throw new IllegalStateException("a submission without a form has nowhere to show the conflict");
        }
        return onConflict(e -> binding.reject("conflict", e.getMessage()));
    }

    /**
     * Runs {@code action} and returns what it returns (a view, or a download); when the service refuses the
     * input or reports a conflict with a panel, returns {@code page}: the form shown again.
     */
    public <T> T submit(Supplier<? extends T> action, Supplier<? extends T> page) {
        try {
            return action.get();
        } catch (InvalidInputException e) {
            if (invalid == null) {
                throw e;
            }
            invalid.accept(e);
        } catch (NotFoundException e) {
            if (invalid == null || notFoundField == null) {
                throw e;
            }
            invalid.accept(InvalidInputException.of(notFoundField, e.getMessage()));
        } catch (ConflictException e) {
            if (conflict == null) {
                throw e;
            }
            conflict.accept(e);
        }
        return page.get();
    }

    /**
     * Runs a form whose bad input is shown on {@code page} again, with the input kept, and whose conflict leads to the
     * {@link #onRefusal} screen (e.g. the object's page saying why) instead of a panel on the form.
     */
    public String submitOrRefuse(Supplier<String> action, Supplier<String> page) {
        if (refusal == null) {
            throw new IllegalStateException("submitOrRefuse needs the onRefusal screen");
        }
        try {
            return submit(action, page);
        } catch (ConflictException e) {
            return refusal.apply(e);
        }
    }

    /** Runs a button without a page to show again: its view, or on a conflict the {@link #onRefusal} screen. */
    public String submit(Supplier<String> action) {
        try {
            return action.get();
        } catch (ConflictException e) {
            if (refusal == null) {
                throw e;
            }
            return refusal.apply(e);
        }
    }
}
