package io.vigie.app;

import io.vigie.runtime.service.Stage;
import io.vigie.runtime.service.StageContext;
import io.vigie.runtime.service.VigieService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the services of some stages and stops them in reverse order: the one lifecycle of {@code vigie local},
 * {@code vigie run} and {@code vigie ingest} (and the other single-stage commands).
 *
 * <p>Every stage builds its services before any starts, so a configuration error (which names key and line) stops
 * the launch before anything connects anywhere.
 */
public final class ServiceRunner implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ServiceRunner.class);
    private static final java.time.Duration READY_CHECK = java.time.Duration.ofMillis(500);
    private static final java.time.Duration READY_LOG_EVERY = java.time.Duration.ofSeconds(30);

    private final List<VigieService> built;
    private final List<VigieService> started = new ArrayList<>();

    private ServiceRunner(List<VigieService> built) {
        this.built = List.copyOf(built);
    }

    /**
     * Builds (does not start) every service of {@code stages}: each stage binds and validates its configuration
     * section here, so an error is reported before anything starts.
     */
    static ServiceRunner build(List<Stage> stages, StageContext context) {
        List<VigieService> services = new ArrayList<>();
        for (Stage stage : stages) {
            List<VigieService> fromStage = stage.services(context);
            log.info("stage built stage={} services={}", stage.name(),
                    fromStage.stream().map(VigieService::name).toList());
            services.addAll(fromStage);
        }
        return new ServiceRunner(services);
    }

    /** Builds then starts every service of {@code stages}; on failure stops what started and rethrows. */
    public static ServiceRunner start(List<Stage> stages, StageContext context) {
        ServiceRunner runner = build(stages, context);
        runner.start();
        return runner;
    }

    /** Starts the built services in order; on failure stops what started and rethrows. */
    void start() {
        try {
            for (VigieService service : built) {
                long t = System.nanoTime();
                service.start();
                started.add(service);
                log.info("service started name={} startMs={}", service.name(), (System.nanoTime() - t) / 1_000_000);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The started services that say they cannot do their job right now ({@link VigieService#readyNow()}). */
    public List<String> notReadyNow() {
        return started.stream().filter(s -> !s.readyNow()).map(VigieService::name).toList();
    }

    /**
     * Waits until every started service says it is ready, at most {@code timeout} in all; returns the names of those
     * that are not (empty when all are).
     */
    public List<String> awaitReady(java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> notReady = new ArrayList<>();
        for (VigieService service : started) {
            java.time.Duration left = java.time.Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            if (!service.awaitReady(left)) {
                notReady.add(service.name());
            }
        }
        return notReady;
    }

    /**
     * Waits until every service is ready or a stop is requested, logging every 30 s which services it waits for;
     * true when all are ready. What a launcher calls before printing its "ready" line.
     */
    public boolean awaitReadyUnless(ShutdownSignal signal) throws InterruptedException {
        long since = System.nanoTime();
        long lastLog = since;
        for (List<String> waiting = awaitReady(READY_CHECK); !waiting.isEmpty(); waiting = awaitReady(READY_CHECK)) {
            if (signal.requested()) {
                return false;
            }
            if (System.nanoTime() - lastLog > READY_LOG_EVERY.toNanos()) {
                log.warn("event=waiting_for_services services={} waitedMs={}", String.join(",", waiting),
                        (System.nanoTime() - since) / 1_000_000);
                lastLog = System.nanoTime();
            }
        }
        return !signal.requested();
    }

    public List<String> serviceNames() {
        return built.stream().map(VigieService::name).toList();
    }

    /** Stops every started service, last started first; a failing stop is logged and the others still stop. */
    @Override
    public void close() {
        List<VigieService> reverse = new ArrayList<>(started);
        Collections.reverse(reverse);
        for (VigieService service : reverse) {
            long t = System.nanoTime();
            try {
                service.close();
                log.info("service stopped name={} stopMs={}", service.name(), (System.nanoTime() - t) / 1_000_000);
            } catch (RuntimeException e) {
                log.error("service stop failed name={} reason={}", service.name(), e.toString(), e);
            }
        }
        started.clear();
    }
}
