package dev.tlsconsole.notifications;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one message to one channel: a webhook POST signed with {@code X-Console-Signature:
 * sha256=<hex HMAC-SHA256 of the raw body>}, or an e-mail through the channel's SMTP server. A failed
 * attempt is retried with exponential backoff (Spring's RetryTemplate); every attempt has the configured timeout.
 */
@Component
class Deliverer {

    static final String SIGNATURE_HEADER = "X-Console-Signature";

    private static final Logger log = LoggerFactory.getLogger(Deliverer.class);

    private final NotificationsProperties properties;
    private final ChannelSecrets secrets;
    private final JsonMapper json;
    private final HttpClient http;

    Deliverer(NotificationsProperties properties, ChannelSecrets secrets, JsonMapper json) {
        this.properties = properties;
        this.secrets = secrets;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Delivery deliver(NotificationChannel channel, Message message) {
        int attempts = Math.max(1, properties.attempts());
        RetryTemplate retry = new RetryTemplate(RetryPolicy.builder()
                .maxRetries(attempts - 1)
                .delay(properties.backoff())
                .multiplier(2)
                .includes(DeliveryException.class)
                .build());
        AtomicInteger attempt = new AtomicInteger();
        try {
            String detail = retry.execute(() -> {
                int number = attempt.incrementAndGet();
                try {
                    return channel.getType() == ChannelType.WEBHOOK ? postWebhook(channel, message) : sendMail(channel, message);
                } catch (DeliveryException e) {
                    log.info("Notification to channel '{}' failed (attempt {} of {}): {}", channel.getName(), number, attempts,
                            e.getMessage());
                    throw e;
                }
            });
            return new Delivery(true, detail, attempt.get());
        } catch (RetryException e) {
            if (e.getLastException() instanceof RuntimeException other && !(other instanceof DeliveryException)) {
                throw other; // not a delivery failure: a defect, as before, never retried
            }
            String detail = e.getLastException() == null ? e.getMessage() : e.getLastException().getMessage();
            return new Delivery(false, Thread.currentThread().isInterrupted() ? detail + " (interrupted)" : detail, attempt.get());
        }
    }

    private String postWebhook(NotificationChannel channel, Message message) {
        byte[] body = json.writeValueAsBytes(message.body());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(channel.getUrl()))
                .timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "tls-topology-console")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        String secret = secrets.webhookSecret(channel);
        if (secret != null) {
            request.header(SIGNATURE_HEADER, "sha256=" + hmacSha256(secret, body));
        }
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new DeliveryException("the receiver answered HTTP " + response.statusCode());
            }
            return "HTTP " + response.statusCode();
        } catch (IOException e) {
            throw new DeliveryException("could not reach " + URI.create(channel.getUrl()).getHost() + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted");
        }
    }

    static String hmacSha256(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }

    private String sendMail(NotificationChannel channel, Message message) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(channel.getSmtpHost());
        sender.setPort(channel.getSmtpPort());
        String timeout = String.valueOf(properties.timeout().toMillis());
        Properties props = new Properties();
        props.setProperty("mail.smtp.connectiontimeout", timeout);
        props.setProperty("mail.smtp.timeout", timeout);
        props.setProperty("mail.smtp.writetimeout", timeout);
        if (channel.isSmtpStarttls()) {
            props.setProperty("mail.smtp.starttls.enable", "true");
            props.setProperty("mail.smtp.starttls.required", "true");
        }
        if (channel.getSmtpUsername() != null) {
            sender.setUsername(channel.getSmtpUsername());
            sender.setPassword(secrets.smtpPassword(channel));
            props.setProperty("mail.smtp.auth", "true");
        }
        sender.setJavaMailProperties(props);
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(channel.getMailFrom());
        mail.setTo(channel.recipients().toArray(String[]::new));
        mail.setSubject(message.subject());
        mail.setText(message.text());
        try {
            sender.send(mail);
            return "sent to " + channel.recipients().size() + " recipient(s) through " + channel.getSmtpHost();
        } catch (MailException e) {
            throw new DeliveryException("the SMTP server " + channel.getSmtpHost() + ":" + channel.getSmtpPort()
                    + " did not take the message: " + e.getMostSpecificCause().getMessage());
        }
    }

    /** One failed attempt; the message says why without any secret. */
    static final class DeliveryException extends RuntimeException {
        DeliveryException(String message) {
            super(message);
        }
    }
}
