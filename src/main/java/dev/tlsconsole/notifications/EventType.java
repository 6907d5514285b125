package dev.tlsconsole.notifications;

/** What a notification reports. */
public enum EventType {
    CERTIFICATE_EXPIRING,
    CERTIFICATE_EXPIRED,
    CRL_STALE,
    CONNECTION_FAILING,
    /** The message of a channel's Test button: never subscribed to, always delivered on request. */
    TEST
}
