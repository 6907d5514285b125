package dev.tlsconsole.topology.bulk;

import java.io.IOException;
import java.io.InputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import dev.tlsconsole.audit.AuditTrail;
import dev.tlsconsole.audit.SystemActor;
import dev.tlsconsole.topology.TopologyQueries;
import dev.tlsconsole.topology.bulk.TopologyImport.ImportResult;

import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code demo} profile: on start, an empty topology receives the sample of
 * {@value #LOCATION} through the ordinary import (so the demo also proves the import), recorded in the
 * audit trail as {@value AuditTrail#SYSTEM}. A topology that holds anything is left alone.
 */
@Component
@Profile("demo")
class DemoTopologySeeder {

    static final String LOCATION = "classpath:demo/topology.json";
    private static final Logger log = LoggerFactory.getLogger(DemoTopologySeeder.class);

    private final TopologyImport importer;
    private final TopologyQueries queries;
    private final JsonMapper mapper;
    private final ResourceLoader resources;

    DemoTopologySeeder(TopologyImport importer, TopologyQueries queries, JsonMapper mapper, ResourceLoader resources) {
        this.importer = importer;
        this.queries = queries;
        this.mapper = mapper;
        this.resources = resources;
    }

    /** First of the demo seeders: the certificates' demo needs the hosts to exist. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void onReady() throws IOException {
        seedIfEmpty();
    }

    /** Imports the sample when there are no hosts, applications or connections; returns what was created, or null. */
    ImportResult seedIfEmpty() throws IOException {
        TopologyQueries.Counts counts = queries.counts();
        if (counts.hosts() + counts.applications() + counts.connections() > 0) {
            log.info("Demo topology not loaded: the topology already holds {} hosts", counts.hosts());
            return null;
        }
        TopologyDocument document;
        try (InputStream in = resources.getResource(LOCATION).getInputStream()) {
            document = mapper.readValue(in, TopologyDocument.class);
        }
        return SystemActor.asOperator(() -> {
            ImportResult result = importer.importDocument(document);
            log.info("Demo topology loaded: {} hosts, {} applications, {} connections", result.hosts(),
                    result.applications(), result.connections());
            return result;
        });
    }
}
