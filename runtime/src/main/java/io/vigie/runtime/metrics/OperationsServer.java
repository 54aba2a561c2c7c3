package io.vigie.runtime.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Gauge;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The operators' endpoints of one process, on their own port (never the dashboards' one, so they can be firewalled
 * apart): {@code GET /metrics} (Prometheus text), {@code GET /health/live} (200 while the process serves requests),
 * {@code GET /health/ready} (200 when every {@link ReadinessCheck} holds, else 503, with each check's state).
 * Checks reach the clusters, so their results are kept {@link #CHECK_TTL} to bound the load of frequent probes.
 */
public final class OperationsServer implements AutoCloseable {
    static final Duration CHECK_TTL = Duration.ofSeconds(5);

    private record Result(boolean holds, Instant at) {}

    private final HttpServer server;
    private final Telemetry telemetry;
    private final List<ReadinessCheck> checks;
    private final Clock clock;
    private final Map<String, Result> last = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "vigie-operations-http");
        t.setDaemon(true);
        return t;
    });

    private OperationsServer(HttpServer server, Telemetry telemetry, List<ReadinessCheck> checks, Clock clock) {
        this.server = server;
        this.telemetry = telemetry;
        this.checks = List.copyOf(checks);
        this.clock = clock;
    }

    /** Binds {@code host:port} (0: a free port) and starts serving. */
    public static OperationsServer start(String host, int port, Telemetry telemetry, List<ReadinessCheck> checks,
            Clock clock) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve /metrics on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        OperationsServer ops = new OperationsServer(server, telemetry, checks, clock);
        for (ReadinessCheck check : checks) {
            Gauge.builder(MetricNames.READY, ops, o -> o.holds(check) ? 1 : 0)
                    .description("1 while the readiness check holds").tag("check", check.name())
                    .register(telemetry.registry());
        }
        server.createContext("/metrics", ex -> respond(ex, 200, "text/plain; version=0.0.4; charset=utf-8",
                telemetry.scrape()));
        server.createContext("/health/live", ex -> respond(ex, 200, "application/json", "{\"live\":true}"));
        server.createContext("/health/ready", ops::ready);
        server.setExecutor(ops.executor);
        server.start();
        return ops;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Every check's state now (within {@link #CHECK_TTL}). */
    public Map<String, Boolean> readiness() {
        Map<String, Boolean> states = new LinkedHashMap<>();
        for (ReadinessCheck check : checks) {
            states.put(check.name(), holds(check));
        }
        return states;
    }

    private boolean holds(ReadinessCheck check) {
        Instant now = clock.instant();
        Result r = last.get(check.name());
        if (r == null || Duration.between(r.at(), now).compareTo(CHECK_TTL) >= 0) {
            r = new Result(check.holds().getAsBoolean(), now);
            last.put(check.name(), r);
        }
        return r.holds();
    }

    private void ready(HttpExchange ex) throws IOException {
        Map<String, Boolean> states = readiness();
        boolean ready = states.values().stream().allMatch(b -> b);
        StringBuilder json = new StringBuilder("{\"ready\":").append(ready).append(",\"checks\":{");
        String sep = "";
        for (var e : states.entrySet()) {
            json.append(sep).append('"').append(e.getKey()).append("\":").append(e.getValue());
            sep = ",";
        }
        respond(ex, ready ? 200 : 503, "application/json", json.append("}}").toString());
    }

    private static void respond(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
