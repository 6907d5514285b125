package dev.tlsconsole.resolution;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.tlsconsole.policy.CertificateFacts;
import dev.tlsconsole.policy.LinkRules;
import dev.tlsconsole.policy.PolicyResolver;
import dev.tlsconsole.policy.PolicySettings;
import dev.tlsconsole.policy.preview.PolicyPreview;

/**
 * Wires the pure engine into the application. Certificate facts come from whichever feature provides
 * a {@link CertificateFacts} bean (the certificates inventory, once it exists); until then the engine
 * reports certificate content as unchecked.
 */
@Configuration(proxyBeanMethods = false)
class EffectivePolicyConfiguration {

    @Bean
    PolicyResolver policyResolver(LinkRules linkRules, ObjectProvider<CertificateFacts> certificateFacts) {
        return new PolicyResolver(linkRules, certificateFacts.getIfAvailable(CertificateFacts::none));
    }

    @Bean
    PolicyPreview policyPreview(PolicyResolver policyResolver) {
        return new PolicyPreview(policyResolver);
    }

    /** The clock is read at each resolution (the bean, so tests can move time). */
    @Bean
    PolicySettings policySettings(Clock clock, EffectivePolicyProperties properties) {
        return new PolicySettings(clock, properties.expiryWarning(), properties.windowsMinimum(), properties.windowsMaximum());
    }
}
