package dev.tlsconsole.api;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * User-facing sentences for errors the framework raises: where in the JSON the problem is and what
 * was expected — without class names, stack frames or parser internals.
 */
final class ErrorDescriptions {

    private ErrorDescriptions() {
    }

    static String unreadableBody(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + path(unknown) + "'" + knownFields(unknown);
        }
        if (cause instanceof InvalidFormatException format) {
            return "Field '" + path(format) + "': '" + format.getValue() + "' is not " + expected(format.getTargetType());
        }
        if (cause instanceof ValueInstantiationException instantiation) {
            Throwable reason = instantiation.getCause();
            String message = reason != null && reason.getMessage() != null ? reason.getMessage() : "invalid value";
            String at = path(instantiation);
            return at.isEmpty() ? message : "Field '" + at + "': " + message;
        }
        if (cause instanceof MismatchedInputException mismatch) {
            String at = path(mismatch);
            String expected = mismatch.getTargetType() == null ? "another kind of value" : expected(mismatch.getTargetType());
            return at.isEmpty() ? "The request body is not the expected JSON object"
                    : "Field '" + at + "': expected " + expected;
        }
        if (cause instanceof StreamReadException syntax) {
            TokenStreamLocation location = syntax.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            return "The request body is not valid JSON" + where;
        }
        if (cause instanceof JacksonException other && !path(other).isEmpty()) {
            return "Field '" + path(other) + "' could not be read";
        }
        return "The request body is missing or is not valid JSON";
    }

    /**
     * The field of the body that could not be read ({@code roles[0]}, {@code hosts[0].name}), or empty when the
     * body as a whole is at fault (not JSON, not an object): a field is reported in {@code errors} like any
     * other invalid input.
     */
    static String unreadableField(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof StreamReadException) {
            return ""; // not JSON (or cut short): the body as a whole, even when the parser was inside a field
        }
        return e.getCause() instanceof JacksonException jackson ? path(jackson) : "";
    }

    static String framework(ErrorResponse error) {
        if (error instanceof HttpRequestMethodNotSupportedException method) {
            String allowed = method.getSupportedMethods() == null ? "" : "; use " + String.join(", ", method.getSupportedMethods());
            return "Method " + method.getMethod() + " is not supported here" + allowed;
        }
        if (error instanceof HttpMediaTypeNotSupportedException media) {
            return "Content type '" + media.getContentType() + "' is not supported; send application/json";
        }
        if (error instanceof NoResourceFoundException missing) {
            return "There is no API resource at /" + missing.getResourcePath();
        }
        String detail = error.getBody().getDetail();
        return detail == null ? "The request could not be processed" : detail;
    }

    private static String path(JacksonException e) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                out.append('[').append(reference.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String knownFields(UnrecognizedPropertyException e) {
        if (e.getKnownPropertyIds() == null || e.getKnownPropertyIds().isEmpty()) {
            return "";
        }
        List<String> known = e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
        return "; known fields: " + String.join(", ", known);
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == java.time.Instant.class) {
            return "an ISO-8601 instant such as 2026-01-01T00:00:00Z";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type == String.class) {
            return "a string";
        }
        return "a " + type.getSimpleName();
    }
}
