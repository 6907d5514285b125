package dev.tlsconsole.notifications;

import java.time.Instant;
import java.util.List;

/** What the API and the forms exchange about channels. Secrets go in, never out. */
public final class ChannelCommands {

    private ChannelCommands() {
    }

    /**
     * A channel as submitted (create, or full replacement on update). On update a null {@code secret}
     * or {@code smtpPassword} keeps the stored one; an empty string removes it.
     */
    public record ChannelRequest(String name, String type, String url, List<String> recipients, String secret,
            String smtpHost, Integer smtpPort, Boolean smtpStartTls, String smtpUsername, String smtpPassword,
            String mailFrom, List<Integer> thresholdsDays, List<String> events, Boolean enabled, Long version) {

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
