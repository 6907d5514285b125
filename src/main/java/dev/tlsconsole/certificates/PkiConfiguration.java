package dev.tlsconsole.certificates;

import java.security.SecureRandom;
import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.tlsconsole.certificates.x509.CertificateAuthorityOperations;
import dev.tlsconsole.certificates.x509.CertificateParser;
import dev.tlsconsole.certificates.x509.ChainValidator;
import dev.tlsconsole.certificates.x509.CrlOperations;

/** The stateless, thread-safe PKI core as beans, sharing one CSPRNG and the console's clock. */
@Configuration(proxyBeanMethods = false)
class PkiConfiguration {

    @Bean
    SecureRandom pkiRandom() {
        return new SecureRandom();
    }

    @Bean
    CertificateParser certificateParser() {
        return new CertificateParser();
    }

    @Bean
    CertificateAuthorityOperations certificateAuthorityOperations(SecureRandom pkiRandom) {
        return new CertificateAuthorityOperations(pkiRandom);
    }

    @Bean
    CrlOperations crlOperations(SecureRandom pkiRandom) {
        return new CrlOperations(pkiRandom);
    }

    @Bean
    ChainValidator chainValidator(Clock clock) {
        return new ChainValidator(clock);
    }
}
