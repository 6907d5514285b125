package dev.tlsconsole.notifications;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A notification channel. The webhook secret and the SMTP password are stored sealed only (see
 * {@link ChannelSecrets}); this class has no {@code toString()} that could print them.
 */
@Entity
@Table(name = "notification_channel")
class NotificationChannel {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    @Enumerated(EnumType.STRING)
    private ChannelType type;
    private String url;
    private String recipients;
    private String secretSealed;
    private String smtpHost;
    private Integer smtpPort;
    private boolean smtpStarttls;
    private String smtpUsername;
    private String smtpPasswordSealed;
    private String mailFrom;
    private String thresholdsDays;
    private String events;
    private boolean enabled;
    private Instant createdAt;

    @Version
    private long version;

    protected NotificationChannel() {
    }

    NotificationChannel(ChannelType type, Instant now) {
        this.type = type;
        this.createdAt = now;
        this.recipients = "";
    }

    void apply(ChannelSettings settings) {
        this.name = settings.name();
        this.type = settings.type();
        this.url = settings.url();
        this.recipients = String.join(",", settings.recipients());
        this.smtpHost = settings.smtpHost();
        this.smtpPort = settings.smtpPort();
        this.smtpStarttls = settings.smtpStartTls();
        this.smtpUsername = settings.smtpUsername();
        this.mailFrom = settings.mailFrom();
        this.thresholdsDays = settings.thresholdsDays().stream().map(String::valueOf).collect(Collectors.joining(","));
        this.events = settings.events().stream().map(Enum::name).collect(Collectors.joining(","));
        this.enabled = settings.enabled();
    }

    void sealedSecret(String sealed) {
        this.secretSealed = sealed;
    }

    void sealedSmtpPassword(String sealed) {
        this.smtpPasswordSealed = sealed;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    ChannelType getType() {
        return type;
    }

    String getUrl() {
        return url;
    }

    List<String> recipients() {
        return recipients == null || recipients.isBlank() ? List.of() : List.of(recipients.split(","));
    }

    String getSecretSealed() {
        return secretSealed;
    }

    String getSmtpHost() {
        return smtpHost;
    }

    Integer getSmtpPort() {
        return smtpPort;
    }

    boolean isSmtpStarttls() {
        return smtpStarttls;
    }

    String getSmtpUsername() {
        return smtpUsername;
    }

    String getSmtpPasswordSealed() {
        return smtpPasswordSealed;
    }

    String getMailFrom() {
        return mailFrom;
    }

    List<Integer> thresholds() {
        return thresholdsDays == null || thresholdsDays.isBlank() ? List.of()
                : Arrays.stream(thresholdsDays.split(",")).map(Integer::valueOf).sorted((a, b) -> b - a).toList();
    }

    Set<EventType> eventTypes() {
        Set<EventType> set = EnumSet.noneOf(EventType.class);
        if (events != null && !events.isBlank()) {
            Arrays.stream(events.split(",")).map(EventType::valueOf).forEach(set::add);
        }
        return set;
    }

    boolean isEnabled() {
        return enabled;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    long getVersion() {
        return version;
    }
}
