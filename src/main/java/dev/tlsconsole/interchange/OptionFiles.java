package dev.tlsconsole.interchange;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.configuration2.INIConfiguration;
import org.apache.commons.configuration2.SubnodeConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.commons.configuration2.tree.DefaultExpressionEngine;
import org.apache.commons.configuration2.tree.DefaultExpressionEngineSymbols;

import dev.tlsconsole.policy.option.SecurityOption;

/**
 * Genesys option files — the INI text Genesys Administrator and GAX import and export for an object's
 * options or annex — read and written with Commons Configuration's {@link INIConfiguration}. Only the
 * {@code [security]} section is the console's: other sections of a file read are left alone and named
 * once per file as a warning; unknown keys in {@code [security]} are kept and flagged.
 *
 * <p>Every file starts with the comment line {@code # <type>: <exact name>} (the file name is the name
 * with unsafe characters replaced, so the comment is what names the object on import). Before the INI
 * library reads a file, a line-by-line scan checks that every line is INI at all (blank, comment,
 * {@code [section]} or {@code name=value}), so that a 400 can name the line; it also remembers on which
 * line each {@code [security]} key stands, for the warnings.
 */
public final class OptionFiles {

    public static final String SECTION = "security";

    private static final Pattern HEADER = Pattern.compile("^\\s*[#;]\\s*([A-Za-z][A-Za-z ]*?)\\s*:\\s*(.+?)\\s*$");
    private static final Pattern SECTION_LINE = Pattern.compile("^\\s*\\[([^\\[\\]]*)]\\s*([#;].*)?$");
    private static final Pattern OPTION_LINE = Pattern.compile("^\\s*([^=\\s\\[\\]#;][^=]*?)\\s*=(.*)$");

    private OptionFiles() {
    }

    /** The levels an option file can hold, with the type word of its header comment and its file suffix. */
    public enum Kind {
        HOST_ANNEX("Host annex", ".annex.cfg"),
        APPLICATION_OPTIONS("Application options", ".options.cfg"),
        APPLICATION_ANNEX("Application annex", ".annex.cfg");

        private final String header;
        private final String suffix;

        Kind(String header, String suffix) {
            this.header = header;
            this.suffix = suffix;
        }

        public String header() {
            return header;
        }

        public String suffix() {
            return suffix;
        }
    }

    /** An option file read: whose it is, its {@code [security]} section and the warnings about it. */
    public record OptionFile(Kind kind, String name, SortedMap<String, String> security, List<Warning> warnings) {
    }

    /** A warning about one file, at a line (0 = the file as a whole). */
    public record Warning(String file, int line, String message) {
    }

    /** A file that is not INI (or has no usable header): the 400 names the file and the line. */
    public static final class UnreadableFile extends RuntimeException {

        private final String file;
        private final int line;

        public UnreadableFile(String file, int line, String message) {
            super(file + (line > 0 ? " line " + line : "") + ": " + message);
            this.file = file;
            this.line = line;
        }

        public String file() {
            return file;
        }

        public int line() {
            return line;
        }
    }

