package io.vigie.analyze.bench;

import io.vigie.analyze.AnalyzeStage;
import io.vigie.analyze.brands.WatchlistClient;
import io.vigie.analyze.sentiment.MentionSentimentScorer;
import io.vigie.analyze.streams.AnalyzeConfig;
import io.vigie.analyze.streams.AnalyzeService;
import io.vigie.analyze.streams.AnalyzeTopology;
import io.vigie.analyze.streams.JsonSerdes;
import io.vigie.model.RawMention;
import io.vigie.model.ScoredMention;
import io.vigie.model.SignalKind;
import io.vigie.model.SignalPhase;
import io.vigie.model.SpikeSignal;
import io.vigie.model.Topics;
import io.vigie.runtime.connect.KafkaConnection;
import io.vigie.runtime.connect.TopicAdmin;
import io.vigie.runtime.local.LocalKafka;
import io.vigie.runtime.local.Ports;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code vigie bench analyze}: the full analyze topology (real sentiment models, exactly-once v2) against a real
 * local Kafka broker it starts, fed with mentions built from the shared tweets. Phases: latency at a steady rate
 * (which is also the baseline of the spike brand), an injected spike, then sustained throughput on a backlog, then
 * the state store size.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Throughput, latency, spike-to-signal time and state size of the analyze topology on a local broker.")
