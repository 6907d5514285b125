package dev.tlsconsole.api;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.util.ClassUtils;

import io.swagger.v3.core.jackson.TypeNameResolver;

/**
 * Schema names of the OpenAPI document: a class's simple name, unless another class of the console has
 * the same simple name — then both get a prefix from their enclosing class (or package), e.g.
 * {@code EffectivePolicyChange} and {@code AssignmentChange}. Decided from the whole code base, not from
 * the order in which the document meets the classes, so one name never silently overwrites another
 * and a name never depends on which endpoint was documented first.
 */
final class ApiSchemaNames extends TypeNameResolver {

    /** Simple names so generic that they are always prefixed, even when unique today. */
    private static final Set<String> ALWAYS_PREFIXED = Set.of("Problem", "Target", "Change", "Summary", "Preview",
            "Request", "Response", "Entry", "Row", "Item", "Result", "Body", "Policy", "State", "Client", "Server",
            "Option", "Ref", "Note", "File");
    private static final String[] STRIPPED_SUFFIXES = {"ApiController", "Controller", "Json", "Commands", "Service",
            "Reads", "Queries", "Views", "View"};

    private final String basePackage;
    private volatile Set<String> ambiguous;

    ApiSchemaNames(String basePackage) {
        this.basePackage = basePackage;
    }

    @Override
    protected String getNameOfClass(Class<?> cls) {
        String simple = cls.getSimpleName();
        if (!cls.getName().startsWith(basePackage + ".") || !(ALWAYS_PREFIXED.contains(simple)
                || ambiguousNames().contains(simple))) {
            return super.getNameOfClass(cls);
        }
        String prefix = prefix(cls);
        if (prefix.endsWith(simple)) {
            return prefix;
        }
        return simple.startsWith(prefix) ? simple : prefix + simple;
    }

    private static String prefix(Class<?> cls) {
        Class<?> enclosing = cls.getEnclosingClass();
        if (enclosing == null) {
            String packageName = cls.getPackageName();
            String last = packageName.substring(packageName.lastIndexOf('.') + 1);
            return last.substring(0, 1).toUpperCase(Locale.ROOT) + last.substring(1);
        }
        String name = enclosing.getSimpleName();
        for (String suffix : STRIPPED_SUFFIXES) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    private Set<String> ambiguousNames() {
        Set<String> names = ambiguous;
        if (names == null) {
            names = scan();
            ambiguous = names;
        }
        return names;
    }

    private Set<String> scan() {
        Set<String> own = scan(true);
        // a packaging where class resources do not share the class's own root: count every class of the package
        return own == null ? scan(false) : own;
    }

    private Set<String> scan(boolean ownRootOnly) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter((reader, factory) -> true);
        // only the console's own classes (not test classes, nor a client generated into the same package tree)
        String self = String.valueOf(ApiSchemaNames.class.getResource(ApiSchemaNames.class.getSimpleName() + ".class"));
        String root = self.substring(0, self.length() - (ApiSchemaNames.class.getName().replace('.', '/') + ".class").length());
        Map<String, Integer> counts = new HashMap<>();
        for (BeanDefinition definition : scanner.findCandidateComponents(basePackage)) {
            String className = definition.getBeanClassName();
            if (className != null && definition instanceof AnnotatedBeanDefinition scanned
                    && (!ownRootOnly || fromRoot(scanned, root))) {
                counts.merge(ClassUtils.getShortName(className).replaceAll(".*\\.", ""), 1, Integer::sum);
            }
        }
        if (counts.isEmpty()) {
            return null;
        }
        Set<String> result = new HashSet<>();
        counts.forEach((name, count) -> {
            if (count > 1) {
                result.add(name);
            }
        });
        return Set.copyOf(result);
    }

    private static boolean fromRoot(AnnotatedBeanDefinition definition, String root) {
        if (definition instanceof org.springframework.beans.factory.support.AbstractBeanDefinition bean
                && bean.getResource() != null) {
            try {
                return bean.getResource().getURL().toString().startsWith(root);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return false;
    }
}
