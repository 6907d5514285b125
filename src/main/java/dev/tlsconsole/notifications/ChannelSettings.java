package dev.tlsconsole.notifications;

import java.util.List;
import java.util.Set;

/** A channel's validated, non-secret settings. */
record ChannelSettings(String name, ChannelType type, String url, List<String> recipients, String smtpHost,
        Integer smtpPort, boolean smtpStartTls, String smtpUsername, String mailFrom, List<Integer> thresholdsDays,
        Set<EventType> events, boolean enabled) {
}
