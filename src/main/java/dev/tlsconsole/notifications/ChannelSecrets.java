package dev.tlsconsole.notifications;

import org.springframework.stereotype.Component;

import dev.tlsconsole.certificates.SecretSealing;

/** Seals and opens a channel's secrets under the key-encryption key; the context names the field. */
@Component
class ChannelSecrets {

    static final String WEBHOOK_SECRET = "notification-channel:webhook-secret";
    static final String SMTP_PASSWORD = "notification-channel:smtp-password";

    private final SecretSealing sealing;

    ChannelSecrets(SecretSealing sealing) {
        this.sealing = sealing;
    }

    String seal(String secret, String context) {
        return sealing.seal(secret, context);
    }

    String webhookSecret(NotificationChannel channel) {
        return channel.getSecretSealed() == null ? null : sealing.open(channel.getSecretSealed(), WEBHOOK_SECRET);
    }

    String smtpPassword(NotificationChannel channel) {
        return channel.getSmtpPasswordSealed() == null ? null : sealing.open(channel.getSmtpPasswordSealed(), SMTP_PASSWORD);
    }
}
