package dev.tlsconsole;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Console-wide beans that belong to no single feature. */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration {

    /** The one source of "now", so every time-dependent rule can be tested at a chosen instant. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
