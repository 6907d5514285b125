package dev.tlsconsole.audit;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Role;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditConfiguration {

    /**
     * Inside Boot's request-context filter (order -105), so the trail sees the request, and outside
     * Spring Security (order -100), so 401s and 403s pass through it too.
     */
    @Bean
    FilterRegistrationBean<AuditCoverageFilter> auditCoverageFilter(AuditTrail trail) {
        FilterRegistrationBean<AuditCoverageFilter> registration = new FilterRegistrationBean<>(new AuditCoverageFilter(trail));
        registration.setOrder(-104);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    /** Entries of the former unkeyed chain are vouched for by a keyed anchor as soon as the console starts. */
    @Bean
    org.springframework.boot.ApplicationRunner auditChainAnchor(AuditTrail trail) {
        return arguments -> trail.anchorUnkeyedEntries();
    }

    /**
     * Outermost advice on {@link Audited} methods: before method security (order MIN+200) and the
     * transaction (lowest precedence), so failures are seen after the rollback and denials at all.
     * Infrastructure role: Boot's auto-proxy creator only applies infrastructure advisors.
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor auditedOperationAdvisor(@Lazy AuditTrail trail, @Lazy jakarta.validation.Validator validator) {
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
                new AnnotationMatchingPointcut(null, Audited.class, true), new AuditedOperationInterceptor(trail, validator));
        advisor.setOrder(Integer.MIN_VALUE + 50);
        return advisor;
    }
}
