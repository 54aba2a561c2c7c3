package io.vigie.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.ingest.fetch.LocalSites;
import io.vigie.ingest.identity.CanonicalUrl;
import io.vigie.model.JsonSerde;
import io.vigie.model.RawMention;
import io.vigie.model.Topics;
import io.vigie.runtime.local.LocalCluster;
import io.vigie.runtime.local.SharedLocalCluster;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** Two ingest instances share the feeds through the consumer group: each feed is owned by exactly one of them. */
class TwoInstancesIT {

    @Test
    void twoInstancesSplitTheFeedsAndPublishEveryItemOnce() throws Exception {
        LocalCluster cluster = SharedLocalCluster.get();
        try (LocalSites sites = new LocalSites()) {
            List<IngestConfig.SourceConfig> sources = new ArrayList<>();
            Set<String> feedUrls = new HashSet<>();
            Set<String> itemIds = new HashSet<>();
            for (int h = 0; h < 2; h++) {
                LocalSites.Site site = sites.site(70 + h);
                for (int f = 0; f < 8; f++) {
                    String url = site.url("/two/" + f);
                    site.route("/two/" + f, ex -> LocalSites.respond(ex, 200, "application/rss+xml", IngestRestartIT.rss(url, 2)));
                    sources.add(new IngestConfig.SourceConfig("two-" + h + "-" + f, url, "feed", 1L, 1L, List.of(), false));
                    feedUrls.add(CanonicalUrl.of(url));
                    itemIds.add(url + "/item/0");
                    itemIds.add(url + "/item/1");
                }
            }
            IngestConfig config = new IngestConfig("https://vigie.example/contact", List.of("127.0.0.0/8"), 20L, 60L,
                    2000L, 3000L, 1_000_000L, 3, 4, true, 1L, 1L, 1L, 100, 20_000L, sources);
            IngestService a = new IngestService(config, cluster.kafka(), "two-a", Clock.systemUTC());
            IngestService b = new IngestService(config, cluster.kafka(), "two-b", Clock.systemUTC());
            try {
                a.start();
                b.start();
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (System.nanoTime() < deadline) {
                    Set<String> union = new HashSet<>(a.engine().owned());
                    union.addAll(b.engine().owned());
                    if (union.containsAll(feedUrls) && count(cluster, itemIds).size() == itemIds.size()) {
                        break;
                    }
                    Thread.sleep(500);
                }
                Thread.sleep(3000); // more rounds: nothing may be published twice
                Set<String> ownedByA = a.engine().owned();
                Set<String> ownedByB = b.engine().owned();
                Set<String> both = new HashSet<>(ownedByA);
                both.retainAll(ownedByB);
                assertEquals(Set.of(), both, "no feed is owned by both instances");
                Set<String> union = new HashSet<>(ownedByA);
                union.addAll(ownedByB);
                assertTrue(union.containsAll(feedUrls), "every feed is owned by one instance");
                Map<String, Integer> counts = count(cluster, itemIds);
                assertEquals(itemIds, counts.keySet());
                assertTrue(counts.values().stream().allMatch(n -> n == 1), "each item exactly once: " + counts);
                System.out.printf("two instances: a owns %d feeds, b owns %d%n",
                        ownedByA.stream().filter(feedUrls::contains).count(), ownedByB.stream().filter(feedUrls::contains).count());
            } finally {
                a.close();
                b.close();
            }
        }
    }

    private static Map<String, Integer> count(LocalCluster cluster, Set<String> ids) {
        Properties p = cluster.kafka().clientConfig();
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        JsonSerde<RawMention> serde = JsonSerde.of(RawMention.class);
        Map<String, Integer> counts = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.MENTIONS_RAW).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                    RawMention m = serde.decode(r.value());
                    if (ids.contains(m.id())) {
                        counts.merge(m.id(), 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
    }
}
