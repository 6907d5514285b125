package dev.tlsconsole.security;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import dev.tlsconsole.api.ApiPaths;
import dev.tlsconsole.api.Problems;
import dev.tlsconsole.audit.AuditTrail;
import dev.tlsconsole.security.accounts.AccountUserDetailsService;
import dev.tlsconsole.security.accounts.ApiTokenService;
import dev.tlsconsole.security.accounts.TokenPrincipalCache;

/**
 * Three filter chains: the actuator (health public, the rest ADMIN), the stateless API (HTTP Basic
 * or bearer token, no CSRF, problem+json errors) and the browser UI (form login, session, CSRF).
 * URL rules are coarse; {@code @PreAuthorize} on the services is the real guard.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** No inline scripts or styles anywhere: every asset is served by the console itself. */
    /**
     * POST endpoints of the API that change nothing (what-if preview, stand-alone certificate check):
     * an AUDITOR may call them. Every other non-GET API call needs at least OPERATOR.
     */
    static final String[] READ_ONLY_API_POSTS = {ApiPaths.PREFIX + "/preview", ApiPaths.PREFIX + "/certificates/validate",
            ApiPaths.PREFIX + "/certificates/*/assign/preview"};

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain actuatorChain(HttpSecurity http, Problems problems, AuditTrail audit) throws Exception {
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .requestMatchers(EndpointRequest.to("info")).authenticated()
                        .anyRequest().hasRole("ADMIN"));
        stateless(http, new ProblemAuthenticationEntryPoint(problems), new AuditingAccessDeniedHandler(audit, problems));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiChain(HttpSecurity http, Problems problems, AuditTrail audit, ApiTokenService tokens,
            TokenPrincipalCache verifiedTokens, AccountUserDetailsService userDetails) throws Exception {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(problems);
        http.securityMatcher(ApiPaths.PREFIX + "/**")
                .authorizeHttpRequests(authorize -> authorize
                        // one's own password and tokens
                        .requestMatchers(ApiPaths.PREFIX + "/users/me", ApiPaths.PREFIX + "/users/me/**").authenticated()
                        .requestMatchers(HttpMethod.GET, ApiPaths.PREFIX + "/**").authenticated()
                        .requestMatchers(HttpMethod.POST, READ_ONLY_API_POSTS).authenticated()
                        // defence in depth: the services decide, but an AUDITOR never reaches a mutating one
                        .anyRequest().hasRole("OPERATOR"))
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, verifiedTokens, userDetails, entryPoint, audit),
                        BasicAuthenticationFilter.class);
        stateless(http, entryPoint, new AuditingAccessDeniedHandler(audit, problems));
        return http.build();
    }

    /**
     * The OpenAPI document (issue 13): for scripts with HTTP Basic or a bearer token as well as for Swagger UI
     * in a browser session (the session of the UI chain is read here, never created). Read-only, so no CSRF.
     */
    static final String[] API_DOCS = {"/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml"};

    @Bean
    @Order(2)
    SecurityFilterChain apiDocsChain(HttpSecurity http, Problems problems, AuditTrail audit, ApiTokenService tokens,
            TokenPrincipalCache verifiedTokens, AccountUserDetailsService userDetails) throws Exception {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(problems);
        http.securityMatcher(API_DOCS)
                .authorizeHttpRequests(authorize -> authorize.requestMatchers(HttpMethod.GET, API_DOCS).authenticated()
                        .anyRequest().denyAll())
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, verifiedTokens, userDetails, entryPoint, audit),
                        BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(new AuditingAccessDeniedHandler(audit, problems)))
                .headers(this::headers);
        return http.build();
    }

    /**
     * The UI pages that only offer a write (New …, Edit, Issue, Sign CSR): an AUDITOR, who reads everything
     * but changes nothing, gets the 403 page for them, as it gets no button leading there. {@code /users/new}
     * is ADMIN's, above.
     */
    static final String[] WRITE_FORMS = {"/hosts/new", "/hosts/{id}/edit", "/applications/new", "/applications/{id}/edit",
        "/connections/new", "/connections/{id}/edit", "/certificates/new", "/crls/new", "/authorities/new",
        "/authorities/{id}/issue", "/authorities/{id}/sign-csr", "/notifications/channels/new",
        "/notifications/channels/{id}"};

    @Bean
    @Order(3)
    SecurityFilterChain uiChain(HttpSecurity http, Problems problems, AuditTrail audit) throws Exception {
        http.authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/login", "/error", "/error/**", "/webjars/**", "/css/**", "/js/**",
                                "/img/**", "/favicon.ico").permitAll()
                        // an AUDITOR reads the user list and a user's page (without their forms), nothing more
                        .requestMatchers(HttpMethod.GET, "/users/new").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/users", "/users/{id:[0-9]+}").hasAnyRole("ADMIN", "AUDITOR")
                        .requestMatchers("/users", "/users/**").hasRole("ADMIN")
                        .requestMatchers("/audit", "/audit/**").hasRole("AUDITOR")
                        // a page that is nothing but a write form is refused (403 page) to whoever cannot submit it
                        .requestMatchers(HttpMethod.GET, WRITE_FORMS).hasRole("OPERATOR")
                        .requestMatchers(HttpMethod.GET, "/**").authenticated()
                        .requestMatchers("/account/**", "/logout").authenticated()
                        .requestMatchers(request -> request.getRequestURI().endsWith("/preview")).authenticated()
                        // the chain check changes nothing: an AUDITOR may run it too
                        .requestMatchers(HttpMethod.POST, "/certificates/validate").authenticated()
                        // a large preview opened on the graph (issue 15) reads only
                        .requestMatchers(HttpMethod.POST, "/graph").authenticated()
                        .anyRequest().hasRole("OPERATOR"))
                .formLogin(form -> form
                        .loginPage("/login")
                        .failureHandler(new LoginFailureHandler())
                        .defaultSuccessUrl("/", false))
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .logoutSuccessHandler(new AuditingLogoutSuccessHandler(audit))
                        .deleteCookies("TLSCONSOLE_SESSION"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(new AuditingAccessDeniedHandler(audit, problems)))
                .headers(this::headers);
        return http.build();
    }

    /**
     * Swagger UI (a third-party bundle) sets inline styles; only its own pages get 'unsafe-inline' for
     * styles — never for scripts.
     */
    static final String SWAGGER_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY
            .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    /** HTTP Basic (plus whatever token filter the chain adds), no session, no CSRF, problem+json errors. */
    private void stateless(HttpSecurity http, ProblemAuthenticationEntryPoint entryPoint,
            AuditingAccessDeniedHandler deniedHandler) throws Exception {
        http.httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(deniedHandler))
                .headers(this::headers);
    }

    private void headers(org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers) {
        RequestMatcher swagger = request -> request.getRequestURI().startsWith("/swagger-ui");
        headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(swagger,
                        new StaticHeadersWriter("Content-Security-Policy", SWAGGER_CONTENT_SECURITY_POLICY)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(swagger),
                        new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY)))
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter(permissionsPolicy());
    }

    private static HeaderWriter permissionsPolicy() {
        return new StaticHeadersWriter("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    }

    /** ADMIN may do everything an OPERATOR or an AUDITOR may. */
    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix().role("ADMIN").implies("OPERATOR", "AUDITOR").build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
