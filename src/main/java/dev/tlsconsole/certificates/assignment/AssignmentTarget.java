package dev.tlsconsole.certificates.assignment;

/**
 * Where a certificate is assigned, named as the preview targets of API.md are: a host or an application
 * by {@code name}, a port by application {@code name} + {@code portId}, a connection by {@code connectionId}.
 *
 * @param type {@code HOST}, {@code APPLICATION}, {@code PORT} or {@code CONNECTION}
 */
public record AssignmentTarget(String type, String name, String portId, Long connectionId) {
}
