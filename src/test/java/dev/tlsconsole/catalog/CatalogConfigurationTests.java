package dev.tlsconsole.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import dev.tlsconsole.policy.LinkRules;

/** The Spring wiring alone, without the application context (no database, no web server). */
class CatalogConfigurationTests {

    @Test
    void exposesTheCatalogItsCheckAndTheLinkRulesFromTheClasspathFile() {
        new ApplicationContextRunner().withUserConfiguration(CatalogConfiguration.class).run(context -> {
            assertThat(context).hasNotFailed().hasBean("catalog").hasBean("linkCheck").hasBean("linkRules");
            assertThat(context.getBean(LinkRules.class)).isInstanceOf(CatalogLinkRules.class);
            assertThat(context.getBean(Catalog.class).find("UCS")).isPresent();
        });
    }
}
