package dev.tlsconsole.certificates.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface CertificateRepository extends JpaRepository<StoredCertificate, Long>, JpaSpecificationExecutor<StoredCertificate> {

    Optional<StoredCertificate> findBySha256Fingerprint(String sha256Fingerprint);

    Optional<StoredCertificate> findByName(String name);

    List<StoredCertificate> findBySubject(String subject);

    boolean existsByName(String name);

    boolean existsByNameAndIdNot(String name, Long id);

    List<StoredCertificate> findByIssuerAndIssuedByAuthorityIdIsNull(String issuer);

    List<StoredCertificate> findByIssuedByAuthorityIdAndRevokedAtIsNotNull(Long authorityId);

    long countByIssuedByAuthorityId(Long authorityId);

    long countByNotAfterBefore(Instant now);

    @Query("select count(c) from StoredCertificate c where c.notAfter < :until and c.notAfter >= :from")
    long countExpiringBetween(Instant from, Instant until);

    @Query("select count(c) from StoredCertificate c where c.notAfter >= :from")
    long countExpiringFrom(Instant from);

    @Query("select c from StoredCertificate c where c.notAfter >= :now order by c.notAfter asc")
    List<StoredCertificate> findNextExpiring(Instant now, Pageable pageable);
}
