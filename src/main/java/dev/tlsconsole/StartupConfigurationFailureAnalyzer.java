package dev.tlsconsole;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** One clear line, and what to do, for a start that fails on a configuration value (registered in spring.factories). */
public class StartupConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<StartupConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartupConfigurationException cause) {
        return new FailureAnalysis("The console cannot start: " + cause.getMessage(),
                "Correct " + cause.setting() + " and start again (see README.md, Configuration).", cause);
    }
}
