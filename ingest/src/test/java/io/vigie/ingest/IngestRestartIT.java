package io.vigie.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.ingest.fetch.LocalSites;
import io.vigie.ingest.sources.SourceCatalog;
import io.vigie.model.JsonSerde;
import io.vigie.model.RawMention;
import io.vigie.model.Topics;
import io.vigie.runtime.local.LocalCluster;
import io.vigie.runtime.local.SharedLocalCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real ingest process with SIGKILL in the middle of its polls, starts it again, and finds every item of
 * every feed exactly once in {@code mentions.raw} (read-committed, as analyze reads it). Feeds are served by
 * local sites on three loopback addresses; the broker is the real one of the test harness.
 */
class IngestRestartIT {
    private static final int HOSTS = 3;
    private static final int FEEDS_PER_HOST = 8;
    private static final int ITEMS_PER_FEED = 5;
    private static final int TOTAL = HOSTS * FEEDS_PER_HOST * ITEMS_PER_FEED;

    @TempDir
    Path dir;

    private final LocalSites sites = new LocalSites();
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
        sites.close();
    }

    @Test
    void everyItemIsInMentionsRawExactlyOnceAfterAKillMidPollAndARestart() throws Exception {
        LocalCluster cluster = SharedLocalCluster.get();
        StringBuilder sources = new StringBuilder();
        Set<String> expectedIds = new java.util.HashSet<>();
        for (int h = 0; h < HOSTS; h++) {
            LocalSites.Site site = sites.site(40 + h);
            for (int f = 0; f < FEEDS_PER_HOST; f++) {
                String path = "/feed/" + f;
                String base = site.url(path);
                for (int i = 0; i < ITEMS_PER_FEED; i++) {
                    expectedIds.add(base + "/item/" + i);
                }
                site.route(path, ex -> {
                    try {
                        Thread.sleep(250); // slow enough that the kill lands in the middle of the first round
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    LocalSites.respond(ex, 200, "application/rss+xml", rss(base, ITEMS_PER_FEED));
                });
                sources.append("    - name: restart-").append(h).append('-').append(f).append('\n')
                        .append("      url: ").append(base).append('\n')
                        .append("      minPollSeconds: 2\n      maxPollSeconds: 2\n");
            }
        }
        Path config = dir.resolve("vigie.yml");
        Files.writeString(config, "kafka:\n  bootstrapServers: " + cluster.kafkaBootstrapServers() + "\n"
                + "ingest:\n  contactUrl: https://vigie.example/contact\n  allowedPrivateRanges: [127.0.0.0/8]\n"
                + "  minHostDelayMillis: 50\n  fetchThreads: 4\n  transactionTimeoutMillis: 20000\n  sources:\n" + sources);

        Process first = start(config, "restart-it");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        Map<String, Integer> seen = countMentions(cluster, expectedIds);
        while (seen.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            seen = countMentions(cluster, expectedIds);
        }
        assertTrue(!seen.isEmpty(), "the first instance published nothing within 120 s");
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, an open transaction left behind
        assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        int atKill = countMentions(cluster, expectedIds).values().stream().mapToInt(Integer::intValue).sum();
        assertTrue(atKill < TOTAL, "the kill came too late to be mid-poll: " + atKill + " of " + TOTAL + " already published");

        start(config, "restart-it");
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (countMentions(cluster, expectedIds).size() < TOTAL && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        Thread.sleep(6000); // several more 2 s poll rounds of unchanged feeds: none may publish again
        Map<String, Integer> counts = countMentions(cluster, expectedIds);
        assertEquals(expectedIds, counts.keySet(), "every item published");
        Map<String, Integer> duplicates = counts.entrySet().stream().filter(e -> e.getValue() != 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertEquals(Map.of(), duplicates, "items published more than once");
        System.out.printf("restart IT: %d items, %d visible when the first instance was killed, all exactly once%n",
                TOTAL, atKill);

        Map<String, SourceCatalog.Entry> catalog = new SourceCatalog(cluster.kafka()).read();
        long listed = catalog.values().stream()
                .filter(e -> e.source().name().startsWith("restart-") && e.feed() != null && e.feed().polls() > 0).count();
        assertEquals(HOSTS * FEEDS_PER_HOST, listed, "vigie sources list shows every source with its polls");
    }

    private Process start(Path config, String instance) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                IngestProcess.class.getName(), config.toString(), instance, dir.resolve("state").toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("ingest-" + processes.size() + ".log").toFile());
        Process p = pb.start();
        processes.add(p);
        Path log = dir.resolve("ingest-" + (processes.size() - 1) + ".log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains("ready")) {
                return p;
            }
            if (!p.isAlive()) {
                throw new AssertionError("ingest process died: " + Files.readString(log));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("ingest process not ready within 60 s: " + Files.readString(log));
    }

    /** Mention id → number of times it is in mentions.raw, read-committed, for the ids of this test. */
    private static Map<String, Integer> countMentions(LocalCluster cluster, Set<String> ids) {
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

    static byte[] rss(String base, int items) {
        StringBuilder s = new StringBuilder("<rss version=\"2.0\"><channel><title>t</title>");
        for (int i = 0; i < items; i++) {
            s.append("<item><guid>").append(base).append("/item/").append(i).append("</guid><title>Item ").append(i)
                    .append("</title><description>Kryptonite ").append(i).append("</description></item>");
        }
        return s.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

}
