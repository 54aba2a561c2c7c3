package io.vigie.analyze.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.analyze.brands.WatchlistClient;
import io.vigie.model.BrandStats;
import io.vigie.model.RawMention;
import io.vigie.model.Schema;
import io.vigie.model.ScoredMention;
import io.vigie.model.Topics;
import io.vigie.model.WatchedBrand;
import io.vigie.runtime.connect.KafkaConnection;
import io.vigie.runtime.local.LocalCluster;
import io.vigie.runtime.local.SharedLocalCluster;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two analyze instances, each its own JVM, share the partitions on the real broker; one is SIGKILLed mid-run. Every
 * input must then appear exactly once in {@code mentions.scored} and in the brand's 1-hour window of {@code brand.stats}, read
 * with read_committed.
 */
class AnalyzeKillIT {
    private static final int MENTIONS = 3000;
    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void killChildren() {
        children.forEach(Process::destroyForcibly);
    }

    @Test
    void killingOneOfTwoInstancesMidRunLosesNothingAndDuplicatesNothing() throws Exception {
        LocalCluster cluster = SharedLocalCluster.get();
        KafkaConnection kafka = cluster.kafka();
        String app = "analyze-kill-it-" + System.currentTimeMillis();
        new WatchlistClient(kafka).put(List.of(new WatchedBrand(Schema.VERSION, "kryptonite", "Kryptonite",
                "kryptonite -superman", List.of(), false, Instant.now())));

        Path state = Path.of("target", "it-state", app);
        Files.createDirectories(state);
        List<String> outA = new CopyOnWriteArrayList<>();
        List<String> outB = new CopyOnWriteArrayList<>();
        Process a = child(cluster.kafkaBootstrapServers(), app, state.resolve("a"), "a", outA);
        Process b = child(cluster.kafkaBootstrapServers(), app, state.resolve("b"), "b", outB);
        awaitLine(outA, l -> l.startsWith("TASKS ") && !l.startsWith("TASKS 0"), Duration.ofSeconds(120), "instance a has tasks");
        awaitLine(outB, l -> l.startsWith("TASKS ") && !l.startsWith("TASKS 0"), Duration.ofSeconds(120), "instance b has tasks");

        Set<String> ids = new HashSet<>();
        Properties pp = kafka.clientConfig();
        pp.put(ProducerConfig.ACKS_CONFIG, "all");
        pp.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        var raw = JsonSerdes.raw();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(pp, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < MENTIONS; i++) {
                String id = "kill-" + i;
                ids.add(id);
                Instant now = Instant.now();
                RawMention m = TopologyFixture.mention(id, 1, "site" + (i % 40) + ".example",
                        "Kryptonite lock report " + i + " word" + (i * 7919 % 1000) + " and more " + (i % 13), now, now);
                producer.send(new ProducerRecord<>(Topics.MENTIONS_RAW, id, raw.encode(m)));
                if (i == MENTIONS * 2 / 5) {
                    producer.flush();
                    Thread.sleep(1500);
                    // A real crash: SIGKILL, no close, no commit, no leave-group.
                    a.destroyForcibly().waitFor();
                }
                if (i % 100 == 99) {
                    producer.flush();
                    Thread.sleep(300);
                }
            }
        }
        assertTrue(outB.stream().anyMatch(l -> l.startsWith("TASKS ")), "instance b kept running");

        Map<String, Integer> scored = new HashMap<>();
        readCommitted(kafka, Topics.MENTIONS_SCORED, Duration.ofSeconds(180), r -> {
            ScoredMention s = JsonSerdes.scored().decode(r.value());
            scored.merge(s.mention().id(), 1, Integer::sum);
            return scored.size() >= MENTIONS;
        });
        assertEquals(ids, scored.keySet(), "every input scored");
        assertTrue(scored.values().stream().allMatch(n -> n == 1),
                "no input scored twice: " + scored.values().stream().filter(n -> n > 1).count() + " duplicated");

        // The stats: the latest figure of each 1-hour window (the grace of 2 minutes covers the take-over), and
        // never two finals for one 1-minute window.
        Map<Instant, Long> hours = new HashMap<>();
        Set<Instant> minuteFinals = new HashSet<>();
        List<Instant> duplicateFinals = new ArrayList<>();
        Map<String, Integer> seenStats = new java.util.TreeMap<>();
        readCommitted(kafka, Topics.BRAND_STATS, Duration.ofSeconds(150), r -> {
            BrandStats s = JsonSerdes.stats().decode(r.value());
            if (!s.brand().equals("kryptonite")) {
                return false;
            }
            seenStats.merge(s.window() + " " + s.windowStart() + (s.closed() ? " final" : " open"), 1, Integer::sum);
            if (s.window().equals("PT1H")) {
                hours.put(s.windowStart(), s.volume());
            } else if (s.closed() && !minuteFinals.add(s.windowStart())) {
                duplicateFinals.add(s.windowStart());
            }
            return hours.values().stream().mapToLong(Long::longValue).sum() >= MENTIONS;
        });
        assertEquals(List.of(), duplicateFinals, "one final per window");
        assertEquals(MENTIONS, hours.values().stream().mapToLong(Long::longValue).sum(),
                "the hour windows count every input once: " + hours + "; stats seen " + seenStats
                        + "; instance b said " + outB + "; instance a said " + outA);
    }

    private Process child(String bootstrap, String app, Path stateDir, String id, List<String> out) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                AnalyzeChildProcess.class.getName(), bootstrap, app, stateDir.toString(), id);
        File log = stateDir.resolveSibling(id + ".log").toFile();
        pb.redirectError(log);
        Process p = pb.start();
        children.add(p);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    out.add(line);
                }
            } catch (java.io.IOException ignored) {
                // The process was killed.
            }
        }, "child-" + id + "-stdout");
        reader.setDaemon(true);
        reader.start();
        return p;
    }

    private static void awaitLine(List<String> lines, Predicate<String> wanted, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (lines.stream().noneMatch(wanted)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what + "; output so far: " + lines);
            }
            Thread.sleep(200);
        }
    }

    /** Reads a topic from the start with read_committed until {@code done} says so or the time is up. */
    private static void readCommitted(KafkaConnection kafka, String topic, Duration timeout,
            Predicate<ConsumerRecord<String, byte[]>> done) {
        Properties p = kafka.clientConfig();
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "kill-it-reader-" + topic + "-" + System.nanoTime());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            long quietUntil = Long.MAX_VALUE;
            boolean finished = false;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
                    if (done.test(r) && !finished) {
                        finished = true;
                        // Keep reading a little longer: a duplicate would show up after the count is reached.
                        quietUntil = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                    }
                }
            }
        }
    }
}
