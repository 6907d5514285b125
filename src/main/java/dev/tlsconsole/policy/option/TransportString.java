package dev.tlsconsole.policy.option;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A Genesys transport-parameter string, {@code name=value;name=value}, parsed and kept in the order
 * entered. It carries TLS options ({@code tls}, {@code sec-protocol}, …) and other parameters
 * ({@code port}, {@code address}, {@code backup-port}, {@code sip.transport.0}) alike.
 *
 * <p>Syntax ({@link #parse}): no spaces around {@code ;} or {@code =}; names are non-empty and hold
 * no spaces; values are non-empty, may contain commas and inner spaces (GVP's
 * {@code sip.transport.0=transport0 tls:any:5061}) but neither {@code ;} nor {@code =}; a name appears
 * once; control characters are refused. One trailing {@code ;} is accepted and dropped, because
 * hand-written strings often end with one; {@link #render()} never writes it. Every instance is valid,
 * so {@code parse(x.render()).equals(x)} holds for all of them.
 */
public record TransportString(List<Parameter> parameters) {

    /** The empty transport ({@code ""}). */
    public static final TransportString EMPTY = new TransportString(List.of());

    public TransportString {
        parameters = List.copyOf(parameters);
        Set<String> seen = new HashSet<>();
        for (Parameter parameter : parameters) {
            if (!seen.add(parameter.key())) {
                throw new IllegalArgumentException("parameter '" + parameter.key() + "' appears twice");
            }
        }
    }

    /**
     * Parses {@code text}; throws {@link TransportSyntaxException} naming the 0-based position of the
     * first problem. The empty string is the empty transport.
     */
    public static TransportString parse(String text) {
        return TransportParser.parse(Objects.requireNonNull(text, "text"));
    }

    /** The canonical text: parameters in order, joined by {@code ;}, nothing else. */
    public String render() {
        StringBuilder out = new StringBuilder();
        for (Parameter parameter : parameters) {
            if (!out.isEmpty()) {
                out.append(';');
            }
            out.append(parameter.key()).append('=').append(parameter.value());
        }
        return out.toString();
    }

    public boolean isEmpty() {
        return parameters.isEmpty();
    }

    /** The value of parameter {@code key} (case-sensitive, like Genesys). */
    public Optional<String> get(String key) {
        for (Parameter parameter : parameters) {
            if (parameter.key().equals(key)) {
                return Optional.of(parameter.value());
            }
        }
        return Optional.empty();
    }

    /** A copy with {@code key} set to {@code value}: replaced in place, or appended when new. */
    public TransportString with(String key, String value) {
        Parameter replacement = new Parameter(key, value);
        List<Parameter> copy = new ArrayList<>(parameters);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).key().equals(key)) {
                copy.set(i, replacement);
                return new TransportString(copy);
            }
        }
        copy.add(replacement);
        return new TransportString(copy);
    }

    /** A copy without {@code key}; the same instance when it is absent. */
    public TransportString without(String key) {
        if (get(key).isEmpty()) {
            return this;
        }
        List<Parameter> copy = new ArrayList<>(parameters);
        copy.removeIf(parameter -> parameter.key().equals(key));
        return new TransportString(copy);
    }

    /** The parameters as an ordered, unmodifiable map. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        parameters.forEach(parameter -> map.put(parameter.key(), parameter.value()));
        return Collections.unmodifiableMap(map);
    }

    @Override
    public String toString() {
        return render();
    }

    /** One {@code name=value} pair; refuses anything {@link #parse} would refuse. */
    public record Parameter(String key, String value) {

        public Parameter {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            if (key.isEmpty()) {
                throw new IllegalArgumentException("a transport parameter needs a name");
            }
            for (int i = 0; i < key.length(); i++) {
                char c = key.charAt(i);
                if (c == ';' || c == '=' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                    throw new IllegalArgumentException("transport parameter name '" + key
                            + "' must not contain spaces, control characters, ';' or '='");
                }
            }
            if (value.isEmpty()) {
                throw new IllegalArgumentException("transport parameter '" + key + "' needs a value");
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == ';' || c == '=' || Character.isISOControl(c)) {
                    throw new IllegalArgumentException("the value of transport parameter '" + key
                            + "' must not contain control characters, ';' or '='");
                }
            }
            if (Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1))) {
                throw new IllegalArgumentException("the value of transport parameter '" + key
                        + "' must not start or end with a space");
            }
        }
    }
}
