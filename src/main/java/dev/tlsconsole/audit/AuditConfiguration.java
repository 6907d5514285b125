package dev.tlsconsole.audit;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Role;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    /**
     * Outermost advice on {@link Audited} methods: before method security (order MIN+200) and the
     * transaction (lowest precedence), so failures are seen after the rollback and denials at all.
     * Infrastructure role: Boot's auto-proxy creator only applies infrastructure advisors.
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor auditedOperationAdvisor(@Lazy AuditTrail trail) {
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
                new AnnotationMatchingPointcut(null, Audited.class, true), new AuditedOperationInterceptor(trail));
        advisor.setOrder(Integer.MIN_VALUE + 50);
        return advisor;
    }
}
