package dev.tlsconsole.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The notification log, and the once-only guarantee: a message with a once-key is first <em>claimed</em>
 * by inserting its row; the unique constraint on (channel, once-key) lets exactly one instance (and one
 * run) win. Every statement commits on its own, so a lost race never spoils a surrounding transaction.
 */
@Component
class NotificationLog {

    static final String PENDING = "PENDING";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";

    /** One line of the log, as the API and the log screen show it. */
    public record LogEntry(long id, Instant at, String channel, String event, String subject, String outcome, String detail) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    NotificationLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The id of the new log row, or empty when the message (channel, once-key) was claimed before. */
    Optional<Long> claim(NotificationChannel channel, Message message) {
        KeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("INSERT INTO notification_log (at, channel_id, channel_name, event, subject, once_key, outcome)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(Timestamp.from(clock.instant()), channel.getId(), channel.getName(), message.event().name(),
                            truncate(message.subject(), 500), message.onceKey(), PENDING)
                    .update(key, "id");
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
        return Optional.of(key.getKey().longValue());
    }

    /** Records the outcome; a failed message gives its once-key up so the next run tries again. */
    void finish(long id, Delivery delivery) {
        if (delivery.delivered()) {
            jdbc.sql("UPDATE notification_log SET outcome = ?, detail = ?, at = ? WHERE id = ?")
                    .params(SENT, truncate(delivery.detail(), 2000), Timestamp.from(clock.instant()), id).update();
        } else {
            jdbc.sql("UPDATE notification_log SET outcome = ?, detail = ?, at = ?, once_key = NULL WHERE id = ?")
                    .params(FAILED, truncate("after " + delivery.attempts() + " attempt(s): " + delivery.detail(), 2000),
                            Timestamp.from(clock.instant()), id).update();
        }
    }

    Page<LogEntry> search(String channel, String event, Pageable pageable) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (channel != null && !channel.isBlank()) {
            where.append(" AND channel_name = ?");
            params.add(channel.strip());
        }
        if (event != null && !event.isBlank()) {
            where.append(" AND event = ?");
            params.add(event.strip());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM notification_log" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(pageable.getPageSize());
        pageParams.add(pageable.getOffset());
        List<LogEntry> rows = jdbc.sql("SELECT id, at, channel_name, event, subject, outcome, detail FROM notification_log"
                        + where + " ORDER BY at DESC, id DESC LIMIT ? OFFSET ?")
                .params(pageParams)
                .query((rs, n) -> new LogEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("channel_name"),
                        rs.getString("event"), rs.getString("subject"), rs.getString("outcome"), rs.getString("detail")))
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    private static String truncate(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
