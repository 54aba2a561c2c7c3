package io.vigie.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class OperationsServerTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(OperationsServer ops, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ops.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void metricsCountExactlyWhatWasRecordedAndReadinessFollowsItsChecks() throws Exception {
        AtomicBoolean kafkaUp = new AtomicBoolean(false);
        // A fixed clock keeps the first check result; a clock past the TTL re-evaluates.
        Instant[] now = {Instant.parse("2026-12-03T12:00:00Z")};
        Clock clock = new Clock() {
            @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now[0]; }
        };
        try (Telemetry telemetry = new Telemetry("ops-test");
                OperationsServer ops = OperationsServer.start("127.0.0.1", 0, telemetry,
                        List.of(new ReadinessCheck("services", () -> true),
                                new ReadinessCheck("kafka", kafkaUp::get)), clock)) {
            StageMetrics ingest = new StageMetrics(telemetry.registry(), "ingest");
            ingest.mentionsOut(3);
            ingest.mentionsOut(4);
            ingest.deadLetter("entry without identity: <item>");
            ingest.deadLetter("entry without identity: <other>");

            assertEquals(200, get(ops, "/health/live").statusCode());
            HttpResponse<String> notReady = get(ops, "/health/ready");
            assertEquals(503, notReady.statusCode());
            assertEquals("{\"ready\":false,\"checks\":{\"services\":true,\"kafka\":false}}", notReady.body());

            kafkaUp.set(true);
            assertEquals(503, get(ops, "/health/ready").statusCode(), "kept for the TTL");
            now[0] = now[0].plus(OperationsServer.CHECK_TTL);
            assertEquals(200, get(ops, "/health/ready").statusCode());

            String metrics = get(ops, "/metrics").body();
            assertTrue(metrics.contains("vigie_mentions_out_total{instance_id=\"ops-test\",stage=\"ingest\"} 7.0"), metrics);
            assertTrue(metrics.contains("vigie_dead_letters_total{instance_id=\"ops-test\",reason=\"entry without identity\","
                    + "stage=\"ingest\"} 2.0"), metrics);
            assertTrue(metrics.contains("vigie_ready{check=\"kafka\",instance_id=\"ops-test\"} 1.0"), metrics);
            assertTrue(metrics.contains("jvm_memory_used_bytes"), "JVM meters are bound");
            assertTrue(metrics.contains("vigie_hop_latency_seconds_count{hop=\"raw-scored\",instance_id=\"ops-test\"} 0"),
                    "every hop's timer exists before its first record");
        }
    }
}
