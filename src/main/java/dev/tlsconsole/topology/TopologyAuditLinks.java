package dev.tlsconsole.topology;

import java.util.Optional;
import java.util.function.LongFunction;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.tlsconsole.audit.AuditObjectLink;
import dev.tlsconsole.audit.AuditObjectType;
import dev.tlsconsole.web.ObjectLinks;

/** Audit entries about hosts, applications and connections link to the object's page while it exists. */
@Configuration(proxyBeanMethods = false)
class TopologyAuditLinks {

    @Bean
    AuditObjectLink hostAuditLink(JdbcTemplate jdbc) {
        return new ById(AuditObjectType.HOST, "host", ObjectLinks::host, jdbc);
    }

    @Bean
    AuditObjectLink applicationAuditLink(JdbcTemplate jdbc) {
        return new ById(AuditObjectType.APPLICATION, "application", ObjectLinks::application, jdbc);
    }

    @Bean
    AuditObjectLink connectionAuditLink(JdbcTemplate jdbc) {
        return new ById(AuditObjectType.CONNECTION, "connection", ObjectLinks::connection, jdbc);
    }

    /** Links by the entry's object id (all topology entries carry it), if the row still exists. */
    private record ById(AuditObjectType objectType, String table, LongFunction<String> page, JdbcTemplate jdbc) implements AuditObjectLink {

        @Override
        public Optional<String> path(String objectId, String objectName) {
            if (objectId == null || !objectId.matches("\\d{1,18}")) {
                return Optional.empty();
            }
            long id = Long.parseLong(objectId);
            Long count = jdbc.queryForObject("select count(*) from " + table + " where id = ?", Long.class, id);
            return count != null && count > 0 ? Optional.of(page.apply(id)) : Optional.empty();
        }
    }
}
