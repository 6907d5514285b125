package dev.tlsconsole.certificates;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/** Row counts of every table of the certificates feature, to prove that a refused request wrote nothing. */
public final class CertificateTables {

    public static final List<String> TABLES = List.of("certificate", "certificate_chain_element", "certificate_authority",
            "crl", "crl_entry", "certificate_deployment");

    private CertificateTables() {
    }

    public static Map<String, Long> counts(JdbcTemplate jdbc) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return counts;
    }

    /** Deletes certificates a test imported (their chain rows go with them). */
    public static void deleteCertificates(JdbcTemplate jdbc, List<Long> ids) {
        for (Long id : ids) {
            jdbc.update("update crl set issuer_certificate_id = null where issuer_certificate_id = ?", id);
            jdbc.update("delete from certificate where id = ?", id);
        }
    }
}
