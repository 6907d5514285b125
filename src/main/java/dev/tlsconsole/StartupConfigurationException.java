package dev.tlsconsole;

/**
 * A configuration value the console cannot start with. {@link StartupConfigurationFailureAnalyzer} turns it
 * into one line naming the setting and what is wrong, instead of a stack trace.
 */
public class StartupConfigurationException extends RuntimeException {

    private final String setting;

    /**
     * @param setting the property and its environment variable, e.g. {@code console.admin-password (CONSOLE_ADMIN_PASSWORD)}
     * @param problem what is wrong with its value (never the value itself: it may be a secret)
     */
    public StartupConfigurationException(String setting, String problem) {
        super(setting + ": " + problem);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}
