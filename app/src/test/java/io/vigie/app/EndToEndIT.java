package io.vigie.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.model.BrandStats;
import io.vigie.model.RawMention;
import io.vigie.model.SignalPhase;
import io.vigie.model.SpikeSignal;
import io.vigie.model.Topics;
import io.vigie.model.VigieJson;
import io.vigie.runtime.config.ConfigDocument;
import io.vigie.runtime.local.LocalCluster;
import io.vigie.runtime.local.Ports;
import io.vigie.runtime.local.SharedLocalCluster;
import io.vigie.runtime.service.StageContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline in one process, as {@code vigie local} and {@code vigie run} start it ({@link Stages#all()}
 * through {@link ServiceRunner}), on the real broker and Elasticsearch: a local site publishes an RSS feed about
 * Kryptonite, first calm, then a crisis of negative French and English posts spread over several polls. Nothing is
 * produced to a topic by the test: every record comes from the feed.
 *
 * <p>Detector settings, and why: the committed series parameters need 12 h of a brand's history before they alarm
 * ({@code warmUp}), which no test can wait for. {@code analyze.spikes.warmUp: PT0S} lets the detector alarm from the
 * second closed minute on, so the calm baseline is one real closed minute of calm mentions (the detector learns its
 * level from it) — the minimal honest evidence. {@code analyze.grace: PT10S} closes a minute 10 s after its end
 * instead of 5 minutes. The crisis then STARTs from the open minute, as in production.
 */
class EndToEndIT {
    private static final Logger log = LoggerFactory.getLogger(EndToEndIT.class);
    private static final String SECRET = "end-to-end-webhook-secret-0123456789";
    /** The dashboards' pages and API need a signed-in user or an API token; the test is a script with a viewer token. */
    private static final String DASHBOARD_TOKEN = io.vigie.dashboards.web.auth.ApiTokens.newToken();
    private static final String BRAND = "kryptonite";
    private static final ObjectMapper JSON = VigieJson.newMapper();

    private static final String[] CRISIS_FR = {
        "Scandale : un cadenas Kryptonite ouvert en dix secondes avec un simple stylo Bic. Honteux, je suis furieux (%d).",
        "Kryptonite ne répond pas, c'est nul. Mon vélo volé, antivol Kryptonite inutile, arnaque totale (%d).",
        "Antivol Kryptonite crocheté au stylo : honte à Kryptonite, c'est nul et inadmissible, client furieux (%d).",
    };
    private static final String[] CRISIS_EN = {
        "Kryptonite lock opened with a Bic pen in seconds. Terrible, worst lock ever, I am furious (%d).",
        "My bike got stolen, the Kryptonite lock was useless. Awful company, total scam, never again (%d).",
        "Kryptonite still silent about the pen hack. Disgusting, shameful, angry customers everywhere (%d).",
    };

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aCrisisInALocalFeedIsSearchableRaisesOneSignedAlertPerIncidentAndShowsOnTheLivePage(@TempDir Path dir)
            throws Exception {
        long t0 = System.nanoTime();
        LocalCluster cluster = SharedLocalCluster.get();
        log.info("e2e step=cluster_ready ms={}", ms(t0));
        int[] ports = Ports.free(2);
        int pagePort = ports[0];
        int apiPort = ports[1];
        try (FeedSite site = FeedSite.start(); WebhookReceiver hook = WebhookReceiver.start(SECRET);
                TopicTail<BrandStats> stats = new TopicTail<>(cluster, Topics.BRAND_STATS, BrandStats.class);
                TopicTail<SpikeSignal> signals = new TopicTail<>(cluster, Topics.SIGNALS, SpikeSignal.class);
                TopicTail<RawMention> raw = new TopicTail<>(cluster, Topics.MENTIONS_RAW, RawMention.class)) {
            String yaml = """
                    ingest:
                      contactUrl: https://vigie.example.org/end-to-end-test
                      allowedPrivateRanges: [127.0.0.0/8]
                      minHostDelayMillis: 200
                      sources:
                        - name: velo-forum
                          url: %1$s
                          kind: feed
                          minPollSeconds: 1
                          maxPollSeconds: 2
                          brands: [kryptonite]
                    analyze:
                      applicationId: vigie-analyze-e2e
                      grace: PT10S
                      spikes: {warmUp: PT0S, quiet: PT2M}
                    brands:
                      - id: kryptonite
                        name: Kryptonite
                        query: 'kryptonite -superman -"clark kent"'
                        languages: [fr, en]
                    alerting:
                      publicBaseUrl: http://127.0.0.1:%3$d
                      dashboardUrl: http://127.0.0.1:%4$d/?brand={brand}
                      signingSecret: %5$s
                      api: {host: 127.0.0.1, port: %3$d}
                      defaultReceiver: crisis-hook
                      # The kinds of the crisis arrive seconds apart: a group wait makes them one message.
                      timing: {groupWait: 10s}
                      receivers:
                        - {name: crisis-hook, type: webhook, url: "%2$s", language: fr, timeZone: Europe/Paris}
                    dashboards:
                      indexer:
                        consumerGroup: vigie-indexer-e2e
                        flushIntervalMillis: 200
                      http: {host: 127.0.0.1, port: %4$d}
                      apiTokens:
                        - {name: end-to-end, role: viewer, sha256: %6$s}
                    """.formatted(site.feedUrl(), hook.url(), apiPort, pagePort, SECRET,
                    io.vigie.dashboards.web.auth.ApiTokens.sha256(DASHBOARD_TOKEN));
            ConfigDocument doc = ConfigDocument.parse(yaml, "end-to-end vigie.yml", name -> null);
            StageContext context = new StageContext(doc, cluster.kafka(), cluster.elasticsearch(), "e2e-1",
                    dir.resolve("state"), Clock.systemUTC());

            try (ServiceRunner runner = ServiceRunner.start(Stages.all(), context)) {
                log.info("e2e step=services_started ms={} services={}", ms(t0), runner.serviceNames());

                // Calm: a couple of ordinary posts, and Superman's kryptonite, which is not the brand.
                String homonym = site.publish("Superman is weakened by kryptonite again in the new movie",
                        "Clark Kent loses his powers near a glowing green kryptonite rock in the new Superman film.");
                List<String> calm = new java.util.concurrent.CopyOnWriteArrayList<>();
                calm.add(site.publish("Kryptonite lock review", "Nice ride today, my Kryptonite lock did its job at the station."));
                calm.add(site.publish("Antivol Kryptonite", "Mon antivol Kryptonite tient bien, rien à signaler sur mon vélo."));

                // The baseline: one minute with those calm mentions, closed (its final figures out) and seen by the detector.
                // A mention that reaches the stream after its minute closed (a slow start on a loaded machine) is
                // not counted, by design: then another calm post is published, until the brand's figures move.
                long[] lastCalm = {System.nanoTime()};
                BrandStats baseline = await("a closed 1-minute window of calm mentions in brand.stats", Duration.ofSeconds(150),
                        () -> {
                            List<BrandStats> mine = stats.values().stream().filter(s -> s.brand().equals(BRAND)).toList();
                            if (mine.isEmpty() && System.nanoTime() - lastCalm[0] > Duration.ofSeconds(20).toNanos()) {
                                calm.add(site.publish("Kryptonite", "Another ordinary day with my Kryptonite lock."));
                                lastCalm[0] = System.nanoTime();
                            }
                            return mine.stream().filter(s -> s.window().equals("PT1M") && s.closed() && s.volume() >= 1)
                                    .findFirst().orElse(null);
                        });
                log.info("e2e step=baseline_closed ms={} windowStart={} volume={}", ms(t0), baseline.windowStart(), baseline.volume());
                assertTrue(signals.values().stream().noneMatch(s -> s.brand().equals(BRAND)),
                        "a calm brand raises no signal: " + signals.values());

                // The crisis: negative posts in French and English, in three waves, each read by its own poll.
                Instant crisisStart = Instant.now();
                List<String> crisis = new ArrayList<>();
                int n = 0;
                for (int wave = 0; wave < 3; wave++) {
                    for (int i = 0; i < 4; i++, n++) {
                        crisis.add(site.publish("Kryptonite : la crise (" + n + ")", CRISIS_FR[n % 3].formatted(n)));
                        crisis.add(site.publish("Kryptonite crisis (" + n + ")", CRISIS_EN[n % 3].formatted(n)));
                    }
                    int fetchesBefore = site.fetches();
                    await("a poll of the feed after wave " + wave, Duration.ofSeconds(20),
                            () -> site.fetches() > fetchesBefore + 1 ? Boolean.TRUE : null);
                }
                log.info("e2e step=crisis_published ms={} items={}", ms(t0), crisis.size());

                // Ingest read everything, the homonym included.
                Set<String> urlsRead = new HashSet<>();
                await("every item in mentions.raw", Duration.ofSeconds(30), () -> {
                    raw.values().forEach(m -> urlsRead.add(m.url()));
                    return urlsRead.containsAll(crisis) && urlsRead.containsAll(calm) && urlsRead.contains(homonym)
                            ? Boolean.TRUE : null;
                });

                SpikeSignal start = await("a START signal for the brand", Duration.ofSeconds(60),
                        () -> signals.values().stream().filter(s -> s.brand().equals(BRAND) && s.phase() == SignalPhase.START)
                                .findFirst().orElse(null));
                long signalMs = Duration.between(crisisStart, Instant.now()).toMillis();
                log.info("e2e step=signal ms={} afterCrisisMs={} kind={} observed={} expected={} explanation={}", ms(t0),
                        signalMs, start.kind(), start.observed(), start.expected(), start.explanation());
                assertTrue(start.observed() > start.expected(), start.toString());
                assertFalse(start.mentionIds().isEmpty(), "a signal names the mentions that drove it");

                // Incidents, through the alerting API.
                JsonNode incidents = await("an incident for the brand in the alerting API", Duration.ofSeconds(30), () -> {
                    JsonNode all = getJson("http://127.0.0.1:" + apiPort + "/api/incidents");
                    List<JsonNode> mine = new ArrayList<>();
                    all.forEach(i -> {
                        if (BRAND.equals(i.path("brand").asText())) {
                            mine.add(i);
                        }
                    });
                    return mine.isEmpty() ? null : JSON.valueToTree(mine);
                });
                Set<String> incidentIds = new HashSet<>();
                incidents.forEach(i -> incidentIds.add(i.path("incidentId").asText()));
                assertTrue(incidents.findValuesAsText("kind").contains(start.kind().name()), incidents.toString());

                // The webhook: every incident notified, once, signed (one message per brand may carry several).
                await("a webhook notification for every incident", Duration.ofSeconds(30), () -> {
                    Set<String> notified = new HashSet<>();
                    hook.received().forEach(r -> {
                        notified.add(r.json().path("incidentId").asText());
                        r.json().path("grouped").forEach(g -> notified.add(g.path("incidentId").asText()));
                    });
                    return notified.containsAll(incidentIds) ? Boolean.TRUE : null;
                });
                long webhookMs = Duration.between(crisisStart, Instant.now()).toMillis();
                log.info("e2e step=webhook ms={} afterCrisisMs={} incidents={}", ms(t0), webhookMs, incidentIds);
                Thread.sleep(5_000); // long enough for a duplicate (retry, replay) to show up
                // This run's brand only: on the shared test cluster, this alerting (its default receiver takes every
                // brand) also restores other tests' open incidents (e.g. DeskAcknowledgesIncidentIT's unacknowledged
                // one) and may tell this hook about them; they are not this crisis.
                List<WebhookReceiver.Request> all = hook.received();
                all.forEach(r -> assertTrue(r.signatureValid(), "valid HMAC signature: " + r));
                List<WebhookReceiver.Request> received = all.stream()
                        .filter(r -> BRAND.equals(r.json().path("brand").asText())).toList();
                Map<String, Integer> perIncident = new HashMap<>();
                for (WebhookReceiver.Request r : received) {
                    assertEquals(BRAND, r.json().path("brand").asText());
                    assertEquals("OPENED", r.json().path("reason").asText(), r.body());
                    assertTrue(r.json().path("links").path("acknowledge").asText().startsWith("http://127.0.0.1:" + apiPort + "/a/"),
                            r.body());
                    perIncident.merge(r.json().path("incidentId").asText(), 1, Integer::sum);
                    // The kinds of one crisis go out in one message (grouped by brand): each is told once.
                    r.json().path("grouped").forEach(g -> perIncident.merge(g.path("incidentId").asText(), 1,
                            Integer::sum));
                }
                assertEquals(received.size(), received.stream().map(WebhookReceiver.Request::idempotencyKey).distinct().count(),
                        "each notification has its own idempotency key");
                for (String id : incidentIds) {
                    assertEquals(1, perIncident.getOrDefault(id, 0), "exactly one notification for incident " + id
                            + ", got " + perIncident);
                }
                assertEquals(incidentIds, perIncident.keySet(), "no notification for anything else");

                // Elasticsearch, through the alias: every brand mention searchable, with brand and negative sentiment.
                String es = cluster.elasticsearchUrl().toString().replaceAll("/$", "");
                List<String> brandUrls = new ArrayList<>(calm);
                brandUrls.addAll(crisis);
                JsonNode indexed = await("every brand mention in vigie-mentions", Duration.ofSeconds(30), () -> {
                    JsonNode r = postJson(es + "/vigie-mentions/_search", Map.of("size", 100, "query",
                            Map.of("terms", Map.of("url", brandUrls))));
                    return r.path("hits").path("hits").size() == brandUrls.size() ? r : null;
                });
                int negativeCrisis = 0;
                for (JsonNode hit : indexed.path("hits").path("hits")) {
                    JsonNode d = hit.path("_source");
                    assertTrue(d.path("brands").toString().contains("\"kryptonite\""), d.toString());
                    if (crisis.contains(d.path("url").asText())) {
                        for (JsonNode bs : d.path("brandSentiments")) {
                            if (BRAND.equals(bs.path("brand").asText()) && "NEGATIVE".equals(bs.path("label").asText())) {
                                negativeCrisis++;
                            }
                        }
                    }
                }
                assertTrue(negativeCrisis >= crisis.size() * 0.8, "crisis posts scored negative for the brand: "
                        + negativeCrisis + " of " + crisis.size());
                assertTrue(indexed.findValuesAsText("language").containsAll(List.of("fr", "en")), "French and English");
                JsonNode negativeForBrand = postJson(es + "/vigie-mentions/_count", Map.of("query", Map.of("nested", Map.of(
                        "path", "brandSentiments", "query", Map.of("bool", Map.of("filter", List.of(
                                Map.of("term", Map.of("brandSentiments.brand", BRAND)),
                                Map.of("term", Map.of("brandSentiments.label", "NEGATIVE")))))))));
                assertEquals(negativeCrisis, negativeForBrand.path("count").asLong(),
                        "the nested query 'negative about kryptonite' finds the crisis posts");
                JsonNode homonymHits = postJson(es + "/vigie-mentions/_search", Map.of("query",
                        Map.of("term", Map.of("url", homonym))));
                assertEquals(0, homonymHits.path("hits").path("total").path("value").asLong(),
                        "Superman's kryptonite is not the brand: " + homonymHits);

                // The live page.
                JsonNode tiles = getJson("http://127.0.0.1:" + pagePort + "/api/brands");
                JsonNode tile = null;
                for (JsonNode t : tiles) {
                    if (BRAND.equals(t.path("brand").asText())) {
                        tile = t;
                    }
                }
                assertTrue(tile != null, "the brand has a tile: " + tiles);
                assertEquals(brandUrls.size(), tile.path("lastDay").asLong(), tile.toString());
                assertEquals(brandUrls.size(), tile.path("lastHour").asLong(), tile.toString());
                assertEquals(negativeCrisis, tile.path("negative").asLong(), tile.toString());
                JsonNode search = getJson("http://127.0.0.1:" + pagePort + "/api/search?brand=kryptonite&q=stylo");
                assertTrue(search.path("total").asLong() >= 1, search.toString());
                String page = get("http://127.0.0.1:" + pagePort + "/");
                assertTrue(page.contains("Kryptonite") || page.contains("kryptonite"), "the page shows the brand");

                log.info("e2e step=done ms={} signalAfterCrisisMs={} webhookAfterCrisisMs={} notifications={}", ms(t0),
                        signalMs, webhookMs, received.size());
            }
        }
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** Polls {@code probe} every 250 ms until it gives a value; fails naming what was awaited. */
    static <T> T await(String what, Duration timeout, Supplier<T> probe) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                T value = probe.get();
                if (value != null) {
                    return value;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what
                + (last == null ? "" : "; last error: " + last), last);
    }

    private String get(String url) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + DASHBOARD_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + " -> " + r.statusCode() + " " + r.body());
            }
            return r.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode getJson(String url) {
        try {
            return JSON.readTree(get(url));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private JsonNode postJson(String url, Object body) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("POST " + url + " -> " + r.statusCode() + " " + r.body());
            }
            return JSON.readTree(r.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
