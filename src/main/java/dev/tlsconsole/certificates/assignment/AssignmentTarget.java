package dev.tlsconsole.certificates.assignment;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Where a certificate is assigned, named as the preview targets of API.md are: a host or an application
 * by {@code name}, a port by application {@code name} + {@code portId}, a connection by {@code connectionId}.
 *
 * @param type {@code HOST}, {@code APPLICATION}, {@code PORT} or {@code CONNECTION}
 */
public record AssignmentTarget(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"HOST", "APPLICATION", "PORT", "CONNECTION"}) String type, String name, String portId, Long connectionId) {
}
