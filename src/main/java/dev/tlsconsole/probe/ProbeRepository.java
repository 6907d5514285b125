package dev.tlsconsole.probe;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProbeRepository extends JpaRepository<Probe, Long> {

    Page<Probe> findByApplicationNameAndPortId(String applicationName, String portId, Pageable pageable);

    Page<Probe> findByApplicationName(String applicationName, Pageable pageable);

    /** Newest first: the last probe of a port and the one before it. */
    List<Probe> findTop2ByApplicationIdAndPortIdOrderByProbedAtDescIdDesc(long applicationId, String portId);
}