public final class AnalyzeBenchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--shared", description = "the shared data folder (default: <repo>/../shared)")
    Path shared;

    @Option(names = "--data-dir", defaultValue = ".vigie/bench-analyze", description = "broker and state data (wiped first)")
    Path dataDir;

    @Option(names = "--rate", defaultValue = "200", description = "mentions per second in the latency phase")
    int rate;

    @Option(names = "--latency-seconds", defaultValue = "240", description = "length of the latency phase (also the spike baseline)")
    int latencySeconds;

    @Option(names = "--spike", defaultValue = "100", description = "mentions injected at once for the spike brand")
    int spike;

    @Option(names = "--backlog", description = "mentions in the throughput backlog (default 100000, 1000000 with --state-run)")
    Integer backlog;

    @Option(names = "--threads", defaultValue = "2", description = "stream threads")
    int threads;

    @Option(names = "--commit-interval-ms", defaultValue = "100", description = "exactly-once commit interval")
    int commitIntervalMs;

    @Option(names = "--warmup-seconds", defaultValue = "20", description = "mentions at the latency rate before the latency phase,"
            + " at least this long and then until 5 s pass with every mention scored within 500 ms (at most 5 min); reported apart")
    int warmupSeconds;

    @Option(names = "--state-run", description = "state size run: skip the latency and spike phases, process --backlog mentions"
            + " (1,000,000 unless --backlog is given) and report each store's RocksDB and changelog size")
    boolean stateRun;

    @Option(names = "--diagnose", description = "print stream-thread and producer metrics every 2 s, and the latency of each second of the latency phase")
    boolean diagnose;

    private PrintWriter out;
    private static final long REPORT_EVERY = 100_000;

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        Path sharedData = (shared != null ? shared : Path.of(System.getProperty("vigie.repo.root", "."), "..", "shared"))
                .resolve("data").normalize();
        BenchMentions mentions = new BenchMentions(sharedData);
        wipe(dataDir);
        int[] ports = Ports.free(2);
        MentionSentimentScorer scorer = AnalyzeStage.liveScorer();
        try (LocalKafka broker = new LocalKafka(new LocalKafka.Settings(dataDir.resolve("kafka"), ports[0], ports[1], "1g"))) {
            broker.start();
            broker.awaitReady();
            KafkaConnection kafka = broker.connection();
            TopicAdmin.ensure(kafka, Topics.all());
            new WatchlistClient(kafka).put(BenchMentions.brands(Instant.now()));
            AnalyzeConfig config = new AnalyzeConfig("vigie-bench-analyze", threads, commitIntervalMs, null,
                    Duration.ofSeconds(30), null, null, Duration.ofSeconds(1),
                    new AnalyzeConfig.Spikes(Duration.ofMinutes(3), Duration.ofMinutes(1)));
            out.printf(Locale.ROOT, "bench analyze: %d tweets, %d brands, threads=%d commit.interval.ms=%d, broker on this machine%n",
                    mentions.tweets(), BenchMentions.BRANDS, threads, commitIntervalMs);
            out.println("load before: " + uptime());
            out.flush();
            try (AnalyzeService service = new AnalyzeService(config, kafka, dataDir.resolve("state"), "bench", scorer, List.of());
                    KafkaProducer<String, byte[]> producer = producer(kafka)) {
                service.start();
                awaitRunning(service);
                Watcher watcher = new Watcher(kafka);
                watcher.start();
                Thread diagnostics = diagnose ? diagnostics(service) : null;
                int mentionsInBacklog = backlog != null ? backlog : stateRun ? 1_000_000 : 100_000;
                long sentBefore = 0;
                if (!stateRun) {
                    sentBefore = latencyAndSpike(mentions, producer, watcher);
                }
                throughput(mentions, producer, kafka, config.applicationId(), mentionsInBacklog, service,
                        AnalyzeTopology.statsApplicationId(config), sentBefore);
                watcher.stop();
                if (diagnostics != null) {
                    diagnostics.interrupt();
                }
                long total = sentBefore + mentionsInBacklog;
                storeMetrics(service, total);
                stateSize(dataDir.resolve("state"), total);
                changelogSize(kafka, config.applicationId(), AnalyzeTopology.statsApplicationId(config));
            }
        }
        out.println("load after: " + uptime());
        out.flush();
        return 0;
    }

    /** Returns how many mentions it sent. */
    private long latencyAndSpike(BenchMentions mentions, KafkaProducer<String, byte[]> producer, Watcher watcher)
            throws InterruptedException {
        int spikeBrand = BenchMentions.BRANDS - 1;
        long periodNanos = 1_000_000_000L / rate;
        long warmupSent = 0;
        if (warmupSeconds > 0) {
            // The first seconds of a fresh topology (JIT, first transactions, RocksDB) build a backlog that takes a
            // while to drain: measured apart, so the latency phase shows the steady state.
            long warmStart = System.nanoTime();
            long warmMin = warmStart + Duration.ofSeconds(warmupSeconds).toNanos();
            long warmMax = warmStart + Duration.ofMinutes(5).toNanos();
            long nextCheck = warmMin;
            long scoredAtCheck = watcher.seen.get();
            boolean caughtUp = false;
            for (long n = 0; !caughtUp && System.nanoTime() < warmMax; n++) {
                long wait = warmStart + n * periodNanos - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                RawMention m = mentions.next(0, spikeBrand, Instant.now());
                watcher.sentAt.putIfAbsent(m.id(), System.nanoTime());
                send(producer, m);
                warmupSent++;
                long now = System.nanoTime();
                if (now >= nextCheck) {
                    long scored = watcher.seen.get();
                    // Caught up: nothing slower than 500 ms for 5 s, and the last second scored most of what was sent.
                    caughtUp = now - watcher.lastSlowNanos.get() > Duration.ofSeconds(5).toNanos()
                            && scored - scoredAtCheck >= rate * 8L / 10;
                    scoredAtCheck = scored;
                    nextCheck = now + 1_000_000_000L;
                }
            }
            producer.flush();
            long[] warm = watcher.latenciesMillis();
            out.printf(Locale.ROOT, "warm-up at %d/s (not in the figures below): %s after %.0f s; %d sent, %d scored, p50 %d ms,"
                    + " p99 %d ms, max %d ms%n", rate, caughtUp ? "caught up" : "NOT caught up",
                    (System.nanoTime() - warmStart) / 1e9, warmupSent, warm.length, pct(warm, 50), pct(warm, 99),
                    warm.length == 0 ? -1 : warm[warm.length - 1]);
            out.println("load: " + uptime());
            out.flush();
            watcher.sentAt.clear();
            watcher.latencyNanos.clear();
        }
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(latencySeconds).toNanos();
        long sent = 0;
        Map<String, Long> sentAt = watcher.sentAt;
        // The spike brand gets one mention every 5 s as its baseline; the others share the rest of the rate.
        for (long n = 0; System.nanoTime() < end; n++) {
            long due = start + n * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            RawMention m = n % (rate * 5L) == 0 ? mentions.of(spikeBrand, Instant.now()) : mentions.next(0, spikeBrand, Instant.now());
            sentAt.putIfAbsent(m.id(), System.nanoTime());
            send(producer, m);
            sent++;
        }
        producer.flush();
        Thread.sleep(3000);
        long[] latencies = watcher.latenciesMillis();
        out.printf(Locale.ROOT, "latency append -> mentions.scored at %d/s for %d s: %d sent, %d scored, p50 %d ms, p90 %d ms,"
                + " p99 %d ms, max %d ms (read_committed; includes 2 exactly-once commits, %d ms interval)%n",
                rate, latencySeconds, sent, latencies.length, pct(latencies, 50), pct(latencies, 90), pct(latencies, 99),
                latencies.length == 0 ? -1 : latencies[latencies.length - 1], commitIntervalMs);
        if (diagnose) {
            out.println("latency by second of sending (s: n p50 max ms), seconds with max > 500 ms:");
            watcher.timeline(start).forEach(out::println);
        }
        out.println("load: " + uptime());
        out.flush();

        String brand = BenchMentions.brandId(spikeBrand);
        SpikeSignal before = watcher.startSignal.get(brand);
        if (before != null) {
            out.printf(Locale.ROOT, "note: a VOLUME START for %s came before the spike, on its baseline: \"%s\"%n", brand,
                    before.explanation());
        }
        watcher.startNanos.remove(brand);
        watcher.startSignal.remove(brand);
        long first = System.nanoTime();
        for (int i = 0; i < spike; i++) {
            send(producer, mentions.of(spikeBrand, Instant.now()));
        }
        producer.flush();
        long deadline = first + Duration.ofSeconds(90).toNanos();
        while (watcher.startAt(brand) == null && System.nanoTime() < deadline) {
            // Keep the steady traffic going while waiting.
            send(producer, mentions.next(0, spikeBrand, Instant.now()));
            sent++;
            Thread.sleep(1000 / Math.max(1, rate));
        }
        Long startAt = watcher.startAt(brand);
        if (startAt == null) {
            out.printf(Locale.ROOT, "spike: %d mentions of %s injected at once: NO VOLUME START within 90 s%n", spike, brand);
        } else {
            SpikeSignal s = watcher.startSignal.get(brand);
            out.printf(Locale.ROOT, "spike: %d mentions of %s injected at once, %d s after its first mention -> signals VOLUME START after %d ms"
                    + " (observed %.0f, expected %.1f, score %.2f): \"%s\"%n", spike, brand,
                    (first - start) / 1_000_000_000L, (startAt - first) / 1_000_000,
                    s.observed(), s.expected(), s.anomalyScore(), s.explanation());
        }
        out.println("load: " + uptime());
        out.flush();
        return warmupSent + sent + spike;
    }

    private void throughput(BenchMentions mentions, KafkaProducer<String, byte[]> producer, KafkaConnection kafka, String app,
            int backlog, AnalyzeService service, String statsApp, long sentBefore) throws Exception {
        long produceStart = System.nanoTime();
        for (int i = 0; i < backlog; i++) {
            send(producer, mentions.next(0, BenchMentions.BRANDS - 1, Instant.now()));
        }
        producer.flush();
        long produced = System.nanoTime();
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            List<TopicPartition> partitions = new ArrayList<>();
            admin.describeTopics(List.of(Topics.MENTIONS_RAW)).allTopicNames().get().get(Topics.MENTIONS_RAW)
                    .partitions().forEach(p -> partitions.add(new TopicPartition(Topics.MENTIONS_RAW, p.partition())));
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new java.util.HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
            long lag;
            long downstream = 0;
            long startLag = -1;
            long nextReport = REPORT_EVERY;
            do {
                Thread.sleep(500);
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(app).partitionsToOffsetAndMetadata().get();
                lag = 0;
                for (TopicPartition tp : partitions) {
                    OffsetAndMetadata c = committed.get(tp);
                    lag += ends.get(tp) - (c == null ? 0 : c.offset());
                }
                if (lag == 0) {
                    // Done only when the clustering step and the statistics application have caught up too.
                    downstream = downstreamLag(admin, app) + downstreamLag(admin, statsApp);
                }
                if (startLag < 0) {
                    startLag = lag;
                }
                long done = backlog - lag;
                if (stateRun && done >= nextReport && lag > 0) {
                    // The state as it grows, so a run cut short still says something.
                    out.printf(Locale.ROOT, "progress: %,d of %,d committed by the first step after %.0f s (%.0f mentions/s)%n", done, backlog,
                            (System.nanoTime() - produceStart) / 1e9, done / ((System.nanoTime() - produceStart) / 1e9));
                    storeMetrics(service, sentBefore + done);
                    changelogSize(kafka, app, statsApp);
                    nextReport += REPORT_EVERY;
                }
            } while ((lag > 0 || downstream > 0)
                    && System.nanoTime() - produced < Duration.ofMinutes(20).plusSeconds(backlog / 200).toNanos());
            double seconds = (System.nanoTime() - produceStart) / 1e9;
            out.printf(Locale.ROOT, "throughput: backlog of %d mentions produced in %.1f s, all committed by both"
                    + " applications (mentions.raw, the repartition topic, the brand observations) after %.1f s:"
                    + " %.0f mentions/s sustained (lag left %d + %d downstream)%n", backlog, (produced - produceStart) / 1e9,
                    seconds, backlog / seconds, lag, downstream);
        }
        out.println("load: " + uptime());
        out.flush();
    }

    /** Records not yet committed by a consumer group, over every partition it has committed on except mentions.raw. */
    private static long downstreamLag(Admin admin, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        committed.keySet().stream().filter(tp -> !tp.topic().equals(Topics.MENTIONS_RAW)).forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        if (latest.isEmpty()) {
            return 1;
        }
        long lag = 0;
        for (var e : admin.listOffsets(latest).all().get().entrySet()) {
            lag += Math.max(0, e.getValue().offset() - committed.get(e.getKey()).offset());
        }
        return lag;
    }

    /**
     * Each store's RocksDB figures from the Streams metrics (summed over tasks): live SST files, memtables, and the
     * estimated number of keys.
     */
    private void storeMetrics(AnalyzeService service, long mentionsSent) {
        Map<String, double[]> byStore = new java.util.TreeMap<>();
        service.metrics().forEach((name, metric) -> {
            if (!name.group().equals("stream-state-metrics") || !(metric.metricValue() instanceof Number v)) {
                return;
            }
            String store = name.tags().get("rocksdb-state-id");
            if (store == null) {
                store = name.tags().get("rocksdb-window-state-id");
            }
            if (store == null) {
                return;
            }
            int slot = switch (name.name()) {
                case "live-sst-files-size" -> 0;
                case "size-all-mem-tables" -> 1;
                case "estimate-num-keys" -> 2;
                default -> -1;
            };
            if (slot >= 0) {
                byStore.computeIfAbsent(store, k -> new double[3])[slot] += v.doubleValue();
            }
        });
        out.printf(Locale.ROOT, "RocksDB stores after %,d mentions sent (live SST files + memtables, estimated keys):%n", mentionsSent);
        byStore.forEach((store, f) -> out.printf(Locale.ROOT, "  %-22s %8.1f MiB SST + %6.1f MiB memtables, ~%,.0f keys%n",
                store, f[0] / 1048576.0, f[1] / 1048576.0, f[2]));
        out.flush();
    }

    private void stateSize(Path state, long mentionsSent) throws IOException {
        long total = 0;
        List<String> lines = new ArrayList<>();
        Map<String, Long> byStore = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.walk(state)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                long size = Files.size(f);
                total += size;
                for (String store : List.of(AnalyzeTopology.VERSIONS_STORE, AnalyzeTopology.COPY_BANDS_STORE,
                        AnalyzeTopology.COPY_CLUSTERS_STORE, AnalyzeTopology.COPY_MEMBERS_STORE,
                        AnalyzeTopology.COPY_SPREAD_ALERTS_STORE, AnalyzeTopology.ENGAGEMENT_SOURCES_STORE,
                        AnalyzeTopology.STATS_WINDOWS_STORE, AnalyzeTopology.SIGNAL_SERIES_STORE)) {
                    if (f.toString().contains("/" + store)) {
                        byStore.merge(store, size, Long::sum);
                    }
                }
            }
        }
        byStore.forEach((k, v) -> lines.add(k + " " + (v / 1024) + " KiB"));
        out.printf(Locale.ROOT, "state directory on disk (RocksDB files, memtables not counted) after %,d mentions sent: %.1f MiB total (%s)%n",
                mentionsSent, total / 1048576.0, String.join(", ", lines));
        out.flush();
    }

    /**
     * The stores' changelog topics on the broker: the durable size of the state (RocksDB keeps recent writes in
     * memtables, so its files under-state a young store).
     */
    private void changelogSize(KafkaConnection kafka, String app, String statsApp) throws Exception {
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            Map<String, Long> bytes = new java.util.TreeMap<>();
            var nodes = admin.describeCluster().nodes().get().stream().map(n -> n.id()).toList();
            admin.describeLogDirs(nodes).allDescriptions().get().values().forEach(dirs -> dirs.values().forEach(d ->
                    d.replicaInfos().forEach((tp, info) -> {
                        for (String prefix : List.of(statsApp + "-", app + "-")) {
                            if (tp.topic().startsWith(prefix) && tp.topic().endsWith("-changelog")) {
                                String store = tp.topic().substring(prefix.length(), tp.topic().length() - "-changelog".length());
                                bytes.merge(store, info.size(), Long::sum);
                                break;
                            }
                        }
                    })));
            long total = bytes.values().stream().mapToLong(Long::longValue).sum();
            List<String> parts = new ArrayList<>();
            bytes.forEach((k, v) -> parts.add(k + " " + (v / 1024) + " KiB"));
            out.printf(Locale.ROOT, "state changelogs on the broker: %.1f MiB total (%s)%n", total / 1048576.0,
                    String.join(", ", parts));
            out.println("load: " + uptime());
            out.flush();
        }
    }

    /** Every 2 s: per stream thread the slowest commit, punctuation, poll and process, and transaction time spent. */
    private Thread diagnostics(AnalyzeService service) {
        Thread t = new Thread(() -> {
            Map<String, Double> last = new java.util.HashMap<>();
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    return;
                }
                StringBuilder line = new StringBuilder("diag t=" + Instant.now());
                java.util.TreeMap<String, Double> now = new java.util.TreeMap<>();
                service.metrics().forEach((name, metric) -> {
                    String thread = name.tags().getOrDefault("thread-id", name.tags().getOrDefault("client-id", ""));
                    thread = thread.replaceAll(".*StreamThread-(\\d+).*", "t$1");
                    String g = name.group();
                    String n = name.name();
                    boolean wanted = g.equals("stream-thread-metrics") && List.of("commit-latency-max", "punctuate-latency-max",
                            "poll-latency-max", "process-latency-max", "commit-total", "blocked-time-ns-total").contains(n)
                            || g.equals("producer-metrics") && List.of("txn-commit-time-ns-total", "flush-time-ns-total",
                            "txn-send-offsets-time-ns-total", "outgoing-byte-total", "bufferpool-wait-time-ns-total").contains(n)
                            || g.equals("stream-task-metrics") && n.equals("process-latency-max");
                    if (wanted && metric.metricValue() instanceof Number v) {
                        String key = thread + (g.equals("stream-task-metrics") ? "." + name.tags().get("task-id") : "") + "." + n;
                        now.merge(key, v.doubleValue(), Double::sum);
                    }
                });
                now.forEach((k, v) -> {
                    if (k.endsWith("-total")) {
                        double d = v - last.getOrDefault(k, 0.0);
                        last.put(k, v);
                        line.append(' ').append(k.replace("-total", "/2s")).append('=')
                                .append(k.contains("-ns-") ? String.format(Locale.ROOT, "%.0fms", d / 1e6) : String.format(Locale.ROOT, "%.0f", d));
                    } else if (!Double.isNaN(v) && v > 50) {
                        line.append(' ').append(k).append('=').append(String.format(Locale.ROOT, "%.0f", v));
                    }
                });
                out.println(line);
                out.flush();
            }
        }, "bench-diagnostics");
        t.setDaemon(true);
        t.start();
        return t;
    }

    // One serde each: JsonSerdes.x() builds a new mapper, whose introspection took a quarter of this process's CPU
    // when called per record (JFR), CPU the topology under test then lacked.
    private static final io.vigie.model.JsonSerde<RawMention> RAW = JsonSerdes.raw();
    private static final io.vigie.model.JsonSerde<ScoredMention> SCORED = JsonSerdes.scored();
    private static final io.vigie.model.JsonSerde<SpikeSignal> SIGNAL = JsonSerdes.signal();

    private static void send(KafkaProducer<String, byte[]> producer, RawMention m) {
        producer.send(new ProducerRecord<>(Topics.MENTIONS_RAW, m.id(), RAW.encode(m)));
    }

    private static KafkaProducer<String, byte[]> producer(KafkaConnection kafka) {
        Properties p = kafka.clientConfig();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    private static void awaitRunning(AnalyzeService service) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (service.state() != org.apache.kafka.streams.KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("analyze did not reach RUNNING within 2 minutes: " + service.state());
            }
            Thread.sleep(200);
        }
    }

    private static long pct(long[] sorted, int p) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static String uptime() {
        try {
            return new String(new ProcessBuilder("uptime").start().getInputStream().readAllBytes()).strip();
        } catch (IOException e) {
            return "uptime unavailable: " + e.getMessage();
        }
    }

    private static void wipe(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
    }

    /** Reads mentions.scored and signals (read_committed) and notes when each record arrived. */
    private static final class Watcher {
        final Map<String, Long> sentAt = new ConcurrentHashMap<>();
        final Map<String, Long> latencyNanos = new ConcurrentHashMap<>();
        final Map<String, Long> startNanos = new ConcurrentHashMap<>();
        final Map<String, SpikeSignal> startSignal = new ConcurrentHashMap<>();
        private final KafkaConnection kafka;
        private final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicLong seen = new AtomicLong();
        final AtomicLong lastSlowNanos = new AtomicLong(System.nanoTime());
        private final List<Thread> threads = new ArrayList<>();

        Watcher(KafkaConnection kafka) {
            this.kafka = kafka;
        }

        void start() throws InterruptedException {
            threads.add(reader(Topics.MENTIONS_SCORED, r -> {
                ScoredMention s = SCORED.decode(r.value());
                Long at = sentAt.get(s.mention().id());
                if (at != null) {
                    long latency = System.nanoTime() - at;
                    latencyNanos.putIfAbsent(s.mention().id(), latency);
                    if (latency > 500_000_000L) {
                        lastSlowNanos.set(System.nanoTime());
                    }
                }
                seen.incrementAndGet();
            }));
            threads.add(reader(Topics.SIGNALS, r -> {
                SpikeSignal s = SIGNAL.decode(r.value());
                if (s.kind() == SignalKind.VOLUME && s.phase() == SignalPhase.START) {
                    startNanos.putIfAbsent(s.brand(), System.nanoTime());
                    startSignal.putIfAbsent(s.brand(), s);
                }
            }));
            Thread.sleep(3000);
        }

        Long startAt(String brand) {
            return startNanos.get(brand);
        }

        /** Seconds since {@code start} whose mentions waited more than 500 ms for the slowest of them. */
        List<String> timeline(long start) {
            Map<Long, List<Long>> bySecond = new java.util.TreeMap<>();
            latencyNanos.forEach((id, l) -> {
                Long at = sentAt.get(id);
                if (at != null && at >= start) {
                    bySecond.computeIfAbsent((at - start) / 1_000_000_000L, k -> new ArrayList<>()).add(l / 1_000_000);
                }
            });
            List<String> lines = new ArrayList<>();
            bySecond.forEach((sec, l) -> {
                l.sort(null);
                if (l.get(l.size() - 1) > 500) {
                    lines.add(String.format(Locale.ROOT, "  %d: %d %d %d", sec, l.size(), l.get(l.size() / 2), l.get(l.size() - 1)));
                }
            });
            return lines;
        }

        long[] latenciesMillis() {
            long[] l = latencyNanos.values().stream().mapToLong(n -> n / 1_000_000).toArray();
            Arrays.sort(l);
            return l;
        }

        private Thread reader(String topic, java.util.function.Consumer<ConsumerRecord<String, byte[]>> handle) {
            Thread t = new Thread(() -> {
                Properties p = kafka.clientConfig();
                p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
                p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-watch-" + topic + "-" + System.nanoTime());
                p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
                p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
                try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
                    c.subscribe(List.of(topic));
                    while (running.get()) {
                        c.poll(Duration.ofMillis(50)).forEach(handle);
                    }
                }
            }, "bench-watch-" + topic);
            t.setDaemon(true);
            t.start();
            return t;
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) {
                t.join(5000);
            }
        }
    }
}
