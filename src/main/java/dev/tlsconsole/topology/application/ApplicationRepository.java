package dev.tlsconsole.topology.application;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

/** Applications; names are looked up by their case-insensitive key ({@link Application#key(String)}). */
public interface ApplicationRepository extends JpaRepository<Application, Long>, JpaSpecificationExecutor<Application> {

    /** A page with host and backup fetched in the same query (lists show their names). */
    @Override
    @EntityGraph(attributePaths = {"host", "backup"})
    Page<Application> findAll(Specification<Application> specification, Pageable pageable);

    Optional<Application> findByNameKey(String nameKey);

    boolean existsByNameKey(String nameKey);

    @Query("select a.name from Application a order by a.nameKey")
    List<String> findAllNames();
}
