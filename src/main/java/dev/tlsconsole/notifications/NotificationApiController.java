package dev.tlsconsole.notifications;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;

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

    /** Every channel, as one page of the list shape of API.md ({@code items, page, size, totalElements}). */
    @Operation(operationId = "listNotificationChannels")
    @GetMapping("/notification-channels")
    PageResponse<ChannelView> list() {
        return PageResponse.all(channels.list());
    }

    @Operation(operationId = "createNotificationChannel")
    @PostMapping("/notification-channels")
    ResponseEntity<ChannelView> create(@RequestBody ChannelRequest request) {
        ChannelView view = channels.create(request);
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/notification-channels/{id}")
                .buildAndExpand(view.id()).toUri();
        return ResponseEntity.created(location).body(view);
    }

    @Operation(operationId = "getNotificationChannel")
    @GetMapping("/notification-channels/{id}")
    ChannelView get(@PathVariable long id) {
        return channels.get(id);
    }

    @Operation(operationId = "updateNotificationChannel")
    @PutMapping("/notification-channels/{id}")
    ChannelView update(@PathVariable long id, @RequestBody ChannelRequest request) {
        return channels.update(id, request);
    }

    @Operation(operationId = "deleteNotificationChannel")
    @DeleteMapping("/notification-channels/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        channels.delete(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "testNotificationChannel")
    @PostMapping("/notification-channels/{id}/test")
    TestResult test(@PathVariable long id) {
        return channels.test(id);
    }

    @Operation(operationId = "runNotificationChecks")
    @PostMapping("/notifications/run")
    RunResult run() {
        return checks.runNow();
    }

    @Operation(operationId = "listNotifications")
    @GetMapping("/notifications")
    PageResponse<LogEntry> log(@RequestParam(required = false) String channel, @RequestParam(required = false) String event,
            @PageableDefault(size = 50) Pageable pageable) {
        return PageResponse.of(log.search(channel, event, pageable));
    }
}
