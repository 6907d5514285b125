package dev.tlsconsole.interchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Component;

import dev.tlsconsole.InvalidInputException;
import dev.tlsconsole.InvalidInputException.FieldProblem;
import dev.tlsconsole.interchange.GenesysFiles.Upload;

import jakarta.annotation.PreDestroy;

/**
 * Imports started from the Import page run here, one after another on a background thread, so that the
 * page can show their progress while they run (a plan or an apply of tens of thousands of objects takes
 * a while). The signed-in user's security context goes with the job: the import's own authorisation and
 * audit attribution are unchanged. A job is seen only by the user who started it, and forgotten once its
 * result was shown, when more than {@value #KEPT} jobs are kept, or when it has finished and nobody asked
 * for it during {@code console.imports.job-retention} (a page closed while its import ran).
 * <p>
 * The jobs live in this instance's memory: behind a load balancer the page must reach the instance that
 * started its job (sticky sessions); see the README (§ Genesys interchange).
 */
@Component
class ImportJobs {

    static final int KEPT = 20;

    /** One import: its progress while it runs, then its plan or the problems that stopped it. */
    static final class Job {

        final String id = UUID.randomUUID().toString();
        final String owner;
        final boolean dryRun;
        final boolean prune;
        final List<Upload> uploads;
        final ImportProgress progress = new ImportProgress();
        volatile ImportPlan plan;
        volatile List<FieldProblem> problems;
        volatile boolean finished;
        /** When the job was started, last asked for, or finished. */
        volatile Instant touched;

        Job(String owner, List<Upload> uploads, boolean dryRun, boolean prune, Instant now) {
            this.touched = now;
            this.owner = owner;
            this.uploads = uploads;
            this.dryRun = dryRun;
            this.prune = prune;
        }
    }

    private final InterchangeImport importer;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "genesys-import");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration retention;

    ImportJobs(InterchangeImport importer, Clock clock, ImportLimits limits) {
        this.importer = importer;
        this.clock = clock;
        this.retention = limits.jobRetention();
    }

    /** Starts importing {@code uploads} for {@code owner}; the job runs with the caller's security context. */
    Job start(String owner, List<Upload> uploads, boolean dryRun, boolean prune) {
        forgetExpired();
        forgetOldest();
        Job job = new Job(owner, new ArrayList<>(uploads), dryRun, prune, clock.instant());
        jobs.put(job.id, job);
        executor.execute(new DelegatingSecurityContextRunnable(() -> run(job)));
        return job;
    }

    /** The job {@code id} if {@code owner} started it. */
    Optional<Job> find(String id, String owner) {
        forgetExpired();
        Optional<Job> found = Optional.ofNullable(jobs.get(id)).filter(job -> job.owner.equals(owner));
        found.ifPresent(job -> job.touched = clock.instant());
        return found;
    }

    /** How many jobs this instance keeps (running, waiting or finished). */
    int size() {
        return jobs.size();
    }

    /** Finished jobs nobody asked for during the retention: their plans and files are dropped. */
    private void forgetExpired() {
        Instant limit = clock.instant().minus(retention);
        jobs.values().removeIf(job -> job.finished && job.touched.isBefore(limit));
    }

    void forget(Job job) {
        jobs.remove(job.id);
    }

    private void run(Job job) {
        try {
            job.plan = job.progress.during(() -> importer.importGenesys(job.uploads, job.dryRun, job.prune));
        } catch (InvalidInputException e) {
            job.problems = e.problems();
        } catch (RuntimeException e) {
            // shown as one problem on the page; the transaction was rolled back, nothing was written
            job.problems = List.of(new FieldProblem("", e.getClass().getSimpleName()));
            throw e;
        } finally {
            job.progress.phase(ImportProgress.Phase.DONE, 0);
            job.touched = clock.instant();
            job.finished = true;
        }
    }

    private void forgetOldest() {
        if (jobs.size() < KEPT) {
            return;
        }
        Iterator<Job> finished = jobs.values().stream().filter(job -> job.finished).toList().iterator();
        while (jobs.size() >= KEPT && finished.hasNext()) {
            jobs.remove(finished.next().id);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
