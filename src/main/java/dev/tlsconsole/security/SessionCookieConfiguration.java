package dev.tlsconsole.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The cookie of the database-backed sessions (Spring Session JDBC), from the same
 * {@code server.servlet.session.cookie.*} settings as before, in every kind of context (a mock
 * servlet environment included), so every instance reads and writes one cookie.
 */
@Configuration(proxyBeanMethods = false)
class SessionCookieConfiguration {

    @Bean
    CookieSerializer sessionCookieSerializer(@Value("${server.servlet.session.cookie.name:TLSCONSOLE_SESSION}") String name,
            @Value("${server.servlet.session.cookie.secure:true}") boolean secure,
            @Value("${server.servlet.session.cookie.http-only:true}") boolean httpOnly,
            @Value("${server.servlet.session.cookie.same-site:strict}") String sameSite) {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        serializer.setCookieName(name);
        serializer.setUseSecureCookie(secure);
        serializer.setUseHttpOnlyCookie(httpOnly);
        serializer.setSameSite(sameSite.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + sameSite.substring(1).toLowerCase(java.util.Locale.ROOT));
        serializer.setCookiePath("/");
        return serializer;
    }
}
