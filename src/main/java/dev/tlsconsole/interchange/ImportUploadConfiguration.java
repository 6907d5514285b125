package dev.tlsconsole.interchange;

import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

import dev.tlsconsole.api.Problems;

import jakarta.servlet.MultipartConfigElement;

import tools.jackson.databind.json.JsonMapper;

/**
 * The servlet's multipart limits are those of the imports ({@code console.imports.max-upload-size}, or the
 * {@code spring.servlet.multipart.*} ones when larger); {@link UploadLimitFilter} holds every other upload
 * to {@code spring.servlet.multipart.*}. Replaces Spring Boot's own {@link MultipartConfigElement}.
 */
@Configuration(proxyBeanMethods = false)
class ImportUploadConfiguration {

    @Bean
    MultipartConfigElement multipartConfigElement(MultipartProperties multipart, ImportLimits limits) {
        MultipartConfigElement small = multipart.createMultipartConfig();
        long importLimit = limits.maxUploadSize().toBytes();
        return new MultipartConfigElement(small.getLocation(), Math.max(importLimit, small.getMaxFileSize()),
                Math.max(importLimit, small.getMaxRequestSize()), small.getFileSizeThreshold());
    }

    @Bean
    FilterRegistrationBean<UploadLimitFilter> uploadLimitFilter(MultipartProperties multipart, ImportLimits limits,
            Problems problems, MessageSource messages, JsonMapper mapper) {
        FilterRegistrationBean<UploadLimitFilter> registration = new FilterRegistrationBean<>(new UploadLimitFilter(
                limits.maxUploadSize().toBytes(), bytes(multipart.getMaxRequestSize()), bytes(multipart.getMaxFileSize()),
                problems, messages, mapper));
        // after the character encoding filter and the parameter check, before security (which reads the CSRF field)
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
        return registration;
    }

    /** A negative or absent limit means none (as for the container). */
    private static long bytes(DataSize size) {
        return size == null || size.toBytes() < 0 ? Long.MAX_VALUE : size.toBytes();
    }
}
