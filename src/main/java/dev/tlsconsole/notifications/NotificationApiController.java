package dev.tlsconsole.notifications;

import java.net.URI;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.tlsconsole.api.ApiController;
import dev.tlsconsole.api.PageResponse;
import dev.tlsconsole.notifications.ChannelCommands.ChannelRequest;
import dev.tlsconsole.notifications.ChannelCommands.ChannelView;
import dev.tlsconsole.notifications.ChannelCommands.RunResult;
import dev.tlsconsole.notifications.ChannelCommands.TestResult;
import dev.tlsconsole.notifications.NotificationLog.LogEntry;

/** Notification channels, the checks on demand and the log (API.md § Notifications), ADMIN only. */
@ApiController
class NotificationApiController {

    private final NotificationChannels channels;
    private final NotificationChecks checks;
    private final NotificationLogReads log;

    NotificationApiController(NotificationChannels channels, NotificationChecks checks, NotificationLogReads log) {
        this.channels = channels;
        this.checks = checks;
        this.log = log;
    }

    @GetMapping("/notification-channels")
    List<ChannelView> list() {
        return channels.list();
    }

    @PostMapping("/notification-channels")
    ResponseEntity<ChannelView> create(@RequestBody ChannelRequest request) {
        ChannelView view = channels.create(request);
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/notification-channels/{id}")
                .buildAndExpand(view.id()).toUri();
        return ResponseEntity.created(location).body(view);
    }

    @GetMapping("/notification-channels/{id}")
    ChannelView get(@PathVariable long id) {
        return channels.get(id);
    }

    @PutMapping("/notification-channels/{id}")
    ChannelView update(@PathVariable long id, @RequestBody ChannelRequest request) {
        return channels.update(id, request);
    }

    @DeleteMapping("/notification-channels/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        channels.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/notification-channels/{id}/test")
    TestResult test(@PathVariable long id) {
        return channels.test(id);
    }

    @PostMapping("/notifications/run")
    RunResult run() {
        return checks.runNow();
    }

    @GetMapping("/notifications")
    PageResponse<LogEntry> log(@RequestParam(required = false) String channel, @RequestParam(required = false) String event,
            @PageableDefault(size = 50) Pageable pageable) {
        return PageResponse.of(log.search(channel, event, pageable));
    }
}
