package dev.tlsconsole.policy.option;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TransportStringTests {

    static List<Arguments> malformed() {
        return List.of(
                Arguments.of("tls =1", 3, "space before '='"),
                Arguments.of("tls= 1", 4, "space after '='"),
                Arguments.of("tls=1 ;tls-mutual=1", 5, "space before ';'"),
                Arguments.of("tls=1; tls-mutual=1", 6, "space after ';'"),
                Arguments.of(" tls=1", 0, "space at the start"),
                Arguments.of("tls=1  ", 5, "space at the end"),
                Arguments.of("tls", 3, "missing '=' after 'tls'"),
                Arguments.of("tls=1;tls-mutual", 16, "missing '=' after 'tls-mutual'"),
                Arguments.of("=1", 0, "missing parameter name before '='"),
                Arguments.of("tls=1;=1", 6, "missing parameter name before '='"),
                Arguments.of("tls=", 4, "empty value for 'tls' (remove the parameter to inherit it)"),
                Arguments.of("tls=;tls-mutual=1", 4, "empty value for 'tls' (remove the parameter to inherit it)"),
                Arguments.of("tls=1;tls=0", 6, "parameter 'tls' appears twice"),
                Arguments.of("tls=1;;tls-mutual=1", 6, "empty parameter (two ';' in a row)"),
                Arguments.of(";tls=1", 0, "';' before any parameter"),
                Arguments.of(";", 0, "';' before any parameter"),
                Arguments.of("tls=1;;", 6, "empty parameter (two ';' in a row)"),
                Arguments.of("tls=1=certificate=/a.pem", 5, "second '=' in 'tls' (is a ';' missing before it?)"),
                Arguments.of("tls-mu tual=1", 6, "space inside the parameter name 'tls-mu…'"),
                Arguments.of("tls=1\n", 5, "line break (U+000A) not allowed"),
                Arguments.of("tls\t=1", 3, "tab (U+0009) not allowed"),
                Arguments.of("certificate=/a.pem ,/b.pem;tls=1 ", 32, "space at the end"),
                Arguments.of("tls=1;certificate=/opt/c.pem ;tls-mutual=1", 28, "space before ';'"),
                Arguments.of("tls=1 ", 5, "space at the end"),
                Arguments.of("tls ", 3, "space at the end"));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> position {1}")
    @MethodSource("malformed")
    void rejectsMalformedStringsAtTheOffendingCharacter(String text, int position, String problem) {
        TransportSyntaxException e = catchThrowableOfType(TransportSyntaxException.class, () -> TransportString.parse(text));

        assertThat(e).as("'%s' must not parse", text).isNotNull();
        assertThat(e.position()).isEqualTo(position);
        assertThat(e.problem()).isEqualTo(problem);
        assertThat(e.getMessage()).isEqualTo("position " + position + ": " + problem);
    }

    @Test
    void keepsKeyOrderCommasInnerSpacesAndNonTlsKeys() {
        TransportString parsed = TransportString.parse(
                "port=3000;certificate=/etc/leaf.pem,/etc/ca.pem;sip.transport.0=transport0 tls:any:5061;backup-port=3001;tls=1");

        assertThat(parsed.parameters()).extracting(TransportString.Parameter::key)
                .containsExactly("port", "certificate", "sip.transport.0", "backup-port", "tls");
        assertThat(parsed.get("certificate")).contains("/etc/leaf.pem,/etc/ca.pem");
        assertThat(parsed.get("sip.transport.0")).contains("transport0 tls:any:5061");
        assertThat(parsed.get("TLS")).isEmpty();
    }

    @Test
    void acceptsOneTrailingSemicolonAndRendersWithoutIt() {
        TransportString parsed = TransportString.parse("tls=1;tls-mutual=1;");

        assertThat(parsed.render()).isEqualTo("tls=1;tls-mutual=1");
        assertThat(TransportString.parse("")).isEqualTo(TransportString.EMPTY);
        assertThat(TransportString.EMPTY.render()).isEmpty();
    }

    @Test
    void withReplacesInPlaceAndAppendsNewKeys_withoutRemoves() {
        TransportString original = TransportString.parse("tls=1;port=3000");

        assertThat(original.with("tls", "0").render()).isEqualTo("tls=0;port=3000");
        assertThat(original.with("tls-mutual", "1").render()).isEqualTo("tls=1;port=3000;tls-mutual=1");
        assertThat(original.without("tls").render()).isEqualTo("port=3000");
        assertThat(original.without("absent")).isSameAs(original);
        assertThat(original.render()).isEqualTo("tls=1;port=3000");
    }

    @Test
    void refusesParametersThatCouldNotBeRendered() {
        assertThatThrownBy(() -> new TransportString.Parameter("tls", "1;tls-mutual=1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransportString.Parameter("tls", " 1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransportString.Parameter("t ls", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransportString.Parameter("", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransportString.Parameter("tls", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransportString(List.of(
                new TransportString.Parameter("tls", "1"), new TransportString.Parameter("tls", "0"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Property: every valid transport renders to text that parses back to an equal transport. */
    @Test
    void roundTripsRandomValidTransports() {
        Random random = new Random(20240611L);
        for (int run = 0; run < 2000; run++) {
            TransportString original = randomTransport(random);

            String rendered = original.render();

            assertThat(TransportString.parse(rendered)).as("round trip of '%s'", rendered).isEqualTo(original);
        }
    }

    /**
     * Property: a random edit of a valid string either parses to a transport that renders canonically,
     * or fails at a position inside the text.
     */
    @Test
    void randomEditsParseCanonicallyOrFailInsideTheText() {
        Random random = new Random(7L);
        String alphabet = "ab=; ,/.\t-1";
        int failures = 0;
        for (int run = 0; run < 2000; run++) {
            StringBuilder text = new StringBuilder(randomTransport(random).render());
            int at = random.nextInt(text.length() + 1);
            text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
            try {
                TransportString parsed = TransportString.parse(text.toString());
                assertThat(TransportString.parse(parsed.render())).isEqualTo(parsed);
            } catch (TransportSyntaxException e) {
                failures++;
                assertThat(e.position()).as("position for '%s'", text).isBetween(0, text.length());
            }
        }
        assertThat(failures).as("the edits must exercise the error paths").isGreaterThan(300);
    }

    private static TransportString randomTransport(Random random) {
        int count = random.nextInt(7);
        Set<String> keys = new LinkedHashSet<>();
        List<TransportString.Parameter> parameters = new ArrayList<>();
        while (parameters.size() < count) {
            String key = random.nextInt(3) == 0 ? pick(random, SecurityOption.values()).key()
                    : randomText(random, "abcdefghijklmnopqrstuvwxyz0123456789-._,é", 1 + random.nextInt(12), false);
            if (keys.add(key)) {
                parameters.add(new TransportString.Parameter(key, randomValue(random)));
            }
        }
        return new TransportString(parameters);
    }

    private static String randomValue(Random random) {
        String value = randomText(random, "abcXYZ0189/.,:-_!~ é", 1 + random.nextInt(20), true);
        return value.strip().isEmpty() ? "v" : value.strip();
    }

    private static String randomText(Random random, String alphabet, int length, boolean spaces) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            char c = alphabet.charAt(random.nextInt(alphabet.length()));
            out.append(!spaces && c == ' ' ? 'x' : c);
        }
        return out.toString();
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
