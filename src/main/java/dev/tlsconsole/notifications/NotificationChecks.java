package dev.tlsconsole.notifications;

import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import dev.tlsconsole.audit.AuditAction;
import dev.tlsconsole.audit.AuditRecord;
import dev.tlsconsole.audit.AuditTrail;
import dev.tlsconsole.audit.Audited;
import dev.tlsconsole.certificates.assignment.CertificateUsages;
import dev.tlsconsole.certificates.crl.CrlReads;
import dev.tlsconsole.certificates.crl.CrlView;
import dev.tlsconsole.certificates.inventory.CertificateFilter;
import dev.tlsconsole.certificates.inventory.CertificateInventory;
import dev.tlsconsole.certificates.inventory.CertificateStatus;
import dev.tlsconsole.certificates.inventory.CertificateView;
import dev.tlsconsole.resolution.EffectivePolicies;
import dev.tlsconsole.resolution.PolicyFilter;
import dev.tlsconsole.resolution.PolicyRow;
import dev.tlsconsole.notifications.ChannelCommands.RunResult;
import dev.tlsconsole.policy.effective.EffectivePolicy;
import dev.tlsconsole.policy.effective.Finding;
import dev.tlsconsole.policy.effective.Grade;
import dev.tlsconsole.policy.effective.Severity;
import dev.tlsconsole.web.ObjectLinks;

/**
 * The checks: what is worth telling each channel now. Certificates (the inventory, console CAs
 * included, and the console's own TLS certificate) expiring within a channel's threshold or expired,
 * CRLs past or close to their nextUpdate, connections that turned F since the last run. Each message
 * goes to a channel once (see {@link NotificationLog}), however often and on however many instances
 * the checks run; a channel that fails does not stop the others.
 */
@Service
public class NotificationChecks {

    private static final Logger log = LoggerFactory.getLogger(NotificationChecks.class);
    private static final String CONSOLE_TLS = "console TLS certificate";

    private final NotificationChannelRepository channels;
    private final NotificationDispatcher dispatcher;
    private final CertificateInventory inventory;
    private final CertificateUsages usages;
    private final CrlReads crls;
    private final EffectivePolicies policies;
    private final SslBundles sslBundles;
    private final JdbcClient jdbc;
    private final NotificationsProperties properties;
    private final Clock clock;

    private final AuditTrail audit;

