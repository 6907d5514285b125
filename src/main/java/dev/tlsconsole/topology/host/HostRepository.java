package dev.tlsconsole.topology.host;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

/** Hosts; names are looked up by their case-insensitive key ({@link Host#key(String)}). */
public interface HostRepository extends JpaRepository<Host, Long>, JpaSpecificationExecutor<Host> {

    Optional<Host> findByNameKey(String nameKey);

    boolean existsByNameKey(String nameKey);

    @Query("select h.name from Host h order by h.nameKey")
    List<String> findAllNames();
}
