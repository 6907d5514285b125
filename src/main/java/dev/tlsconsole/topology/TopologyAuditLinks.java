package dev.tlsconsole.topology;

import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.tlsconsole.audit.AuditObjectLink;
import dev.tlsconsole.audit.AuditObjectType;

/** Audit entries about hosts, applications and connections link to the object's page while it exists. */
@Configuration(proxyBeanMethods = false)
class TopologyAuditLinks {

    @Bean
    AuditObjectLink hostAuditLink(JdbcTemplate jdbc) {
        return new ById(AuditObjectType.HOST, "host", "/hosts/", jdbc);
    }

    @Bean
    AuditObjectLink applicationAuditLink(JdbcTemplate jdbc) {
        return new ById(AuditObjectType.APPLICATION, "application", "/applications/", jdbc);
    }

    @Bean
    AuditObjectLink connectionAuditLink(JdbcTemplate jdbc) {
        return new ById(AuditObjectType.CONNECTION, "connection", "/connections/", jdbc);
    }

    /** Links by the entry's object id (all topology entries carry it), if the row still exists. */
    private record ById(AuditObjectType objectType, String table, String pathPrefix, JdbcTemplate jdbc) implements AuditObjectLink {

        @Override
        public Optional<String> path(String objectId, String objectName) {
            if (objectId == null || !objectId.matches("\\d{1,18}")) {
                return Optional.empty();
            }
            Long count = jdbc.queryForObject("select count(*) from " + table + " where id = ?", Long.class, Long.parseLong(objectId));
            return count != null && count > 0 ? Optional.of(pathPrefix + objectId) : Optional.empty();
        }
    }
}
