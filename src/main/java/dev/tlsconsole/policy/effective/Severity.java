package dev.tlsconsole.policy.effective;

/**
 * {@code ERROR}: the connection will not come up, or is not what the operator asked for;
 * {@code WARNING}: it works but is weak or fragile; {@code INFO}: worth knowing, never lowers the grade.
 */
public enum Severity {
    ERROR, WARNING, INFO
}
