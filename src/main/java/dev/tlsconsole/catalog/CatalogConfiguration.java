package dev.tlsconsole.catalog;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import dev.tlsconsole.policy.LinkRules;

/**
 * Exposes the catalog loaded from {@code classpath:catalog/catalog.yaml}. The only Spring-aware class of the
 * feature: a broken catalog fails the {@code catalog} bean, so the application does not start, and the
 * {@link CatalogException} message names the line to fix. The file is read through the context's
 * {@link ResourceLoader} so that it comes from the application's class loader.
 */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    Catalog catalog(ResourceLoader resources) throws IOException {
        try (InputStream in = resources.getResource("classpath:" + CatalogLoader.DEFAULT_LOCATION).getInputStream()) {
            return CatalogLoader.load(in, CatalogLoader.DEFAULT_LOCATION);
        }
    }

    @Bean
    LinkCheck linkCheck(Catalog catalog) {
        return new LinkCheck(catalog);
    }

    @Bean
    CatalogMatrix catalogMatrix(Catalog catalog) {
        return new CatalogMatrix(catalog);
    }

    @Bean
    LinkRules linkRules(LinkCheck linkCheck) {
        return new CatalogLinkRules(linkCheck);
    }
}
