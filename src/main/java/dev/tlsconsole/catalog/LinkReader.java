package dev.tlsconsole.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import dev.tlsconsole.catalog.YamlNode.Position;
import dev.tlsconsole.catalog.YamlNode.Scalar;
import dev.tlsconsole.policy.Version;

/**
 * Reads the {@code links} and {@code rules} sections.
 *
 * <ul>
 * <li>A <b>link</b> names components on both sides ({@code from}, {@code to}: a name, or a list meaning "each
 *     of these", so "Configuration Server or Configuration Server Proxy" is written once and becomes two links),
 *     with {@code fromMinVersion}, {@code toMinVersion}, {@code between}, {@code portRule} ({@code REQUIRED_NAME}
 *     needs {@code requiredPortName}), {@code writableTarget}, {@code notes}, {@code source}, optional {@code id}.</li>
 * <li>A <b>rule</b> has a wildcard on at least one side — a mapping with {@code label} and any of
 *     {@code components}, {@code groups}, {@code traits}, {@code withoutTraits} (a plain list of names is
 *     shorthand for {@code components}) — plus a required {@code id} and {@code definition}.</li>
 * </ul>
 */
final class LinkReader {

    private static final String[] LINK_KEYS = {"id", "from", "fromMinVersion", "to", "toMinVersion", "between",
        "portRule", "requiredPortName", "writableTarget", "notes", "source"};
    private static final String[] RULE_KEYS = {"id", "from", "to", "between", "definition", "notes", "source"};
    private static final String[] SELECTOR_KEYS = {"label", "components", "groups", "traits", "withoutTraits"};

    /** What makes two links the same statement; "between" links are compared with their sides in a fixed order. */
    private record Signature(String a, @Nullable Version aMin, String b, @Nullable Version bMin, boolean between,
                             PortRule portRule, @Nullable String requiredPortName, boolean writableTarget) {
    }

    private final LoaderContext context;
    private final Map<String, Position> ids = new HashMap<>();
    private final Map<Signature, Position> signatures = new HashMap<>();

    LinkReader(LoaderContext context) {
        this.context = context;
    }

    List<SupportedLink> readLinks(List<YamlNode> nodes) {
        List<SupportedLink> links = new ArrayList<>();
        for (YamlNode node : nodes) {
            Fields raw = Fields.of(node, "a link", LINK_KEYS);
            List<Component> froms = names(raw, "from");
            List<Component> tos = names(raw, "to");
            String what = "link " + froms.get(0).name() + " → " + tos.get(0).name();
            Fields f = raw.as(what);
            Version fromMin = version(f, "fromMinVersion");
            Version toMin = version(f, "toMinVersion");
            PortRule portRule = portRule(f);
            String requiredName = f.optionalText("requiredPortName").map(Scalar::text).orElse(null);
            if ((portRule == PortRule.REQUIRED_NAME) != (requiredName != null)) {
                throw new CatalogException(f.position(), what + ": 'requiredPortName' goes with portRule "
                        + "REQUIRED_NAME, and REQUIRED_NAME needs it");
            }
            var explicitId = f.optionalText("id");
            if (explicitId.isPresent() && froms.size() * tos.size() > 1) {
                throw new CatalogException(explicitId.get().position(), what
                        + ": an explicit 'id' needs a single 'from' and a single 'to'");
            }
            List<Note> notes = context.notes(f.texts("notes"), what);
            for (Component from : froms) {
                for (Component to : tos) {
                    String id = explicitId.map(Scalar::text).orElse(slug(from.name()) + "--" + slug(to.name()));
                    SupportedLink link = new SupportedLink(id, new LinkEnd.Named(from.name(), fromMin),
                            new LinkEnd.Named(to.name(), toMin), f.flag("between"), portRule, requiredName,
                            f.flag("writableTarget"), null, notes, f.text("source").text());
                    register(link, f.position());
                    links.add(link);
                }
            }
        }
        return links;
    }

