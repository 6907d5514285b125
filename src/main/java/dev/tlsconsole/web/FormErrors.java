package dev.tlsconsole.web;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.validation.BindingResult;

import dev.tlsconsole.InvalidInputException;

/** Puts a service's validation problems next to the form fields they are about. */
public final class FormErrors {

    private FormErrors() {
    }

    /**
     * Adds each problem to its field when the form has such a field, otherwise as a form-wide error,
     * so no message is ever lost.
     */
    public static void apply(InvalidInputException e, BindingResult binding) {
        BeanWrapperImpl form = new BeanWrapperImpl(binding.getTarget());
        for (InvalidInputException.FieldProblem problem : e.problems()) {
            if (form.isReadableProperty(problem.field())) {
                binding.rejectValue(problem.field(), "invalid", problem.message());
            } else {
                binding.reject("invalid", problem.field() + ": " + problem.message());
            }
        }
    }
}
