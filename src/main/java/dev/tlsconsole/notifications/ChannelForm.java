package dev.tlsconsole.notifications;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.notifications.ChannelCommands.ChannelRequest;
import dev.tlsconsole.notifications.ChannelCommands.ChannelView;

/** The channel form: lists as text (comma or line separated), secrets write-only (blank keeps the stored one). */
public class ChannelForm {

    private String name = "";
    private String type = "WEBHOOK";
    private String url = "";
    private String recipients = "";
    private String secret = "";
    private String smtpHost = "";
    private Integer smtpPort = 587;
    private boolean smtpStartTls = true;
    private String smtpUsername = "";
    private String smtpPassword = "";
    private String mailFrom = "";
    private String thresholdsDays = "30, 14, 7, 1";
    private List<String> events = new ArrayList<>(NotificationChannels.SUBSCRIBABLE.stream().map(Enum::name).toList());
    private boolean enabled = true;
    private Long version;

    static ChannelForm of(ChannelView view) {
        ChannelForm form = new ChannelForm();
        form.name = view.name();
        form.type = view.type().name();
        form.url = view.url() == null ? "" : view.url();
        form.recipients = String.join(", ", view.recipients());
        form.smtpHost = view.smtpHost() == null ? "" : view.smtpHost();
        form.smtpPort = view.smtpPort();
        form.smtpStartTls = view.smtpStartTls();
        form.smtpUsername = view.smtpUsername() == null ? "" : view.smtpUsername();
        form.mailFrom = view.mailFrom() == null ? "" : view.mailFrom();
        form.thresholdsDays = String.join(", ", view.thresholdsDays().stream().map(String::valueOf).toList());
        form.events = new ArrayList<>(view.events().stream().map(Enum::name).toList());
        form.enabled = view.enabled();
        form.version = view.version();
        return form;
    }

    /** The request; on update a blank secret keeps the stored one. */
    ChannelRequest toRequest(boolean update) {
        List<Integer> thresholds = new ArrayList<>();
        for (String part : split(thresholdsDays)) {
            try {
                thresholds.add(Integer.valueOf(part));
            } catch (NumberFormatException e) {
                throw InvalidInputException.of("thresholdsDays", "'" + part + "' is not a whole number of days");
            }
        }
        String secretValue = secret == null || secret.isEmpty() ? (update ? null : "") : secret;
        String passwordValue = smtpPassword == null || smtpPassword.isEmpty() ? null : smtpPassword;
        return new ChannelRequest(name, type, url, split(recipients), secretValue, smtpHost, smtpPort, smtpStartTls,
                smtpUsername, passwordValue, mailFrom, thresholds, events == null ? List.of() : events, enabled, version);
    }

    private static List<String> split(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    @Override
    public String toString() {
        return "ChannelForm[name=" + name + ", type=" + type + "]";
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public String getRecipients() { return recipients; }
    public void setRecipients(String recipients) { this.recipients = recipients; }
    public String getSecret() { return ""; }
    public void setSecret(String secret) { this.secret = secret; }
    public String getSmtpHost() { return smtpHost; }
    public void setSmtpHost(String smtpHost) { this.smtpHost = smtpHost; }
    public Integer getSmtpPort() { return smtpPort; }
    public void setSmtpPort(Integer smtpPort) { this.smtpPort = smtpPort; }
    public boolean isSmtpStartTls() { return smtpStartTls; }
    public void setSmtpStartTls(boolean smtpStartTls) { this.smtpStartTls = smtpStartTls; }
    public String getSmtpUsername() { return smtpUsername; }
    public void setSmtpUsername(String smtpUsername) { this.smtpUsername = smtpUsername; }
    public String getSmtpPassword() { return ""; }
    public void setSmtpPassword(String smtpPassword) { this.smtpPassword = smtpPassword; }
    public String getMailFrom() { return mailFrom; }
    public void setMailFrom(String mailFrom) { this.mailFrom = mailFrom; }
    public String getThresholdsDays() { return thresholdsDays; }
    public void setThresholdsDays(String thresholdsDays) { this.thresholdsDays = thresholdsDays; }
    public List<String> getEvents() { return events; }
    public void setEvents(List<String> events) { this.events = events; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
