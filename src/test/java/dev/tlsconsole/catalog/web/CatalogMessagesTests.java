package dev.tlsconsole.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import dev.tlsconsole.catalog.NoteKind;
import dev.tlsconsole.catalog.PortRule;
import dev.tlsconsole.catalog.Trait;

/**
 * The screens build message keys from enum names ({@code catalog.noteKind.PRODUCT_SPECIFIC}); a constant added to
 * the catalog without a label would show as {@code ??catalog.noteKind.X??}, so every constant must have one.
 */
class CatalogMessagesTests {

    private static Properties bundle() throws IOException {
        Properties messages = new Properties();
        try (Reader in = new InputStreamReader(
                CatalogMessagesTests.class.getResourceAsStream("/i18n/catalog.properties"), StandardCharsets.UTF_8)) {
            messages.load(in);
        }
        return messages;
    }

    @Test
    void everyNoteKindTraitPortRuleAndCheckFieldHasALabel() throws IOException {
        Properties messages = bundle();

        assertThat(Arrays.stream(NoteKind.values()).map(k -> "catalog.noteKind." + k))
                .allMatch(messages::containsKey);
        assertThat(Arrays.stream(Trait.values()).map(t -> "catalog.trait." + t)).allMatch(messages::containsKey);
        assertThat(Arrays.stream(PortRule.values()).map(r -> "catalog.link.port." + r)).allMatch(messages::containsKey);
        assertThat(java.util.stream.Stream.of("from", "fromVersion", "to", "toVersion")
                .map(f -> "catalog.check.field." + f)).allMatch(messages::containsKey);
    }
}
