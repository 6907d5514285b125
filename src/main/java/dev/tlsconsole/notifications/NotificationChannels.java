package dev.tlsconsole.notifications;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tlsconsole.ConflictException;
import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.InvalidInputException.FieldProblem;
import dev.tlsconsole.NotFoundException;
import dev.tlsconsole.audit.AuditAction;
import dev.tlsconsole.audit.AuditRecord;
import dev.tlsconsole.audit.AuditTrail;
import dev.tlsconsole.audit.Audited;
import dev.tlsconsole.notifications.ChannelCommands.ChannelRequest;
import dev.tlsconsole.notifications.ChannelCommands.ChannelView;
import dev.tlsconsole.notifications.ChannelCommands.TestResult;

/** Notification channels (ADMIN): create, change, delete, test. Every problem with a request is reported at once. */
@Service
public class NotificationChannels {

    static final List<Integer> DEFAULT_THRESHOLDS = List.of(30, 14, 7, 1);
    static final Set<EventType> SUBSCRIBABLE = EnumSet.of(EventType.CERTIFICATE_EXPIRING, EventType.CERTIFICATE_EXPIRED,
            EventType.CRL_STALE, EventType.CONNECTION_FAILING);
    private static final int MAX_THRESHOLD = 3650;

    private final NotificationChannelRepository channels;
    private final ChannelSecrets secrets;
    private final NotificationsProperties properties;
    private final NotificationDispatcher dispatcher;
    private final AuditTrail audit;
    private final Clock clock;

