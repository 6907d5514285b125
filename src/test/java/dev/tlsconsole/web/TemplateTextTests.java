package dev.tlsconsole.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Every text a user reads comes from the message bundles: a text node in a template is only allowed
 * inside an element whose content Thymeleaf replaces (th:text, th:utext, th:replace, …) — the
 * natural-template placeholder — or when it is punctuation.
 */
class TemplateTextTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final List<String> REPLACING = List.of("th:text", "th:utext", "th:replace", "th:insert",
            "th:remove", "th:field", "sec:authentication");

    @Test
    void templatesHaveNoHardCodedText() throws IOException {
        List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Document document = Jsoup.parse(Files.readString(file), "", Parser.xmlParser());
                for (Element element : document.getAllElements()) {
                    for (TextNode text : element.textNodes()) {
                        String content = text.text().strip();
                        if (!content.isEmpty() && content.matches(".*\\p{L}.*") && !replaced(element)) {
                            offences.add(TEMPLATES.relativize(file) + ": <" + element.tagName() + "> \"" + content + "\"");
                        }
                    }
                }
            }
        }
        assertThat(offences).as("hard-coded texts: move them to i18n/*.properties").isEmpty();
    }

    /**
     * A grade badge and a policy mode label look and read the same on every screen: only the shared
     * fragments in fragments/badges.html draw them (a filter's option list may name a mode, it draws no label).
     */
    @Test
    void gradesAndModesAreDrawnOnlyByTheSharedFragments() throws IOException {
        Path shared = TEMPLATES.resolve("fragments/badges.html");
        List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html") && !f.equals(shared)).toList()) {
                Document document = Jsoup.parse(Files.readString(file), "", Parser.xmlParser());
                for (Element element : document.getAllElements()) {
                    String where = TEMPLATES.relativize(file) + ": <" + element.tagName() + " " + element.attributes().html().strip() + ">";
                    if ((element.attr("class") + " " + element.attr("th:classappend")).contains("grade-")) {
                        offences.add(where + " colours a grade itself");
                    }
                    String text = element.attr("th:text");
                    if (!element.tagName().equals("option")
                            && (text.contains("policy.mode.") || text.matches(".*\\b(mode|grade)\\(\\).*"))) {
                        offences.add(where + " writes a grade or mode itself");
                    }
                }
            }
        }
        assertThat(offences).as("use ~{fragments/badges :: grade(label)} and ~{fragments/badges :: mode(mode)}").isEmpty();
        assertThat(Files.readString(shared)).contains("th:fragment=\"grade(label)\"").contains("th:fragment=\"mode(mode)\"");
    }

    private static boolean replaced(Element element) {
        for (Element current = element; current != null; current = current.parent()) {
            if (current.tagName().equals("script") || current.tagName().equals("style")) {
                return true;
            }
            if (current.tagName().equals("html")) {
                // a page's <html th:replace="layout(...)"> inserts the page's content: its text is shown
                return false;
            }
            for (String attribute : REPLACING) {
                if (current.hasAttr(attribute)) {
                    return true;
                }
            }
        }
        return false;
    }
}
