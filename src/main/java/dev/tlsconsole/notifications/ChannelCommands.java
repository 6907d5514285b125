package dev.tlsconsole.notifications;

import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import dev.tlsconsole.FieldRules;

import java.time.Instant;
import java.util.List;

/** What the API and the forms exchange about channels. Secrets go in, never out. */
public final class ChannelCommands {

    private ChannelCommands() {
    }

    /**
     * A channel as submitted (create, or full replacement on update). On update a null {@code secret}
     * or {@code smtpPassword} keeps the stored one; an empty string removes it. The read-only fields of a GET
     * may be sent back unchanged and are ignored, so a client can read, change and PUT the same object.
     */
    @JsonIgnoreProperties({"id", "secretSet", "smtpPasswordSet", "createdAt"})
    public record ChannelRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Size(max = 100, message = FieldRules.TOO_LONG) String name,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"WEBHOOK", "EMAIL"}) String type, @Size(max = 2000, message = FieldRules.TOO_LONG) String url,
            List<@Size(max = 255, message = FieldRules.TOO_LONG) String> recipients, @Size(max = 1000, message = FieldRules.TOO_LONG) String secret, @Size(max = 255, message = FieldRules.TOO_LONG) String smtpHost,
            Integer smtpPort, Boolean smtpStartTls, @Size(max = 255, message = FieldRules.TOO_LONG) String smtpUsername, @Size(max = 1000, message = FieldRules.TOO_LONG) String smtpPassword,
            @Size(max = 255, message = FieldRules.TOO_LONG) String mailFrom, List<Integer> thresholdsDays,
            @ArraySchema(schema = @Schema(allowableValues = {"CERTIFICATE_EXPIRING", "CERTIFICATE_EXPIRED", "CRL_STALE", "CONNECTION_FAILING"})) List<String> events,
            Boolean enabled, Long version) {

        @Override
        public String toString() {
            return "ChannelRequest[name=" + name + ", type=" + type + "]";
        }
    }

    /** A channel as shown: whether a secret is set, never the secret. */
    public record ChannelView(Long id, String name, ChannelType type, String url, List<String> recipients,
            boolean secretSet, String smtpHost, Integer smtpPort, boolean smtpStartTls, String smtpUsername,
            boolean smtpPasswordSet, String mailFrom, List<Integer> thresholdsDays, List<EventType> events,
            boolean enabled, Instant createdAt, long version) {

        static ChannelView of(NotificationChannel c) {
            return new ChannelView(c.getId(), c.getName(), c.getType(), c.getUrl(), c.recipients(),
                    c.getSecretSealed() != null, c.getSmtpHost(), c.getSmtpPort(), c.isSmtpStarttls(), c.getSmtpUsername(),
                    c.getSmtpPasswordSealed() != null, c.getMailFrom(), c.thresholds(),
                    List.copyOf(c.eventTypes()), c.isEnabled(), c.getCreatedAt(), c.getVersion());
        }
    }

    /** The answer of the Test button. */
    public record TestResult(boolean delivered, String detail) {
    }

    /** The answer of a run of the checks. */
    public record RunResult(int sent, int failed) {
    }
}
