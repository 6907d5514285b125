package dev.tlsconsole.notifications;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sends a message to a channel at most once: claim the log row, deliver (with retries), record the
 * outcome, count it in {@code console_notifications_total{channel,outcome}}.
 */
@Component
class NotificationDispatcher {

    private final NotificationLog log;
    private final Deliverer deliverer;
    private final MeterRegistry meters;
    private final Clock clock;

    NotificationDispatcher(NotificationLog log, Deliverer deliverer, MeterRegistry meters, Clock clock) {
        this.log = log;
        this.deliverer = deliverer;
        this.meters = meters;
        this.clock = clock;
    }

    /** The delivery, or empty when this message went (or is going) to this channel already. */
    Optional<Delivery> dispatch(NotificationChannel channel, Message message) {
        Optional<Long> claim = log.claim(channel, message);
        if (claim.isEmpty()) {
            return Optional.empty();
        }
        Delivery delivery = deliverer.deliver(channel, message);
        log.finish(claim.get(), delivery);
        Counter.builder("console.notifications").description("Notifications by channel and outcome")
                .tag("channel", channel.getName()).tag("outcome", delivery.delivered() ? "sent" : "failed")
                .register(meters).increment();
        return Optional.of(delivery);
    }

    Delivery sendTest(NotificationChannel channel) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", EventType.TEST.name());
        body.put("at", clock.instant().toString());
        body.put("certificate", null);
        body.put("daysLeft", null);
        body.put("threshold", null);
        body.put("usedBy", java.util.List.of());
        body.put("connection", null);
        body.put("link", null);
        String subject = "[TLS console] Test message for channel " + channel.getName();
        return dispatch(channel, new Message(EventType.TEST, subject,
                "This is a test message of the TLS Topology Console: the channel '" + channel.getName() + "' works.",
                body, null, null)).orElseThrow();
    }
}
