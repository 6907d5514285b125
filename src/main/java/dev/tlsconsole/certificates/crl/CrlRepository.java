package dev.tlsconsole.certificates.crl;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface CrlRepository extends JpaRepository<Crl, Long> {

    Optional<Crl> findFirstByAuthorityIdOrderByThisUpdateDescIdDesc(Long authorityId);

    Optional<Crl> findFirstByIssuerOrderByThisUpdateDescIdDesc(String issuer);

    Optional<Crl> findBySha256Fingerprint(String sha256Fingerprint);

    Page<Crl> findByAuthorityId(Long authorityId, Pageable pageable);

    Page<Crl> findByIssuerContainingIgnoreCase(String issuer, Pageable pageable);
}
