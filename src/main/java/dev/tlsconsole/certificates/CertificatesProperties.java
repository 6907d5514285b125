package dev.tlsconsole.certificates;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the certificates feature ({@code console.certificates.*}).
 *
 * @param crlValidity how long a CRL published by a console CA stays current (its nextUpdate − thisUpdate);
 *                    hosts refuse connections once it has passed, so publish again before then
 */
@ConfigurationProperties("console.certificates")
public record CertificatesProperties(@DefaultValue("7d") Duration crlValidity) {

    public CertificatesProperties {
        if (crlValidity.isNegative() || crlValidity.isZero() || crlValidity.toDays() > 366) {
            throw new IllegalArgumentException("console.certificates.crl-validity must be between 1 hour and 366 days");
        }
        if (crlValidity.toHours() < 1) {
            throw new IllegalArgumentException("console.certificates.crl-validity must be at least 1 hour");
        }
    }
}
