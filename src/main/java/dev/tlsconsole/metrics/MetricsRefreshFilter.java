package dev.tlsconsole.metrics;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refreshes the console's gauges just before {@code /actuator/prometheus} answers. Registered after
 * the security filters, so it runs only for an authenticated ADMIN and with that admin's rights.
 */
@Configuration(proxyBeanMethods = false)
class MetricsRefreshFilter {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> consoleMetricsRefresh(ConsoleMetrics metrics) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (request.getUserPrincipal() != null) {
                    metrics.refresh();
                }
                chain.doFilter(request, response);
            }
        });
        registration.addUrlPatterns("/actuator/prometheus");
        return registration;
    }
}
