package dev.tlsconsole.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import dev.tlsconsole.policy.LinkRules;

/** The Spring wiring alone, without the application context (no database, no web server). */
class CatalogConfigurationTests {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(CatalogConfiguration.class);

    @Test
    void exposesTheCatalogItsCheckAndTheLinkRulesFromTheClasspathFile() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasBean("catalog").hasBean("linkCheck").hasBean("linkRules");
            assertThat(context.getBean(LinkRules.class)).isInstanceOf(CatalogLinkRules.class);
            assertThat(context.getBean(Catalog.class).find("UCS")).isPresent();
        });
    }

    @Test
    void aBrokenCatalogStopsTheContextWithTheLineToFix() {
        String broken = """
                groups:
                  - {name: eServices, description: test}
                components:
                  - {name: Chat Server, group: eService, source: test}
                """;
        ClassLoader serving = new ClassLoader(getClass().getClassLoader()) {
            @Override
            public InputStream getResourceAsStream(String name) {
                return name.equals(CatalogLoader.DEFAULT_LOCATION)
                        ? new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8))
                        : super.getResourceAsStream(name);
            }
        };

        runner.withClassLoader(serving).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(CatalogException.class)
                    .hasMessageStartingWith("catalog/catalog.yaml line 4, column ")
                    .hasMessageContaining("unknown group 'eService'");
        });
    }
}