    List<SupportedLink> readRules(List<YamlNode> nodes) {
        List<SupportedLink> rules = new ArrayList<>();
        for (YamlNode node : nodes) {
            Fields f = Fields.of(node, "a rule", RULE_KEYS);
            f = f.as("rule '" + f.text("id").text() + "'");
            LinkEnd from = end(f, "from");
            LinkEnd to = end(f, "to");
            if (from instanceof LinkEnd.Named && to instanceof LinkEnd.Named) {
                throw new CatalogException(f.position(), f.what() + " names a component on both sides; "
                        + "a pair without a wildcard belongs under 'links'");
            }
            SupportedLink rule = new SupportedLink(f.text("id").text(), from, to, f.flag("between"),
                    PortRule.DEFAULT_OR_ALTERNATE, null, false, f.text("definition").text(),
                    context.notes(f.texts("notes"), f.what()), f.text("source").text());
            register(rule, f.position());
            rules.add(rule);
        }
        return rules;
    }

    private List<Component> names(Fields f, String key) {
        YamlNode node = f.node(key).orElseThrow(() ->
                new CatalogException(f.position(), f.what() + " is missing '" + key + "'"));
        if (node instanceof YamlNode.Mapping) {
            throw new CatalogException(node.position(), "'" + key + "' of " + f.what()
                    + " is a wildcard; wildcards belong under 'rules', with an 'id' and a 'definition'");
        }
        return f.texts(key).stream().map(name -> context.component(name, f.what())).toList();
    }

    private LinkEnd end(Fields rule, String key) {
        YamlNode node = rule.node(key).orElseThrow(() ->
                new CatalogException(rule.position(), rule.what() + " is missing '" + key + "'"));
        if (node instanceof YamlNode.Mapping) {
            Fields f = Fields.of(node, "the '" + key + "' wildcard of " + rule.what(), SELECTOR_KEYS);
            return new LinkEnd.AnyOf(f.text("label").text(),
                    canonical(f.texts("components"), f.what()),
                    new LinkedHashSet<>(f.texts("groups").stream().map(g -> context.group(g, f.what())).toList()),
                    traits(f.texts("traits"), f.what()), traits(f.texts("withoutTraits"), f.what()));
        }
        List<Scalar> names = rule.texts(key);
        if (names.size() == 1) {
            return new LinkEnd.Named(context.component(names.get(0), rule.what()).name(), null);
        }
        Set<String> components = canonical(names, rule.what());
        return new LinkEnd.AnyOf(String.join(" / ", components), components, Set.of(), Set.of(), Set.of());
    }

    private Set<String> canonical(List<Scalar> names, String what) {
        return new LinkedHashSet<>(names.stream().map(n -> context.component(n, what).name()).toList());
    }

    private Set<Trait> traits(List<Scalar> names, String what) {
        return new LinkedHashSet<>(names.stream().map(n -> context.trait(n, what)).toList());
    }

    private static @Nullable Version version(Fields f, String key) {
        return f.optionalText(key).map(text -> {
            try {
                return Version.parse(text.text());
            } catch (IllegalArgumentException e) {
                throw new CatalogException(text.position(), "'" + key + "' of " + f.what() + ": " + e.getMessage());
            }
        }).orElse(null);
    }

    private static PortRule portRule(Fields f) {
        return f.optionalText("portRule").map(text -> Arrays.stream(PortRule.values())
                .filter(rule -> rule.name().equals(text.text())).findFirst()
                .orElseThrow(() -> new CatalogException(text.position(), "'portRule' of " + f.what()
                        + " must be one of " + Arrays.toString(PortRule.values()) + ", not '" + text.text() + "'")))
                .orElse(PortRule.DEFAULT_OR_ALTERNATE);
    }

    private void register(SupportedLink link, Position at) {
        Position previous = ids.putIfAbsent(link.id(), at);
        if (previous != null) {
            throw new CatalogException(at, "link id '" + link.id() + "' is already used at line " + previous.line()
                    + "; give one of them an explicit, different 'id'");
        }
        if (link.wildcard()) {
            return;
        }
        Signature signature = signature(link);
        Position same = signatures.putIfAbsent(signature, at);
        if (same != null) {
            throw new CatalogException(at, "duplicate link " + link.describe() + ": the same link is at line "
                    + same.line());
        }
    }

    private static Signature signature(SupportedLink link) {
        LinkEnd a = link.from();
        LinkEnd b = link.to();
        if (link.between() && a.label().compareTo(b.label()) > 0) {
            a = link.to();
            b = link.from();
        }
        return new Signature(a.label(), a.minVersion(), b.label(), b.minVersion(), link.between(),
                link.portRule(), link.requiredPortName(), link.writableTarget());
    }

    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
