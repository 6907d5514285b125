package dev.tlsconsole.policy.snapshot;

/** The host's operating-system family: it decides the TLS stack (SChannel vs Security Pack) and certificate format. */
public enum OsType {
    WINDOWS, UNIX
}
