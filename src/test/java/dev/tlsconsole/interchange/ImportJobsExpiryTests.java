package dev.tlsconsole.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import dev.tlsconsole.interchange.GenesysFiles.Upload;
import dev.tlsconsole.support.ConsoleTest;
import dev.tlsconsole.support.MutableClock;
import dev.tlsconsole.topology.TopologyApi;

/** The Import page's background jobs do not stay in memory forever: a finished job nobody asks for expires. */
@ConsoleTest
class ImportJobsExpiryTests {

    @Autowired
    ImportJobs jobs;
    @Autowired
    ImportLimits limits;
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    @WithMockUser(username = "expiry-operator", roles = "OPERATOR")
    void aFinishedJobNobodyAsksForExpiresAndOneStillFollowedStays() {
        ImportJobs.Job abandoned = finished(jobs.start("expiry-operator", plan(), true, false));
        ImportJobs.Job followed = finished(jobs.start("expiry-operator", plan(), true, false));
        Duration half = limits.jobRetention().dividedBy(2);

        clock.advance(half.plusMinutes(1));
        assertThat(jobs.find(followed.id, "expiry-operator")).isPresent();
        clock.advance(half);

        assertThat(jobs.find(abandoned.id, "expiry-operator")).isEmpty();
        assertThat(jobs.find(followed.id, "expiry-operator")).isPresent();
        clock.advance(limits.jobRetention().plusMinutes(1));
        assertThat(jobs.find(followed.id, "expiry-operator")).isEmpty();
    }

    private ImportJobs.Job finished(ImportJobs.Job job) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> job.finished);
        assertThat(job.plan).isNotNull();
        return job;
    }

    private static List<Upload> plan() {
        return List.of(new Upload("hosts.csv", ("name,ipAddress,osType,osVersion,securityPackVersion\r\n"
                + TopologyApi.unique("expiry") + "," + TopologyApi.uniqueIp() + ",UNIX,,8.5.1\r\n").getBytes(StandardCharsets.UTF_8)));
    }
}
