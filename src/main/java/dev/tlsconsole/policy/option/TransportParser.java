package dev.tlsconsole.policy.option;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One left-to-right pass over a transport string, no regular expressions: the first problem found
 * is reported at the character that causes it. The rules are those of {@link TransportString}.
 */
final class TransportParser {

    private TransportParser() {
    }

    static TransportString parse(String text) {
        int n = text.length();
        if (n == 0) {
            return TransportString.EMPTY;
        }
        List<TransportString.Parameter> parameters = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int i = 0;
        while (true) {
            int keyEnd = scanKey(text, i);
            String key = text.substring(i, keyEnd);
            if (keyEnd == n || text.charAt(keyEnd) == ';') {
                throw new TransportSyntaxException(keyEnd, "missing '=' after '" + key + "'");
            }
            if (!seen.add(key)) {
                throw new TransportSyntaxException(i, "parameter '" + key + "' appears twice");
            }
            int valueEnd = scanValue(text, key, keyEnd + 1);
            parameters.add(new TransportString.Parameter(key, text.substring(keyEnd + 1, valueEnd)));
            if (valueEnd == n || valueEnd + 1 == n) {
                return new TransportString(parameters);
            }
            i = valueEnd + 1;
        }
    }

    /** Returns the index of the '=' (or ';' or end) that closes the name starting at {@code start}. */
    private static int scanKey(String text, int start) {
        char first = text.charAt(start);
        if (first == ';') {
            throw new TransportSyntaxException(start, start == 0 ? "';' before any parameter" : "empty parameter (two ';' in a row)");
        }
        if (first == '=') {
            throw new TransportSyntaxException(start, "missing parameter name before '='");
        }
        if (isSpace(first)) {
            throw new TransportSyntaxException(start, start == 0 ? "space at the start" : "space after ';'");
        }
        int j = start;
        while (j < text.length()) {
            char c = text.charAt(j);
            if (c == '=' || c == ';') {
                return j;
            }
            checkControl(c, j);
            if (isSpace(c)) {
                throw spaceInKey(text, start, j);
            }
            j++;
        }
        return j;
    }

    private static TransportSyntaxException spaceInKey(String text, int start, int j) {
        int k = j;
        while (k < text.length() && isSpace(text.charAt(k))) {
            k++;
        }
        if (k == text.length()) {
            return new TransportSyntaxException(j, "space at the end");
        }
        char next = text.charAt(k);
        if (next == '=' || next == ';') {
            return new TransportSyntaxException(j, "space before '" + next + "'");
        }
        return new TransportSyntaxException(j, "space inside the parameter name '" + text.substring(start, j) + "…'");
    }

    /** Returns the index of the ';' (or end) that closes the value starting at {@code start}. */
    private static int scanValue(String text, String key, int start) {
        int n = text.length();
        if (start == n || text.charAt(start) == ';') {
            throw new TransportSyntaxException(start, "empty value for '" + key + "' (remove the parameter to inherit it)");
        }
        if (isSpace(text.charAt(start))) {
            throw new TransportSyntaxException(start, "space after '='");
        }
        int v = start;
        while (v < n && text.charAt(v) != ';') {
            char c = text.charAt(v);
            if (c == '=') {
                throw new TransportSyntaxException(v, "second '=' in '" + key + "' (is a ';' missing before it?)");
            }
            checkControl(c, v);
            v++;
        }
        if (isSpace(text.charAt(v - 1))) {
            int s = v - 1;
            while (isSpace(text.charAt(s - 1))) {
                s--;
            }
            throw new TransportSyntaxException(s, v == n ? "space at the end" : "space before ';'");
        }
        return v;
    }

    private static void checkControl(char c, int position) {
        if (Character.isISOControl(c)) {
            String name = c == '\t' ? "tab" : c == '\n' || c == '\r' ? "line break" : "control character";
            throw new TransportSyntaxException(position, name + " (U+" + String.format(Locale.ROOT, "%04X", (int) c) + ") not allowed");
        }
    }

    /** Spaces are whitespace that is not a control character (tabs and line breaks are refused as such). */
    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) && !Character.isISOControl(c);
    }
}
