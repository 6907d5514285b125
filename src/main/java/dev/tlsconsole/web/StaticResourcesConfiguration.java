package dev.tlsconsole.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Boot's Thymeleaf support registers a {@link ResourceUrlEncodingFilter} (because the WebJars locator
 * enables the resource chain), which runs every {@code @{…}} link of every page through the resource
 * resolvers — a class-path lookup per link, seen as most of a page's render time in a profile. The
 * console never rewrites resource URLs (WebJars are served version-less by the resource handler
 * itself), so the registration is replaced by a disabled one of the same name.
 */
@Configuration(proxyBeanMethods = false)
class StaticResourcesConfiguration {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
