package dev.tlsconsole.policy.snapshot;

import dev.tlsconsole.policy.option.Level;
import dev.tlsconsole.policy.option.OptionSpelling;
import dev.tlsconsole.policy.option.SecurityOption;
import dev.tlsconsole.policy.option.TransportString;
import dev.tlsconsole.policy.option.TransportSyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A port or connection transport string parsed once when the snapshot is built, with what the engine
 * asks of it on every resolution already sorted out.
 *
 * @param raw        the text as stored
 * @param parameters the parsed parameters; empty when the text does not parse
 * @param error      why the text does not parse, if it does not
 * @param options    the TLS options it sets that Genesys reads at this level, in entry order
 * @param misplaced  TLS options it sets that Genesys does not read at this level
 * @param misspelt   unknown keys that look like misspelt TLS options (other unknown keys such as
 *                   {@code port} or {@code address} are legitimate transport parameters)
 */
public record ParsedTransport(String raw, Level level, TransportString parameters,
                              Optional<TransportSyntaxException> error, Map<String, String> options,
                              List<SecurityOption> misplaced, List<String> misspelt) {

    private static final ParsedTransport EMPTY_PORT = empty(Level.PORT);
    private static final ParsedTransport EMPTY_CONNECTION = empty(Level.CONNECTION);

    public ParsedTransport {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(error, "error");
        requireTransportLevel(level);
        options = options.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(options));
        misplaced = List.copyOf(misplaced);
        misspelt = List.copyOf(misspelt);
    }

    /** Parses {@code raw} as the transport of a port ({@link Level#PORT}) or a connection. */
    public static ParsedTransport of(String raw, Level level) {
        requireTransportLevel(level);
        if (raw.isEmpty()) {
            return level == Level.CONNECTION ? EMPTY_CONNECTION : EMPTY_PORT;
        }
        TransportString parameters;
        try {
            parameters = TransportString.parse(raw);
        } catch (TransportSyntaxException e) {
            return new ParsedTransport(raw, level, TransportString.EMPTY, Optional.of(e), Map.of(), List.of(), List.of());
        }
        return of(raw, level, parameters);
    }

    private static void requireTransportLevel(Level level) {
        if (level != Level.PORT && level != Level.CONNECTION) {
            throw new IllegalArgumentException("only ports and connections have transport strings, not " + level);
        }
    }

    private static ParsedTransport empty(Level level) {
        return new ParsedTransport("", level, TransportString.EMPTY, Optional.empty(), Map.of(), List.of(), List.of());
    }

    /** Classifies already parsed {@code parameters} (used when a staged change edits a transport). */
    public static ParsedTransport of(TransportString parameters, Level level) {
        return of(parameters.render(), level, parameters);
    }

    private static ParsedTransport of(String raw, Level level, TransportString parameters) {
        Map<String, String> options = new LinkedHashMap<>();
        List<SecurityOption> misplaced = new ArrayList<>();
        List<String> misspelt = new ArrayList<>();
        for (TransportString.Parameter parameter : parameters.parameters()) {
            Optional<SecurityOption> option = SecurityOption.fromKey(parameter.key());
            if (option.isPresent() && option.get().settableAt(level)) {
                options.put(parameter.key(), parameter.value());
            } else if (option.isPresent()) {
                misplaced.add(option.get());
            } else if (OptionSpelling.looksLikeTlsOption(parameter.key())) {
                misspelt.add(parameter.key());
            }
        }
        return new ParsedTransport(raw, level, parameters, Optional.empty(), options, misplaced, misspelt);
    }

    /** True when the transport sets no TLS option other than, possibly, {@code tls} itself. */
    public boolean setsAtMostTls() {
        return options.isEmpty() || (options.size() == 1 && options.containsKey(SecurityOption.TLS.key()));
    }
}
