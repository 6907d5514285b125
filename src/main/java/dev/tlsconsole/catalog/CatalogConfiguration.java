package dev.tlsconsole.catalog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import dev.tlsconsole.policy.LinkRules;

/**
 * Exposes the catalog loaded from {@code classpath:catalog/catalog.yaml}. The only Spring-aware class of the
 * feature: a broken catalog fails this bean, so the application does not start, and the {@link CatalogException}
 * message names the line to fix.
 */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    Catalog catalog() {
        return CatalogLoader.loadDefault();
    }

    @Bean
    LinkCheck linkCheck(Catalog catalog) {
        return new LinkCheck(catalog);
    }

    @Bean
    LinkRules linkRules(LinkCheck linkCheck) {
        return new CatalogLinkRules(linkCheck);
    }
}
