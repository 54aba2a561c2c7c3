package io.vigie.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.ingest.fetch.LocalSites;
import io.vigie.ingest.sources.SourceCatalog;
import io.vigie.model.DeadLetter;
import io.vigie.model.IngestState;
import io.vigie.model.JsonSerde;
import io.vigie.model.Topics;
import io.vigie.runtime.local.LocalCluster;
import io.vigie.runtime.local.SharedLocalCluster;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * A running ingest service picks up sources added, paused and removed through {@code ingest.state} (what
 * {@code vigie sources add|pause|rm} write), and records an unreadable feed as a dead letter and a per-source error.
 */
class SourcesAtRuntimeIT {

    @Test
    void sourcesAddedPausedAndRemovedAtRuntimeTakeEffectWithoutRestart() throws Exception {
        LocalCluster cluster = SharedLocalCluster.get();
        try (LocalSites sites = new LocalSites()) {
            LocalSites.Site site = sites.site(60);
            site.route("/feed", ex -> LocalSites.respond(ex, 200, "application/rss+xml",
                    IngestRestartIT.rss(site.url("/feed"), 3)));
            site.route("/broken", ex -> LocalSites.respond(ex, 200, "text/html",
                    "<html><body>Not a feed</body></html>".getBytes(StandardCharsets.UTF_8)));
            IngestConfig config = new IngestConfig("https://vigie.example/contact", List.of("127.0.0.0/8"), 20L, 60L,
                    2000L, 3000L, 1_000_000L, 3, 4, true, 1L, 1L, 1L, 100, 20_000L, List.of());
            IngestService service = new IngestService(config, cluster.kafka(), "runtime-it", Clock.systemUTC());
            SourceCatalog catalog = new SourceCatalog(cluster.kafka());
            try {
                service.start();
                IngestState.Source source = new IngestState.Source("runtime-feed", site.url("/feed"), "feed", 1L, 1L,
                        List.of(), false, "cli", Instant.now());
                catalog.put(source);
                catalog.put(new IngestState.Source("runtime-broken", site.url("/broken"), "feed", 1L, 1L, List.of(),
                        false, "cli", Instant.now()));
                await(() -> site.requests.stream().filter("/feed"::equals).count() >= 2, "the added source is polled");
                await(() -> site.requests.stream().anyMatch("/broken"::equals), "the broken source is polled");

                catalog.put(SourceCatalog.paused(source, true));
                Thread.sleep(1500); // a poll in flight when the pause arrived may still finish
                long whenPaused = site.requests.stream().filter("/feed"::equals).count();
                Thread.sleep(3000);
                assertEquals(whenPaused, site.requests.stream().filter("/feed"::equals).count(), "a paused source is not polled");

                catalog.put(SourceCatalog.paused(source, false));
                await(() -> site.requests.stream().filter("/feed"::equals).count() > whenPaused, "a resumed source is polled again");

                catalog.remove(source);
                Thread.sleep(1500);
                long whenRemoved = site.requests.stream().filter("/feed"::equals).count();
                Thread.sleep(3000);
                assertEquals(whenRemoved, site.requests.stream().filter("/feed"::equals).count(), "a removed source is not polled");
                await(() -> catalog.read().values().stream().anyMatch(e -> e.source().name().equals("runtime-broken")
                        && e.feed() != null && e.feed().errorCount() > 0), "the error is recorded");
            } finally {
                service.close();
            }
            Map<String, SourceCatalog.Entry> now = catalog.read();
            assertTrue(now.values().stream().noneMatch(e -> e.source().name().equals("runtime-feed")), "removed from the catalogue");
            SourceCatalog.Entry broken = now.values().stream().filter(e -> e.source().name().equals("runtime-broken"))
                    .findFirst().orElseThrow();
            assertTrue(broken.feed().lastError().contains("not a feed"), broken.feed().lastError());
            assertTrue(broken.feed().errorCount() >= 1);
            assertTrue(deadLetters(cluster).stream().anyMatch(d -> d.stage().equals("ingest.parse")
                    && d.key().equals(site.url("/broken")) && new String(d.original(), StandardCharsets.UTF_8).contains("Not a feed")),
                    "the unreadable document is kept as a dead letter with its bytes");
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 60 s: " + what);
            }
            Thread.sleep(200);
        }
    }

    private static List<DeadLetter> deadLetters(LocalCluster cluster) {
        Properties p = cluster.kafka().clientConfig();
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<DeadLetter> out = new ArrayList<>();
        JsonSerde<DeadLetter> serde = JsonSerde.of(DeadLetter.class);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.DEADLETTER).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                    out.add(serde.decode(r.value()));
                }
            }
        }
        return out;
    }
}
