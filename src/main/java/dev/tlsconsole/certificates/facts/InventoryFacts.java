package dev.tlsconsole.certificates.facts;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.tlsconsole.certificates.x509.CertificateParser;
import dev.tlsconsole.policy.CertificateFacts;

/**
 * Builds the policy engine's {@link CertificateFacts} from the inventory: one snapshot per resolution,
 * read in five bulk queries (certificates, chains, deployments, the newest CRL of each issuer and its
 * entries) and answered from memory, so resolving thousands of connections asks the database nothing
 * more. Not guarded by roles: an internal source for guarded services.
 */
@Component
public class InventoryFacts {

    private final JdbcTemplate jdbc;
    private final CertificateParser parser;

    InventoryFacts(JdbcTemplate jdbc, CertificateParser parser) {
        this.jdbc = jdbc;
        this.parser = parser;
    }

    /** The inventory as it is now. */
    @Transactional(readOnly = true)
    public FactsSnapshot snapshot() {
        Map<Long, List<String>> chains = new HashMap<>();
        List<FactsData.ChainMember> members = new ArrayList<>();
        Map<String, FactsData.ChainMember> distinct = new HashMap<>();
        jdbc.query("select certificate_id, sha256_fingerprint, sha1_thumbprint, subject, der_base64 from certificate_chain_element"
                + " order by certificate_id, chain_index", rs -> {
            chains.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
            String fingerprint = rs.getString(2);
            if (!distinct.containsKey(fingerprint)) {
                distinct.put(fingerprint, new FactsData.ChainMember(fingerprint, rs.getString(3), rs.getString(4),
                        selfIssued(rs.getString(5))));
            }
        });
        members.addAll(distinct.values());
        List<FactsData.Certificate> certificates = jdbc.query("""
                select id, sha256_fingerprint, sha1_thumbprint, subject, issuer, serial_number, not_before, not_after,
                       key_algorithm, key_size, signature_algorithm, is_ca, subject_key_identifier,
                       authority_key_identifier, der_base64
                from certificate""", (rs, i) -> new FactsData.Certificate(rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), instant(rs, 7), instant(rs, 8), rs.getString(9),
                rs.getInt(10), rs.getString(11), rs.getBoolean(12), rs.getString(13), rs.getString(14), rs.getString(15),
                chains.getOrDefault(rs.getLong(1), List.of())));
        List<FactsData.Deployment> deployments = jdbc.query("select path, kind, content_fingerprint from certificate_deployment",
                (rs, i) -> new FactsData.Deployment(rs.getString(1), rs.getString(2), rs.getString(3)));
        return new FactsSnapshot(certificates, members, deployments, newestCrls());
    }

    /** The newest CRL of every issuer (published or imported), with its revoked serials. */
    private Collection<FactsData.Crl> newestCrls() {
        record Head(long id, String issuer, String number, Instant thisUpdate, Instant nextUpdate) {
        }
        Map<String, Head> newest = new HashMap<>();
        jdbc.query("select id, issuer, crl_number, this_update, next_update from crl", rs -> {
            Head head = new Head(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs, 4), instant(rs, 5));
            newest.merge(head.issuer(), head, (a, b) -> b.thisUpdate().isAfter(a.thisUpdate())
                    || b.thisUpdate().equals(a.thisUpdate()) && b.id() > a.id() ? b : a);
        });
        Map<Long, Set<String>> serials = new HashMap<>();
        newest.values().forEach(head -> serials.put(head.id(), new HashSet<>()));
        List<Long> ids = List.copyOf(serials.keySet());
        // only the newest CRLs' entries: older CRLs repeat them
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            String placeholders = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            jdbc.query("select crl_id, serial_number from crl_entry where crl_id in (" + placeholders + ")",
                    rs -> {
                        serials.get(rs.getLong(1)).add(rs.getString(2));
                    }, chunk.toArray());
        }
        return newest.values().stream().map(head -> new FactsData.Crl(head.issuer(), head.number(), head.nextUpdate(),
                Set.copyOf(serials.get(head.id())))).toList();
    }

    /** Whether a chain member is a root: parsed once per distinct certificate. */
    private boolean selfIssued(String derBase64) {
        X509Certificate certificate = parser.parse(Base64.getDecoder().decode(derBase64), null).leaf();
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
    }

    private static Instant instant(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
