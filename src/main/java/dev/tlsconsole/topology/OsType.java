package dev.tlsconsole.topology;

/**
 * The operating system of a host, which decides how certificates are referenced: a thumbprint in the
 * Windows certificate store, or PEM file paths with the Security Pack on UNIX.
 */
public enum OsType {
    WINDOWS, UNIX
}
