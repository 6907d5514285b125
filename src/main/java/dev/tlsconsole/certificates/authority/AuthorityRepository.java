package dev.tlsconsole.certificates.authority;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface AuthorityRepository extends JpaRepository<CertificateAuthority, Long> {

    Optional<CertificateAuthority> findByName(String name);

    boolean existsByName(String name);

    boolean existsByNameAndIdNot(String name, Long id);

    List<CertificateAuthority> findAllByOrderByNameAsc();
}
