package dev.tlsconsole.notifications;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import dev.tlsconsole.notifications.NotificationLog.LogEntry;

/** Reading the notification log (ADMIN). */
@Service
public class NotificationLogReads {

    private final NotificationLog log;

    NotificationLogReads(NotificationLog log) {
        this.log = log;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public Page<LogEntry> search(String channel, String event, Pageable pageable) {
        return log.search(channel, event, pageable);
    }
}
