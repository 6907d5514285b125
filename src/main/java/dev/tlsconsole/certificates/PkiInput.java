package dev.tlsconsole.certificates;

import java.util.function.Supplier;

import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.certificates.x509.PkiInputException;

/**
 * Turns the PKI core's refusals ({@link PkiInputException}, whose messages are written for the user)
 * into the console's {@link InvalidInputException}, naming the field the bad input came from.
 */
public final class PkiInput {

    private PkiInput() {
    }

    /** Runs {@code work}; a refusal becomes a 400 on {@code field}. */
    public static <T> T in(String field, Supplier<T> work) {
        try {
            return work.get();
        } catch (PkiInputException e) {
            throw InvalidInputException.of(field, e.getMessage());
        }
    }

    /**
     * As {@link #in}, but a refusal that is about the password is reported on {@code passwordField}, so
     * the form shows it next to the password box.
     */
    public static <T> T in(String field, String passwordField, Supplier<T> work) {
        try {
            return work.get();
        } catch (PkiInputException e) {
            boolean aboutPassword = e.getMessage().contains("password");
            throw InvalidInputException.of(aboutPassword ? passwordField : field, e.getMessage());
        }
    }
}