    NotificationChannels(NotificationChannelRepository channels, ChannelSecrets secrets, NotificationsProperties properties,
            NotificationDispatcher dispatcher, AuditTrail audit, Clock clock) {
        this.channels = channels;
        this.secrets = secrets;
        this.properties = properties;
        this.dispatcher = dispatcher;
        this.audit = audit;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<ChannelView> list() {
        return channels.findAllByOrderByNameAsc().stream().map(ChannelView::of).toList();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public ChannelView get(long id) {
        return ChannelView.of(require(id));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Audited(value = AuditAction.NOTIFICATION_CHANNEL_CREATE, objectName = "#request?.name()")
    @Transactional
    public ChannelView create(ChannelRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        ChannelSettings settings = validate(request, null, problems);
        ChannelType type = settings == null ? null : settings.type();
        if (type == ChannelType.WEBHOOK && blank(request.secret())) {
            problems.add(new FieldProblem("secret", "is required: the receiver checks the X-Console-Signature HMAC with it"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        NotificationChannel channel = new NotificationChannel(type, clock.instant());
        channel.apply(settings);
        applySecrets(channel, request);
        channels.saveAndFlush(channel);
        ChannelView view = ChannelView.of(channel);
        audit.record(AuditRecord.success(channel.getId(), channel.getName(), null, view));
        return view;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Audited(value = AuditAction.NOTIFICATION_CHANNEL_UPDATE, objectId = "#id")
    @Transactional
    public ChannelView update(long id, ChannelRequest request) {
        NotificationChannel channel = require(id);
        ChannelView before = ChannelView.of(channel);
        if (request.version() == null) {
            throw InvalidInputException.of("version", "is required: send the version you read");
        }
        if (request.version() != channel.getVersion()) {
            throw ConflictException.staleVersion("Notification channel", channel.getName(), request.version(), channel.getVersion(), before);
        }
        List<FieldProblem> problems = new ArrayList<>();
        ChannelSettings settings = validate(request, id, problems);
        if (settings != null && settings.type() == ChannelType.WEBHOOK && channel.getSecretSealed() == null && blank(request.secret())) {
            problems.add(new FieldProblem("secret", "is required: the receiver checks the X-Console-Signature HMAC with it"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        channel.apply(settings);
        applySecrets(channel, request);
        channels.flush();
        ChannelView after = ChannelView.of(channel);
        audit.record(AuditRecord.success(id, channel.getName(), before, after));
        return after;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Audited(value = AuditAction.NOTIFICATION_CHANNEL_DELETE, objectId = "#id")
    @Transactional
    public void delete(long id) {
        NotificationChannel channel = require(id);
        ChannelView before = ChannelView.of(channel);
        channels.delete(channel);
        channels.flush();
        audit.record(AuditRecord.success(id, channel.getName(), before, null));
    }

    /** Sends a test message now (retried like any other) and logs it. */
    @PreAuthorize("hasRole('ADMIN')")
    public TestResult test(long id) {
        NotificationChannel channel = require(id);
        Delivery delivery = dispatcher.sendTest(channel);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("delivered", delivery.delivered());
        after.put("detail", delivery.detail());
        audit.recordSeparately(AuditRecord.success(AuditAction.NOTIFICATION_CHANNEL_TEST, id, channel.getName(), null, after));
        return new TestResult(delivery.delivered(), delivery.detail());
    }

    private NotificationChannel require(long id) {
        return channels.findById(id).orElseThrow(() -> NotFoundException.of("Notification channel", id));
    }

    private void applySecrets(NotificationChannel channel, ChannelRequest request) {
        if (request.secret() != null) {
            channel.sealedSecret(request.secret().isEmpty() ? null : secrets.seal(request.secret(), ChannelSecrets.WEBHOOK_SECRET));
        }
        if (request.smtpPassword() != null) {
            channel.sealedSmtpPassword(request.smtpPassword().isEmpty() ? null
                    : secrets.seal(request.smtpPassword(), ChannelSecrets.SMTP_PASSWORD));
        }
    }

    /** The settings of a valid request; null (with problems added) otherwise. */
    private ChannelSettings validate(ChannelRequest request, Long id, List<FieldProblem> problems) {
        int before = problems.size();
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty()) {
            problems.add(new FieldProblem("name", "is required"));
        } else if (name.length() > 100) {
            problems.add(new FieldProblem("name", "must be at most 100 characters"));
        } else {
            channels.findByName(name).filter(other -> !other.getId().equals(id))
                    .ifPresent(other -> problems.add(new FieldProblem("name", "a channel named '" + name + "' exists already")));
        }
        ChannelType type = null;
        if (blank(request.type())) {
            problems.add(new FieldProblem("type", "is required: WEBHOOK or EMAIL"));
        } else {
            try {
                type = ChannelType.valueOf(request.type().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("type", "must be WEBHOOK or EMAIL, not '" + request.type() + "'"));
            }
        }
        String url = null;
        List<String> recipients = List.of();
        String smtpHost = null;
        Integer smtpPort = null;
        String mailFrom = null;
        String username = blank(request.smtpUsername()) ? null : request.smtpUsername().strip();
        if (type == ChannelType.WEBHOOK) {
            url = checkWebhookUrl(request.url(), problems);
        } else if (type == ChannelType.EMAIL) {
            recipients = checkRecipients(request.recipients(), problems);
            smtpPort = request.smtpPort() == null ? 587 : request.smtpPort();
            if (smtpPort < 1 || smtpPort > 65535) {
                problems.add(new FieldProblem("smtpPort", "must be between 1 and 65535"));
            }
            if (blank(request.smtpHost())) {
                problems.add(new FieldProblem("smtpHost", "is required for an e-mail channel"));
            } else {
                smtpHost = request.smtpHost().strip();
                if (smtpPort >= 1 && smtpPort <= 65535) {
                    checkReachable(smtpHost, smtpPort, problems);
                }
            }
            mailFrom = blank(request.mailFrom()) ? "tls-console@localhost" : request.mailFrom().strip();
            checkAddress("mailFrom", mailFrom, problems);
        }
        List<Integer> thresholds = request.thresholdsDays() == null ? DEFAULT_THRESHOLDS : request.thresholdsDays();
        Set<Integer> distinct = new TreeSet<>(java.util.Comparator.reverseOrder());
        for (Integer days : thresholds) {
            if (days == null || days < 0 || days > MAX_THRESHOLD) {
                problems.add(new FieldProblem("thresholdsDays", "each threshold must be a number of days between 0 and "
                        + MAX_THRESHOLD + ", not " + days));
            } else {
                distinct.add(days);
            }
        }
        Set<EventType> events = EnumSet.noneOf(EventType.class);
        if (request.events() == null) {
            events.addAll(SUBSCRIBABLE);
        } else {
            for (String event : request.events()) {
                try {
                    EventType parsed = EventType.valueOf(event == null ? "" : event.strip().toUpperCase(Locale.ROOT));
                    if (!SUBSCRIBABLE.contains(parsed)) {
                        throw new IllegalArgumentException(event);
                    }
                    events.add(parsed);
                } catch (IllegalArgumentException e) {
                    problems.add(new FieldProblem("events", "unknown event '" + event + "'; use CERTIFICATE_EXPIRING,"
                            + " CERTIFICATE_EXPIRED, CRL_STALE or CONNECTION_FAILING"));
                }
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new ChannelSettings(name, type, url, recipients, smtpHost, smtpPort,
                request.smtpStartTls() == null || request.smtpStartTls(), username, mailFrom, List.copyOf(distinct), events,
                request.enabled() == null || request.enabled());
    }

    private String checkWebhookUrl(String value, List<FieldProblem> problems) {
        if (blank(value)) {
            problems.add(new FieldProblem("url", "is required for a webhook"));
            return null;
        }
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            problems.add(new FieldProblem("url", "is not a valid URL: " + e.getReason()));
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            problems.add(new FieldProblem("url", "must be an absolute https:// URL with a host"));
            return null;
        }
        if (uri.getUserInfo() != null) {
            problems.add(new FieldProblem("url", "must not carry credentials; the secret signs the body instead"));
            return null;
        }
        if (scheme.equals("http") && !properties.allowPlainHttp()) {
            problems.add(new FieldProblem("url", "must use https:// (plain http is accepted only when the console runs with"
                    + " console.notifications.allow-plain-http=true)"));
            return null;
        }
        return uri.toString();
    }

    private static List<String> checkRecipients(List<String> recipients, List<FieldProblem> problems) {
        if (recipients == null || recipients.isEmpty()) {
            problems.add(new FieldProblem("recipients", "at least one e-mail address is required"));
            return List.of();
        }
        List<String> valid = new ArrayList<>();
        for (String recipient : recipients) {
            if (checkAddress("recipients", recipient == null ? "" : recipient.strip(), problems)) {
                valid.add(recipient.strip());
            }
        }
        return valid;
    }

    private static boolean checkAddress(String field, String address, List<FieldProblem> problems) {
        try {
            new InternetAddress(address, true).validate();
            if (address.contains(",")) {
                throw new AddressException("one address per entry");
            }
            return true;
        } catch (AddressException e) {
            problems.add(new FieldProblem(field, "'" + address + "' is not an e-mail address"));
            return false;
        }
    }

    private void checkReachable(String host, int port, List<FieldProblem> problems) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), Math.toIntExact(properties.timeout().toMillis()));
        } catch (IOException | IllegalArgumentException e) {
            problems.add(new FieldProblem("smtpHost", "cannot reach the SMTP server " + host + ":" + port + " ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")"));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

}
