package dev.tlsconsole.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.catalina.connector.Connector;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The optional plain-HTTP port ({@code console.http-redirect-port}, off by default): it only ever
 * answers with a permanent redirect to the same path on the HTTPS port, never with a page. The setting
 * is read at run time, not as a bean condition, so an ahead-of-time (AOT) build honours it too (issue 18).
 */
@Configuration(proxyBeanMethods = false)
class HttpRedirectConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> httpRedirectConnector(
            @Value("${console.http-redirect-port:}") Integer httpPort) {
        return factory -> {
            if (httpPort == null) {
                return;
            }
            Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
            connector.setScheme("http");
            connector.setSecure(false);
            connector.setPort(httpPort);
            factory.addAdditionalConnectors(connector);
        };
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> httpToHttpsRedirect(Environment environment,
            @Value("${console.http-redirect-port:}") Integer httpPort) {
        OncePerRequestFilter redirect = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (request.isSecure()) {
                    chain.doFilter(request, response);
                    return;
                }
                String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
                // the port the HTTPS connector really listens on (server.port may be 0 = any free port)
                String httpsPort = environment.getProperty("local.server.port", environment.getProperty("server.port", "8443"));
                response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
                response.setHeader("Location", "https://" + request.getServerName() + ":" + httpsPort
                        + request.getRequestURI() + query);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(redirect);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setEnabled(httpPort != null);
        return registration;
    }
}
