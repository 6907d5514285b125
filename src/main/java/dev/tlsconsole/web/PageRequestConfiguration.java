package dev.tlsconsole.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** {@code /matrix} (what the navigation calls the page) leads to the matrix at {@code /catalog}. */
@Configuration(proxyBeanMethods = false)
class PageRequestConfiguration implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/matrix", "/catalog").setKeepQueryParams(true);
    }
}
