package dev.tlsconsole.certificates;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a KEK mismatch at start-up into its one-line message instead of a stack trace. */
public class KeyEncryptionKeyFailureAnalyzer extends AbstractFailureAnalyzer<KeyEncryptionKeyMismatchException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, KeyEncryptionKeyMismatchException cause) {
        return new FailureAnalysis(KeyEncryptionKeyMismatchException.MESSAGE,
                "Set CONSOLE_KEY_ENCRYPTION_KEY (or the key file) to the value the other instances use.", cause);
    }
}
