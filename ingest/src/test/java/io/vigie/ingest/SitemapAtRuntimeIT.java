package io.vigie.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigie.ingest.crawl.ForumPages;
import io.vigie.ingest.fetch.LocalSites;
import io.vigie.ingest.sources.SourceCatalog;
import io.vigie.model.IngestState;
import io.vigie.model.JsonSerde;
import io.vigie.model.RawMention;
import io.vigie.model.Topics;
import io.vigie.runtime.local.LocalCluster;
import io.vigie.runtime.local.SharedLocalCluster;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * A sitemap source on a running ingest service, through the real broker: its articles become thread sources in
 * {@code ingest.state} and their mentions reach {@code mentions.raw}; an article whose thread was retired (its
 * comments are old) is visited again only when its lastmod moves, through the changed notice the sitemap's visit
 * writes in its transaction.
 */
class SitemapAtRuntimeIT {
    private final Map<String, Instant> lastmods = new ConcurrentHashMap<>();
    private final Map<String, List<ForumPages.Post>> articles = new ConcurrentHashMap<>();

    @Test
    void aBumpedLastmodRevivesARetiredArticleAndOnlyItsNewCommentIsPublished() throws Exception {
        LocalCluster cluster = SharedLocalCluster.get();
        Instant old = Instant.now().minus(Duration.ofDays(60)).truncatedTo(ChronoUnit.MINUTES);
        try (LocalSites sites = new LocalSites()) {
            LocalSites.Site site = sites.site(64);
            site.route("/sitemap.xml", ex -> {
                StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><urlset"
                        + " xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
                lastmods.forEach((path, at) -> xml.append("<url><loc>").append(site.url(path)).append("</loc><lastmod>")
                        .append(at).append("</lastmod></url>"));
                LocalSites.respond(ex, 200, "application/xml",
                        xml.append("</urlset>").toString().getBytes(StandardCharsets.UTF_8));
            });
            for (String path : List.of("/news/recall", "/news/review")) {
                List<ForumPages.Post> posts = new ArrayList<>();
                posts.add(new ForumPages.Post(path.substring(6) + "0", "editor", old, "The article " + path + "."));
                posts.add(new ForumPages.Post(path.substring(6) + "1", "reader1", old.plusSeconds(60),
                        "An old comment on " + path + "."));
                articles.put(path, posts);
                lastmods.put(path, Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS));
                site.route(path, ex -> LocalSites.respond(ex, 200, "text/html; charset=utf-8",
                        ForumPages.threadPage("Article " + path, articles.get(path), 1, null, 0)
                                .getBytes(StandardCharsets.UTF_8)));
            }
            IngestConfig config = new IngestConfig("https://vigie.example/contact", List.of("127.0.0.0/8"), 20L, 60L,
                    2000L, 3000L, 1_000_000L, 3, 4, true, 1L, 1L, 1L, 100, 20_000L, List.of());
            IngestService service = new IngestService(config, cluster.kafka(), "sitemap-it", Clock.systemUTC());
            SourceCatalog catalog = new SourceCatalog(cluster.kafka());
            try {
                service.start();
                catalog.put(new IngestState.Source("sitemap-it", site.url("/sitemap.xml"), "sitemap", 1L, 1L,
                        List.of(), false, "cli", Instant.now(), null, null));
                await(() -> texts(cluster, site.url("/")).size() == 4, () -> "both articles and their comment: "
                        + texts(cluster, site.url("/")));
                await(() -> site.requests.stream().filter("/sitemap.xml"::equals).count() >= 3,
                        () -> "the sitemap is revisited: " + site.requests);
                assertEquals(1, count(site, "/news/recall"), "a retired article is not fetched again while its"
                        + " lastmod stays: " + site.requests);

                articles.get("/news/recall").add(new ForumPages.Post("recall2", "reader2", Instant.now(),
                        "A new comment on /news/recall."));
                lastmods.put("/news/recall", Instant.now().truncatedTo(ChronoUnit.SECONDS));
                await(() -> texts(cluster, site.url("/")).contains("A new comment on /news/recall."),
                        () -> "the new comment, after the lastmod moved: " + texts(cluster, site.url("/")));
                Thread.sleep(2000);
                assertEquals(5, texts(cluster, site.url("/")).size(), "nothing else published again: "
                        + texts(cluster, site.url("/")));
                assertEquals(1, count(site, "/news/review"), "the unchanged article is not fetched again");
            } finally {
                service.close();
            }
        }
    }

    private static long count(LocalSites.Site site, String path) {
        return site.requests.stream().filter(path::equals).count();
    }

    private static void await(BooleanSupplier condition, java.util.function.Supplier<String> what)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 60 s: " + what.get());
            }
            Thread.sleep(300);
        }
    }

    /** Texts of the mentions of this site's threads in mentions.raw (read-committed). */
    private static List<String> texts(LocalCluster cluster, String base) {
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
                    if (m.threadUrl() != null && m.threadUrl().startsWith(base)) {
                        out.add(m.text());
                    }
                }
            }
        }
        return out;
    }
}
