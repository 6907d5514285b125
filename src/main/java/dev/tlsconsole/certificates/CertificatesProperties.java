package dev.tlsconsole.certificates;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the certificates feature ({@code console.certificates.*}).
 *
 * @param crlValidity   how long a CRL published by a console CA stays current (its nextUpdate − thisUpdate);
 *                      hosts refuse connections once it has passed, so publish again before then
 * @param deployDir     the directory on UNIX hosts where assigned certificates, keys and CA files are
 *                      deployed; assignment writes paths under it into the options
 */
@ConfigurationProperties("console.certificates")
public record CertificatesProperties(
        @DefaultValue("7d") Duration crlValidity,
        @DefaultValue("/opt/genesys/certs") String deployDir) {

    public CertificatesProperties {
        if (crlValidity.toHours() < 1 || crlValidity.toDays() > 366) {
            throw new IllegalArgumentException("console.certificates.crl-validity must be between 1 hour and 366 days");
        }
        if (!deployDir.startsWith("/") || deployDir.length() > 500 || deployDir.matches(".*[,;=\\s].*")) {
            throw new IllegalArgumentException("console.certificates.deploy-dir must be an absolute UNIX path without"
                    + " spaces, ',', ';' or '=' (it is written into option values), not '" + deployDir + "'");
        }
        deployDir = deployDir.length() > 1 && deployDir.endsWith("/") ? deployDir.substring(0, deployDir.length() - 1) : deployDir;
    }
}
