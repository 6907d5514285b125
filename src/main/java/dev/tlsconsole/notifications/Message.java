package dev.tlsconsole.notifications;

import java.util.Map;

/**
 * One thing to tell a channel.
 *
 * @param onceKey identifies the message across runs and instances (per channel): a message with a key
 *                is delivered once; null for messages sent on request (the Test button)
 * @param body    the webhook body (API.md § Notifications); the e-mail text is made from it
 */
record Message(EventType event, String subject, String text, Map<String, Object> body, String onceKey, Integer threshold) {
}