    /** The file name of an object's option file: characters outside {@code [A-Za-z0-9._-]} become {@code _}. */
    public static String fileName(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** The text of an option file: the header comment, then {@code [security]} with the options sorted by key. */
    public static String write(Kind kind, String name, Map<String, String> security) {
        INIConfiguration ini = newConfiguration();
        SubnodeConfiguration section = ini.getSection(SECTION);
        new TreeMap<>(security).forEach(section::addProperty);
        StringWriter text = new StringWriter();
        text.write("# " + kind.header() + ": " + name + "\n");
        try {
            ini.write(text);
        } catch (ConfigurationException | IOException e) {
            throw new IllegalStateException("an in-memory INI configuration could not be written", e);
        }
        if (!text.toString().contains("[" + SECTION + "]")) {
            // should the library leave an empty section out, the file still names its section
            text.write("[" + SECTION + "]\n");
        }
        return text.toString().replace("\r\n", "\n");
    }

    /**
     * Reads an option file. {@code expected} is the kind its place in an archive gives (null for a
     * single file: the header decides). Throws {@link UnreadableFile} for a line that is not INI, a
     * missing or foreign header, or a key twice in {@code [security]}.
     */
    public static OptionFile read(String file, String text, Kind expected) {
        List<String> lines = text.lines().toList();
        Kind kind = null;
        String name = null;
        int first = firstContentLine(lines);
        if (first >= 0) {
            Matcher header = HEADER.matcher(lines.get(first));
            if (header.matches()) {
                kind = kind(header.group(1), expected);
                name = header.group(2);
            }
        }
        if (kind == null || name == null || name.isBlank()) {
            throw new UnreadableFile(file, first + 1, "the file must start with a comment line '# <type>: <exact name>', "
                    + "the type one of 'Host annex', 'Application options', 'Application annex'");
        }
        Scan scan = scan(file, lines);
        INIConfiguration ini = newConfiguration();
        try {
            ini.read(new StringReader(text));
        } catch (ConfigurationException | IOException e) {
            throw new UnreadableFile(file, 0, "not an INI file: " + e.getMessage());
        }
        SortedMap<String, String> security = new TreeMap<>();
        List<Warning> warnings = new ArrayList<>();
        if (!scan.otherSections().isEmpty()) {
            warnings.add(new Warning(file, 0, "sections other than [security] are left alone: "
                    + String.join(", ", scan.otherSections().stream().map(s -> "[" + s + "]").toList())));
        }
        if (scan.securityLine() == 0) {
            warnings.add(new Warning(file, 0, "no [security] section: the level is imported as empty"));
        } else {
            SubnodeConfiguration section = ini.getSection(SECTION);
            Iterator<String> keys = section.getKeys();
            while (keys.hasNext()) {
                String key = keys.next();
                security.put(key, section.getString(key, ""));
            }
            for (String key : security.keySet()) {
                if (SecurityOption.fromKey(key).isEmpty()) {
                    warnings.add(new Warning(file, scan.keyLines().getOrDefault(key, 0),
                            "'" + key + "' is not an option the console knows: kept as it is, not used for the policy"));
                }
            }
        }
        return new OptionFile(kind, name, security, List.copyOf(warnings));
    }

    /** The header's type word as a kind; a plain "Host" or "Application" takes the level the archive place gives. */
    private static Kind kind(String type, Kind expected) {
        String word = type.strip().toLowerCase(Locale.ROOT);
        for (Kind kind : Kind.values()) {
            if (kind.header().toLowerCase(Locale.ROOT).equals(word)) {
                return kind;
            }
        }
        if (word.equals("host")) {
            return Kind.HOST_ANNEX;
        }
        if (word.equals("application")) {
            return expected == Kind.APPLICATION_ANNEX ? Kind.APPLICATION_ANNEX : Kind.APPLICATION_OPTIONS;
        }
        return null;
    }

    private static int firstContentLine(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private record Scan(Set<String> otherSections, int securityLine, Map<String, Integer> keyLines) {
    }

    /** Validation, not parsing: every line must be INI, and a {@code [security]} key may stand only once. */
    private static Scan scan(String file, List<String> lines) {
        Set<String> others = new LinkedHashSet<>();
        Map<String, Integer> keyLines = new HashMap<>();
        String section = null;
        int securityLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            int number = i + 1;
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";")) {
                continue;
            }
            Matcher sectionLine = SECTION_LINE.matcher(line);
            if (sectionLine.matches()) {
                section = sectionLine.group(1).strip();
                if (section.isEmpty()) {
                    throw new UnreadableFile(file, number, "a section needs a name: '[security]'");
                }
                if (section.equals(SECTION)) {
                    if (securityLine > 0) {
                        throw new UnreadableFile(file, number, "[security] appears twice (first on line " + securityLine + ")");
                    }
                    securityLine = number;
                } else {
                    others.add(section);
                }
                continue;
            }
            Matcher option = OPTION_LINE.matcher(line);
            if (!option.matches()) {
                throw new UnreadableFile(file, number, "not an INI line: expected '[section]', 'name=value' or a comment");
            }
            String key = option.group(1);
            if (section == null) {
                others.add("(before any section)");
            } else if (section.equals(SECTION)) {
                Integer earlier = keyLines.putIfAbsent(key, number);
                if (earlier != null) {
                    throw new UnreadableFile(file, number, "'" + key + "' appears twice in [security] (first on line " + earlier + ")");
                }
            }
        }
        return new Scan(others, securityLine, keyLines);
    }

    /**
     * An INI configuration whose keys are taken literally: Genesys option names contain no dots, but an
     * unknown key might, and the default expression engine would read a dot as a nesting level.
     */
    private static INIConfiguration newConfiguration() {
        INIConfiguration ini = new INIConfiguration();
        ini.setSeparatorUsedInOutput("=");
        ini.setExpressionEngine(new DefaultExpressionEngine(new DefaultExpressionEngineSymbols.Builder(
                DefaultExpressionEngineSymbols.DEFAULT_SYMBOLS).setPropertyDelimiter("\u0000").create()));
        return ini;
    }
}
