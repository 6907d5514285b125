package dev.tlsconsole.notifications;

/** Where a channel's messages go. */
public enum ChannelType {
    /** A JSON POST signed with the channel's secret. */
    WEBHOOK,
    /** An e-mail through the channel's SMTP server. */
    EMAIL
}
