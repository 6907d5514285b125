package dev.tlsconsole.topology.web;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.tlsconsole.policy.option.Level;
import dev.tlsconsole.policy.option.OptionSpelling;
import dev.tlsconsole.policy.option.SecurityOption;
import dev.tlsconsole.topology.OptionChecks;

/**
 * What the options editor fragment ({@code topology/fragments/options :: editor}) shows at one level:
 * where its form posts, whether the level is a transport string (port, connection) with a raw text
 * editor, and the option vocabulary — each option's values, default, levels and help. The same editor
 * serves host, application, port and connection, so a later "Preview" button is added in one place.
 *
 * @param level     where the options are set
 * @param action    the URL the editor's form posts to
 * @param options   every known option, those settable at {@code level} first
 */
public record OptionsEditor(Level level, String action, List<OptionHelp> options) {

    public static OptionsEditor of(Level level, String action) {
        List<OptionHelp> options = Arrays.stream(SecurityOption.values())
                .sorted((a, b) -> Boolean.compare(b.settableAt(level), a.settableAt(level)))
                .map(o -> new OptionHelp(o.key(), o.validValues(), o.defaultValue(),
                        o.levels().stream().sorted().toList(), o.help(), o.settableAt(level)))
                .toList();
        return new OptionsEditor(level, action, options);
    }

    /** True for ports and connections, whose options are a transport string with a raw text editor. */
    public boolean transport() {
        return level == Level.PORT || level == Level.CONNECTION;
    }

    /**
     * The remark for an option name shown in a row: null for known options and blank rows. In a
     * section every unknown name is remarked; in a transport only those that look like misspelt TLS
     * options (transports legitimately carry {@code port}, {@code backup-port}…).
     */
    public String warning(String key) {
        if (key == null || key.isBlank() || SecurityOption.fromKey(key.strip()).isPresent()) {
            return null;
        }
        if (transport() && !OptionSpelling.looksLikeTlsOption(key.strip())) {
            return null;
        }
        return OptionChecks.unknownMessage(key.strip());
    }

    /** The help of a known option name, or null. */
    public OptionHelp help(String key) {
        return key == null ? null : options.stream().filter(o -> o.key().equals(key.strip())).findFirst().orElse(null);
    }

    /** The known options that may be set at this level (the key picker). */
    public List<OptionHelp> settable() {
        return options.stream().filter(OptionHelp::settable).toList();
    }

    /** A known option as the editor explains it; {@code values} is empty for free text. */
    public record OptionHelp(String key, List<String> values, String defaultValue, List<Level> levels, String help,
            boolean settable) {

        /** {@code "(none)"} is shown for an empty default by the template; this says whether there is one. */
        public Optional<String> shownDefault() {
            return defaultValue.isEmpty() ? Optional.empty() : Optional.of(defaultValue);
        }
    }
}
