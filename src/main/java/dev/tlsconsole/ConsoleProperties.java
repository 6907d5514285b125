package dev.tlsconsole;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The console's own settings ({@code console.*}).
 *
 * @param dataDir       where the embedded database, the generated TLS material and the key-encryption key live
 * @param adminPassword password of the {@code admin} account created on first start; empty = generate one
 * @param tls           the certificate the console serves
 * @param accounts      password policy and lockout
 */
@ConfigurationProperties("console")
public record ConsoleProperties(
        @DefaultValue("./data") Path dataDir,
        String adminPassword,
        @DefaultValue Tls tls,
        @DefaultValue Accounts accounts) {

    /**
     * @param certificate PEM certificate (chain) the console serves; generated when not configured
     * @param privateKey  PEM private key of that certificate
     */
    public record Tls(String certificate, String privateKey) {
    }

    /**
     * @param passwordMinLength   minimum password length (characters)
     * @param lockoutMaxAttempts  failed logins in a row that lock an account
     * @param lockoutDuration     how long a locked account stays locked
     */
    public record Accounts(
            @DefaultValue("12") int passwordMinLength,
            @DefaultValue("5") int lockoutMaxAttempts,
            @DefaultValue("15m") Duration lockoutDuration) {
    }
}
