package io.vigie.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.runtime.config.ConfigDocument;
import io.vigie.runtime.local.LocalCluster;
import io.vigie.runtime.local.SharedLocalCluster;
import io.vigie.runtime.metrics.OperationsServer;
import io.vigie.runtime.metrics.Telemetry;
import io.vigie.runtime.service.StageContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small pipeline run (ingest, analyze, dashboards on the real broker and Elasticsearch, as {@code vigie run}
 * starts them), then a scrape of {@code /metrics}: ingest's counters moved by exactly the feed's four items, the
 * indexer's by at least the three brand mentions (its new group also reads other ITs' records on the shared
 * cluster), readiness is true for every check.
 */
class MetricsIT {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The value of the sample {@code name} whose labels contain every one of {@code labels}, 0 when absent. */
    static double sample(String scrape, String name, String... labels) {
        double sum = 0;
        for (String line : scrape.lines().toList()) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            boolean all = true;
            for (String label : labels) {
                all &= line.contains(label);
            }
            if (all) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    private static boolean hasIndexerLag(String scrape) {
        return scrape.lines().anyMatch(l -> l.startsWith("kafka_consumer_fetch_manager_records_lag_max{")
                && l.contains("stage=\"dashboards\"") && l.contains("topic=\"mentions.scored\""));
    }

    /** Mentions in the run's index whose URL is on {@code base} (the run's own feed site). */
    private long indexedFrom(LocalCluster cluster, String base) throws Exception {
        String body = "{\"query\":{\"prefix\":{\"url\":\"" + base + "/\"}}}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        cluster.elasticsearchUrl().resolve("/vigie-metrics-it/_count?ignore_unavailable=true"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            return 0; // the alias is created by the indexer at start
        }
        return JSON.readTree(r.body()).path("count").asLong();
    }