    NotificationChecks(NotificationChannelRepository channels, NotificationDispatcher dispatcher, CertificateInventory inventory,
            CertificateUsages usages, CrlReads crls, EffectivePolicies policies, SslBundles sslBundles, JdbcClient jdbc,
            NotificationsProperties properties, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.channels = channels;
        this.dispatcher = dispatcher;
        this.inventory = inventory;
        this.usages = usages;
        this.crls = crls;
        this.policies = policies;
        this.sslBundles = sslBundles;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** {@code POST /notifications/run}: the checks now, for an admin (one audit entry with what it sent). */
    @PreAuthorize("hasRole('ADMIN')")
    @Audited(AuditAction.NOTIFICATIONS_RUN)
    public RunResult runNow() {
        RunResult result = run();
        // deliveries are not one transaction: the entry gets its own once the run is over
        audit.recordSeparately(AuditRecord.success(null, null, null, result));
        return result;
    }

    /** The checks as the console itself (scheduled work). */
    RunResult runAsSystem() {
        return SystemAuthentication.call(this::run);
    }

    private RunResult run() {
        Instant now = clock.instant();
        List<NotificationChannel> enabled = channels.findAllByOrderByNameAsc().stream().filter(NotificationChannel::isEnabled).toList();
        int maxThreshold = enabled.stream().flatMap(c -> c.thresholds().stream()).max(Integer::compare).orElse(0);
        List<Candidate> candidates = new ArrayList<>();
        certificates(now, maxThreshold, candidates);
        consoleCertificate(now, candidates);
        staleCrls(now, candidates);
        List<Candidate> failing = newlyFailingConnections(now);
        candidates.addAll(failing);
        int sent = 0;
        int failed = 0;
        for (NotificationChannel channel : enabled) {
            for (Candidate candidate : candidates) {
                Optional<Message> message = candidate.messageFor(channel);
                if (message.isEmpty()) {
                    continue;
                }
                Optional<Delivery> delivery = dispatcher.dispatch(channel, message.get());
                if (delivery.isPresent()) {
                    if (delivery.get().delivered()) {
                        sent++;
                    } else {
                        failed++;
                    }
                }
            }
        }
        log.info("Notification checks: {} candidate(s), {} sent, {} failed", candidates.size(), sent, failed);
        return new RunResult(sent, failed);
    }

    private void certificates(Instant now, int maxThreshold, List<Candidate> out) {
        Instant horizon = now.plus(Duration.ofDays(maxThreshold));
        int page = 0;
        while (true) {
            Page<CertificateView> views = inventory.search(CertificateFilter.none(),
                    PageRequest.of(page++, 500, Sort.by("notAfter")));
            for (CertificateView view : views) {
                if (view.notAfter().isAfter(horizon.plus(Duration.ofDays(1)))) {
                    return;
                }
                if (view.status() == CertificateStatus.REVOKED) {
                    continue;
                }
                out.add(new CertificateCandidate(view.id(), view.name(), view.subject(), view.notAfter(), view.sha256Fingerprint(),
                        now, link(ObjectLinks.certificate(view.id())), () -> usedBy(view.id())));
            }
            if (!views.hasNext()) {
                return;
            }
        }
    }

    private List<Map<String, Object>> usedBy(long certificateId) {
        List<Map<String, Object>> used = new ArrayList<>();
        for (CertificateUsages.ObjectUse use : usages.of(certificateId).objects()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", use.type());
            entry.put("name", use.name());
            used.add(entry);
        }
        return used;
    }

    private void consoleCertificate(Instant now, List<Candidate> out) {
        try {
            KeyStore store = sslBundles.getBundle("console").getStores().getKeyStore();
            for (String alias : Collections.list(store.aliases())) {
                if (store.getCertificate(alias) instanceof X509Certificate certificate) {
                    String sha256 = java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
                    out.add(new CertificateCandidate(null, CONSOLE_TLS, certificate.getSubjectX500Principal().getName(),
                            certificate.getNotAfter().toInstant(), sha256, now, properties.baseUrl(), List::of));
                    return;
                }
            }
        } catch (KeyStoreException | NoSuchAlgorithmException | CertificateEncodingException | RuntimeException e) {
            log.warn("The console's own TLS certificate could not be read for the expiry check: {}", e.getMessage());
        }
    }

    private void staleCrls(Instant now, List<Candidate> out) {
        Set<String> seenIssuers = new HashSet<>();
        int page = 0;
        while (true) {
            Page<CrlView> views = crls.search(null, PageRequest.of(page++, 500, Sort.by(Sort.Direction.DESC, "thisUpdate")));
            for (CrlView crl : views) {
                // only the newest CRL of each issuer matters
                if (!seenIssuers.add(crl.issuer())) {
                    continue;
                }
                if (crl.nextUpdate() != null && crl.nextUpdate().isBefore(now.plus(properties.crlMargin()))) {
                    out.add(new CrlCandidate(crl, now, link(ObjectLinks.crl(crl.id()))));
                }
            }
            if (!views.hasNext()) {
                return;
            }
        }
    }

    /**
     * Connections graded F now that were not at the last run. The row in notification_failing_connection
     * is the memory of the last run; inserting it is the claim, so one instance reports the change.
     */
    private List<Candidate> newlyFailingConnections(Instant now) {
        Set<Long> failingNow = new HashSet<>();
        List<PolicyRow> rows = new ArrayList<>();
        int page = 0;
        while (true) {
            Page<PolicyRow> views = policies.list(new PolicyFilter(Set.of(Grade.F), Set.of(), Set.of(), Set.of(), ""),
                    PageRequest.of(page++, 500));
            views.forEach(row -> {
                failingNow.add(row.connectionId());
                rows.add(row);
            });
            if (!views.hasNext()) {
                break;
            }
        }
        List<Long> before = jdbc.sql("SELECT connection_id FROM notification_failing_connection").query(Long.class).list();
        for (Long id : before) {
            if (!failingNow.contains(id)) {
                jdbc.sql("DELETE FROM notification_failing_connection WHERE connection_id = ?").param(id).update();
            }
        }
        Set<Long> known = new HashSet<>(before);
        List<Candidate> out = new ArrayList<>();
        for (PolicyRow row : rows) {
            if (known.contains(row.connectionId())) {
                continue;
            }
            try {
                jdbc.sql("INSERT INTO notification_failing_connection (connection_id, since) VALUES (?, ?)")
                        .params(row.connectionId(), java.sql.Timestamp.from(now)).update();
            } catch (DuplicateKeyException e) {
                // another instance saw the change first and reports it
                continue;
            }
            EffectivePolicy policy = policies.get(row.connectionId());
            Optional<Finding> finding = policy.findings().stream().filter(f -> f.severity() == Severity.ERROR).findFirst();
            out.add(new ConnectionCandidate(row, finding.orElse(null), now, link("/policies?q="
                    + java.net.URLEncoder.encode(row.client(), java.nio.charset.StandardCharsets.UTF_8))));
        }
        return out;
    }

    private String link(String path) {
        String base = properties.baseUrl().endsWith("/") ? properties.baseUrl().substring(0, properties.baseUrl().length() - 1)
                : properties.baseUrl();
        return base + path;
    }

    /** Something that may become one message per channel. */
    interface Candidate {
        Optional<Message> messageFor(NotificationChannel channel);
    }

    private static Map<String, Object> body(EventType event, Instant now, Map<String, Object> certificate, Long daysLeft,
            Integer threshold, List<Map<String, Object>> usedBy, Map<String, Object> connection, String link) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event.name());
        body.put("at", now.toString());
        body.put("certificate", certificate);
        body.put("daysLeft", daysLeft);
        body.put("threshold", threshold);
        body.put("usedBy", usedBy);
        body.put("connection", connection);
        body.put("link", link);
        return body;
    }

    record CertificateCandidate(Long id, String name, String subject, Instant notAfter, String sha256, Instant now, String link,
            java.util.function.Supplier<List<Map<String, Object>>> usedBy) implements Candidate {

        @Override
        public Optional<Message> messageFor(NotificationChannel channel) {
            long daysLeft = Duration.between(now, notAfter).toDays();
            Map<String, Object> certificate = new LinkedHashMap<>();
            certificate.put("id", id);
            certificate.put("name", name);
            certificate.put("subject", subject);
            certificate.put("notAfter", notAfter.toString());
            certificate.put("sha256Fingerprint", sha256);
            if (!notAfter.isAfter(now)) {
                if (!channel.eventTypes().contains(EventType.CERTIFICATE_EXPIRED)) {
                    return Optional.empty();
                }
                return Optional.of(new Message(EventType.CERTIFICATE_EXPIRED, "[TLS console] Certificate " + name + " has expired",
                        "The certificate " + name + " (" + subject + ") expired on " + notAfter + ".\n" + link,
                        body(EventType.CERTIFICATE_EXPIRED, now, certificate, daysLeft, null, usedBy.get(), null, link),
                        "CERTIFICATE_EXPIRED:" + sha256, null));
            }
            if (!channel.eventTypes().contains(EventType.CERTIFICATE_EXPIRING)) {
                return Optional.empty();
            }
            // the smallest threshold the certificate is within: 5 days left with 30, 14, 7, 1 → the 7-day message
            Optional<Integer> threshold = channel.thresholds().stream().filter(t -> daysLeft < t || (daysLeft == t && t > 0))
                    .min(Integer::compare);
            if (threshold.isEmpty()) {
                return Optional.empty();
            }
            int days = threshold.get();
            return Optional.of(new Message(EventType.CERTIFICATE_EXPIRING,
                    "[TLS console] Certificate " + name + " expires in " + daysLeft + " day(s)",
                    "The certificate " + name + " (" + subject + ") expires on " + notAfter + ", in " + daysLeft
                            + " day(s) (threshold " + days + " days).\n" + link,
                    body(EventType.CERTIFICATE_EXPIRING, now, certificate, daysLeft, days, usedBy.get(), null, link),
                    "CERTIFICATE_EXPIRING:" + sha256 + ":" + days, days));
        }
    }

    record CrlCandidate(CrlView crl, Instant now, String link) implements Candidate {

        @Override
        public Optional<Message> messageFor(NotificationChannel channel) {
            if (!channel.eventTypes().contains(EventType.CRL_STALE)) {
                return Optional.empty();
            }
            boolean stale = !crl.nextUpdate().isAfter(now);
            String subject = "[TLS console] CRL of " + crl.issuer() + (stale ? " is stale" : " goes stale on " + crl.nextUpdate());
            Map<String, Object> body = body(EventType.CRL_STALE, now, null, null, null, List.of(), null, link);
            Map<String, Object> crlPart = new LinkedHashMap<>();
            crlPart.put("id", crl.id());
            crlPart.put("issuer", crl.issuer());
            crlPart.put("crlNumber", crl.crlNumber());
            crlPart.put("nextUpdate", crl.nextUpdate().toString());
            crlPart.put("stale", stale);
            body.put("crl", crlPart);
            return Optional.of(new Message(EventType.CRL_STALE, subject,
                    "The CRL number " + crl.crlNumber() + " of " + crl.issuer() + " has nextUpdate " + crl.nextUpdate()
                            + (stale ? ": it is stale." : ".") + "\n" + link,
                    body, "CRL_STALE:" + crl.sha256Fingerprint(), null));
        }
    }

    record ConnectionCandidate(PolicyRow row, Finding finding, Instant now, String link) implements Candidate {

        @Override
        public Optional<Message> messageFor(NotificationChannel channel) {
            if (!channel.eventTypes().contains(EventType.CONNECTION_FAILING)) {
                return Optional.empty();
            }
            Map<String, Object> connection = new LinkedHashMap<>();
            connection.put("id", row.connectionId());
            connection.put("name", row.label());
            connection.put("grade", row.gradeLabel());
            connection.put("finding", finding == null ? null : Map.of("code", finding.code().name(), "severity",
                    finding.severity().name(), "message", finding.message()));
            String why = finding == null ? "" : " " + finding.code() + ": " + finding.message();
            return Optional.of(new Message(EventType.CONNECTION_FAILING,
                    "[TLS console] Connection " + row.label() + " is now graded F",
                    "The connection " + row.label() + " is now graded F." + why + "\n" + link,
                    body(EventType.CONNECTION_FAILING, now, null, null, null, List.of(), connection, link),
                    "CONNECTION_FAILING:" + row.connectionId() + ":" + now.toEpochMilli(), null));
        }
    }
}
