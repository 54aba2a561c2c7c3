package io.vigie.ingest.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.ingest.IngestConfig;
import io.vigie.ingest.IngestService;
import io.vigie.ingest.fetch.LocalSites;
import io.vigie.ingest.sources.SourceCatalog;
import io.vigie.model.IngestState;
import io.vigie.model.JsonSerde;
import io.vigie.model.RawMention;
import io.vigie.model.Topics;
import io.vigie.runtime.local.LocalCluster;
import io.vigie.runtime.local.SharedLocalCluster;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * A feed polled only every 5 minutes is read within seconds of a push notice (a ping, or a WebSub content
 * notification), through the real broker and the usual exactly-once path; the notice's route is guarded by the token
 * and answers WebSub's verification of intent.
 */
class PushIT {
    private static final String TOKEN = "push-it-token-0123456789";

    @Test
    void aPushNoticeGetsANewItemPublishedWithinSecondsInsteadOfAtTheNextPoll() throws Exception {
        LocalCluster cluster = SharedLocalCluster.get();
        AtomicInteger items = new AtomicInteger(2);
        try (LocalSites sites = new LocalSites()) {
            LocalSites.Site site = sites.site(95);
            site.route("/feed", ex -> LocalSites.respond(ex, 200, "application/rss+xml", rss(site.url(""), items.get())));
            IngestConfig config = pushConfig();
            IngestService service = new IngestService(config, cluster.kafka(), "push-it", Clock.systemUTC());
            PushEndpoint push = new PushEndpoint(config.push(), cluster.kafka());
            HttpClient http = HttpClient.newHttpClient();
            try {
                service.start();
                push.start();
                String feedUrl = site.url("/feed");
                new SourceCatalog(cluster.kafka()).put(new IngestState.Source("push-feed", feedUrl, "feed", 300L, 300L,
                        List.of(), false, "cli", Instant.now()));
                awaitTitles(cluster, site.url(""), 2, "the first poll publishes the two items");
                int requestsBefore = site.requests.size();

                items.set(3);
                long pinged = System.nanoTime();
                HttpResponse<String> ping = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + push.port()
                                + "/push/" + TOKEN + "/ping"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("url=" + URLEncoder.encode(feedUrl, StandardCharsets.UTF_8)))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(202, ping.statusCode(), ping.body());
                awaitTitles(cluster, site.url(""), 3, "the pinged feed's new item is published");
                long seconds = Duration.ofNanos(System.nanoTime() - pinged).toSeconds();
                assertTrue(seconds < 30, "published " + seconds + " s after the ping, not at the 5-minute poll");
                assertTrue(site.requests.size() > requestsBefore, "the feed was fetched again after the ping");

                // WebSub: the hub verifies the subscription, then notifies; the body is not trusted, the feed is fetched.
                HttpResponse<String> verify = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + push.port()
                                + "/push/" + TOKEN + "/websub?hub.mode=subscribe&hub.topic="
                                + URLEncoder.encode(feedUrl, StandardCharsets.UTF_8) + "&hub.challenge=abc123&hub.lease_seconds=600"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, verify.statusCode());
                assertEquals("abc123", verify.body(), "the challenge is echoed");
                items.set(4);
                HttpResponse<String> notify = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + push.port()
                                + "/push/" + TOKEN + "/websub?feed=" + URLEncoder.encode(feedUrl, StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/rss+xml")
                        .POST(HttpRequest.BodyPublishers.ofString("<rss><channel><item><title>forged</title></item></channel></rss>"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(202, notify.statusCode(), notify.body());
                awaitTitles(cluster, site.url(""), 4, "the notified feed's new item is published");
                assertTrue(titles(cluster, site.url("")).stream().noneMatch("forged"::equals),
                        "the pushed body is never published: the feed is read from the site");

                HttpResponse<String> wrongToken = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                + push.port() + "/push/not-the-token-000000/ping?url=" + URLEncoder.encode(feedUrl, StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(404, wrongToken.statusCode());
                HttpResponse<String> noUrl = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + push.port()
                                + "/push/" + TOKEN + "/ping?url=ftp://x")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(400, noUrl.statusCode());
            } finally {
                push.close();
                service.close();
            }
        }
    }

    @Test
    void aNoticeArrivingWhileThePollIsInFlightGetsTheFeedPolledAgainRightAfter() throws Exception {
        LocalCluster cluster = SharedLocalCluster.get();
        AtomicInteger items = new AtomicInteger(1);
        java.util.concurrent.CountDownLatch slowRequestStarted = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean slowNext = new java.util.concurrent.atomic.AtomicBoolean(false);
        try (LocalSites sites = new LocalSites()) {
            LocalSites.Site site = sites.site(96);
            site.route("/feed", ex -> {
                // The snapshot is taken before the pause: this poll cannot see an item added while it is in flight.
                byte[] body = rss(site.url(""), items.get());
                if (slowNext.getAndSet(false)) {
                    slowRequestStarted.countDown();
                    try {
                        Thread.sleep(1500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                LocalSites.respond(ex, 200, "application/rss+xml", body);
            });
            IngestConfig config = pushConfig();
            IngestService service = new IngestService(config, cluster.kafka(), "push-inflight-it", Clock.systemUTC());
            PushEndpoint push = new PushEndpoint(config.push(), cluster.kafka());
            HttpClient http = HttpClient.newHttpClient();
            try {
                service.start();
                push.start();
                String feedUrl = site.url("/feed");
                new SourceCatalog(cluster.kafka()).put(new IngestState.Source("push-inflight", feedUrl, "feed", 300L,
                        300L, List.of(), false, "cli", Instant.now()));
                awaitTitles(cluster, site.url(""), 1, "the first poll publishes the first item");

                slowNext.set(true);
                ping(http, push, feedUrl); // starts a slow poll of the one-item feed
                assertTrue(slowRequestStarted.await(30, java.util.concurrent.TimeUnit.SECONDS), "the pinged poll started");
                items.set(2);
                long pinged = System.nanoTime();
                ping(http, push, feedUrl); // arrives while that poll is in flight
                awaitTitles(cluster, site.url(""), 2, "the item added during the slow poll is published");
                long seconds = Duration.ofNanos(System.nanoTime() - pinged).toSeconds();
                assertTrue(seconds < 30, "published " + seconds + " s after the ping, not at the 5-minute poll");
                assertTrue(site.requests.stream().filter("/feed"::equals).count() >= 3,
                        "first poll, the slow pinged poll, and the poll right after it");
            } finally {
                push.close();
                service.close();
            }
        }
    }

    private static void ping(HttpClient http, PushEndpoint push, String feedUrl) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + push.port() + "/push/"
                        + TOKEN + "/ping?url=" + URLEncoder.encode(feedUrl, StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, r.statusCode(), r.body());
    }

    private static byte[] rss(String base, int count) {
        StringBuilder s = new StringBuilder("<rss version=\"2.0\"><channel><title>push</title>");
        for (int i = count; i >= 1; i--) {
            s.append("<item><guid>").append(base).append("/post/").append(i).append("</guid><title>push item ").append(i)
                    .append("</title><description>Pushed ").append(i).append("</description></item>");
        }
        return s.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void awaitTitles(LocalCluster cluster, String base, int count, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (titles(cluster, base).stream().filter(t -> t.startsWith("push item ")).count() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 60 s: " + what + "; seen " + titles(cluster, base));
            }
            Thread.sleep(200);
        }
    }

    /** Titles of this test's mentions in mentions.raw (read-committed). */
    private static List<String> titles(LocalCluster cluster, String base) {
        Properties p = cluster.kafka().clientConfig();
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        JsonSerde<RawMention> serde = JsonSerde.of(RawMention.class);
        List<String> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.MENTIONS_RAW).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                    RawMention m = serde.decode(r.value());
                    if (m.id().startsWith(base)) {
                        out.add(m.title());
                    }
                }
            }
        }
        return out;
    }

    /** Loopback allowed, sources polled every 5 min, the push endpoint on a free port. */
    private static IngestConfig pushConfig() {
        return new IngestConfig("https://vigie.example/contact", List.of("127.0.0.0/8"), 20L, 60L,
                2000L, 3000L, 1_000_000L, 3, 4, true, 300L, 300L, 300L, 100, 20_000L, List.of(),
                new IngestConfig.Push(true, "127.0.0.1", 0, TOKEN));
    }
}