    private String get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void aScrapeAfterASmallRunCountsEveryMentionPublishedAndIndexed(@TempDir Path dir) throws Exception {
        LocalCluster cluster = SharedLocalCluster.get();
        try (FeedSite site = FeedSite.start()) {
            site.publish("Kryptonite lock review", "Nice ride today, my Kryptonite lock did its job at the station.");
            site.publish("Antivol Kryptonite", "Mon antivol Kryptonite tient bien, rien à signaler sur mon vélo.");
            site.publish("Kryptonite again", "Bought a second Kryptonite lock for the cargo bike, works fine.");
            site.publish("Superman is weakened by kryptonite", "Clark Kent meets a glowing kryptonite rock in the film.");
            String yaml = """
                    ingest:
                      contactUrl: https://vigie.example.org/metrics-test
                      allowedPrivateRanges: [127.0.0.0/8]
                      minHostDelayMillis: 200
                      sources:
                        - {name: metrics-forum, url: %s, kind: feed, minPollSeconds: 1, maxPollSeconds: 2, brands: [kryptonite]}
                    analyze:
                      applicationId: vigie-analyze-metrics-it
                    brands:
                      - {id: kryptonite, name: Kryptonite, query: 'kryptonite -superman -"clark kent"', languages: [fr, en]}
                    dashboards:
                      indexer: {consumerGroup: vigie-indexer-metrics-it, flushIntervalMillis: 200, indexPrefix: vigie-metrics-it}
                      http: {enabled: false}
                    """.formatted(site.feedUrl());
            ConfigDocument doc = ConfigDocument.parse(yaml, "metrics vigie.yml", name -> null);
            try (Telemetry telemetry = new Telemetry("metrics-it")) {
                StageContext context = new StageContext(doc, cluster.kafka(), cluster.elasticsearch(), "metrics-it",
                        dir.resolve("state"), Clock.systemUTC(), telemetry.registry());
                List<io.vigie.runtime.service.Stage> stages =
                        StageSelection.select(Stages.all(), List.of("ingest", "analyze", "dashboards"));
                try (ServiceRunner runner = ServiceRunner.start(stages, context);
                        OperationsServer ops = OperationsOptions.start("127.0.0.1", 0, telemetry, runner,
                                cluster.kafka(), cluster.elasticsearch())) {
                    // Wait for this run's own items: ingest's count, and the three brand mentions from this site in
                    // the index (the indexer's count alone can be reached by other ITs' records on the cluster).
                    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
                    String scrape = get(ops.port(), "/metrics");
                    long indexed = indexedFrom(cluster, site.base());
                    while ((sample(scrape, "vigie_mentions_out_total", "stage=\"ingest\"") < 4 || indexed < 3)
                            && System.nanoTime() < deadline) {
                        Thread.sleep(500);
                        scrape = get(ops.port(), "/metrics");
                        indexed = indexedFrom(cluster, site.base());
                    }
                    // The three Kryptonite posts, not the film's kryptonite (the brand query excludes it).
                    assertEquals(3, indexed, "mentions of this run's site in the index");
                    // A few more polls of the unchanged feed: nothing new may be counted.
                    Thread.sleep(5_000);
                    scrape = get(ops.port(), "/metrics");

                    assertEquals(4, sample(scrape, "vigie_mentions_out_total", "stage=\"ingest\""), scrape);
                    assertEquals(4, sample(scrape, "vigie_hop_latency_seconds_count", "hop=\"fetched-raw\""), scrape);
                    // The indexer's new consumer group also reads what other ITs left on the shared cluster's
                    // topics: at least this run's three brand mentions, not exactly.
                    assertTrue(sample(scrape, "vigie_mentions_out_total", "stage=\"dashboards\"") >= 3, scrape);
                    assertTrue(sample(scrape, "vigie_feeds_polled_total", "outcome=\"ok\"") >= 1, scrape);
                    assertTrue(scrape.lines().anyMatch(l -> l.startsWith("kafka_producer_") && l.contains("stage=\"ingest\"")),
                            "ingest's producer metrics: " + scrape);
                    // The feeds gauges (this run's site answers; earlier ITs' closed sites may be failing).
                    assertTrue(sample(scrape, "vigie_feeds", "state=\"polled\"") >= 1, scrape);
                    assertTrue(scrape.contains("vigie_feeds{") && scrape.contains("state=\"backoff\""), scrape);
                    // No "failed == 0": ingest polls every source in ingest.state, and on the shared cluster that includes
                    // the sources of earlier ITs, whose sites are closed (seen in CI: 3 failed polls, 0 dead letters).
                    // This run's own feed is proven read by the exact ingest count and the index above.
                    assertTrue(sample(scrape, "vigie_elasticsearch_bulk_seconds_count", "outcome=\"ok\"") >= 1, scrape);
                    assertEquals(0, sample(scrape, "vigie_dead_letters_total"), scrape);
                    // Analyze counts what its scoring step took in and passed on (this run's four raw records at
                    // least: its new application reads what other ITs left too) and times raw → scored; the
                    // indexer times scored → indexed.
                    assertTrue(sample(scrape, "vigie_mentions_in_total", "stage=\"analyze\"") >= 4, scrape);
                    assertTrue(sample(scrape, "vigie_mentions_out_total", "stage=\"analyze\"") >= 3, scrape);
                    assertTrue(sample(scrape, "vigie_hop_latency_seconds_count", "hop=\"raw-scored\"") >= 3, scrape);
                    assertTrue(sample(scrape, "vigie_hop_latency_seconds_count", "hop=\"scored-indexed\"") >= 3, scrape);
                    // Kafka's own metrics through Micrometer's binders: both Streams applications, and the
                    // indexer's consumer with its lag.
                    assertTrue(scrape.contains("kafka_stream_thread_process_total{"), "Streams metrics: " + scrape);
                    // The binder looks for new client metrics every 10 s; per-partition lag appears after assignment.
                    long lagDeadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    while (!hasIndexerLag(scrape) && System.nanoTime() < lagDeadline) {
                        Thread.sleep(1_000);
                        scrape = get(ops.port(), "/metrics");
                    }
                    assertTrue(hasIndexerLag(scrape), "the indexer consumer's lag: " + scrape);
                    // Readiness may drop for a moment (a Streams rebalance); it must hold again within a minute.
                    String ready = get(ops.port(), "/health/ready");
                    long readyDeadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    while (!ready.contains("\"ready\":true") && System.nanoTime() < readyDeadline) {
                        Thread.sleep(1_000);
                        ready = get(ops.port(), "/health/ready");
                    }
                    assertEquals("{\"ready\":true,\"checks\":{\"services\":true,\"kafka\":true,\"elasticsearch\":true}}",
                            ready);
                    assertEquals(1, sample(get(ops.port(), "/metrics"), "vigie_ready", "check=\"kafka\""));
                }
            }
        }
    }
}
