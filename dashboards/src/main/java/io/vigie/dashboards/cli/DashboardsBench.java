package io.vigie.dashboards.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.dashboards.DashboardsConfig;
import io.vigie.dashboards.WebSettings;
import io.vigie.dashboards.index.IndexerSettings;
import io.vigie.dashboards.index.MentionIndexer;
import io.vigie.dashboards.web.DashboardWeb;
import io.vigie.dashboards.web.WebSetup;
import io.vigie.dashboards.web.auth.Accounts;
import io.vigie.dashboards.web.auth.ApiTokens;
import io.vigie.dashboards.web.auth.Passwords;
import io.vigie.dashboards.web.auth.SessionCookie;
import io.vigie.dashboards.web.live.LiveFeed;
import io.vigie.dashboards.web.live.LiveHub;
import io.vigie.model.Engagement;
import io.vigie.model.JsonSerde;
import io.vigie.model.MentionKind;
import io.vigie.model.Provenance;
import io.vigie.model.RawMention;
import io.vigie.model.Schema;
import io.vigie.model.ScoredMention;
import io.vigie.model.Sentiment;
import io.vigie.model.SentimentLabel;
import io.vigie.model.Topics;
import io.vigie.model.VigieJson;
import io.vigie.runtime.local.LocalCluster;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigie bench dashboards}: on a local Kafka and Elasticsearch, (1) from a mention's record on
 * {@code mentions.scored} to its server-sent event on each of {@code --pages} connected pages: latency percentiles,
 * the server's CPU and memory per page; (2) the brand page's answer time for a brand with {@code --indexed}
 * mentions indexed (through the real indexer) over 30 days.
 */
@Command(name = "dashboards", mixinStandardHelpOptions = true,
        description = "Live fan-out latency to many pages, and brand page time on many indexed mentions; prints figures.")
public final class DashboardsBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--pages", defaultValue = "200", description = "Connected pages (SSE clients).")
    int pages;

    @Option(names = "--events", defaultValue = "300", description = "Mentions published while the pages listen.")
    int events;

    @Option(names = "--interval-ms", defaultValue = "20", description = "Time between two published mentions.")
    int intervalMs;

    @Option(names = "--indexed", defaultValue = "200000", description = "Mentions of the big brand indexed for the page-time test; 0 skips it.")
    int indexed;

    @Option(names = "--requests", defaultValue = "40", description = "Brand page requests per range.")
    int requests;

    @Option(names = "--data-dir", defaultValue = ".vigie/bench-dashboards", description = "Kafka and Elasticsearch data (deleted first).")
    Path dataDirectory;

    private final JsonSerde<ScoredMention> serde = JsonSerde.of(ScoredMention.class);

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path data = dataDirectory.toAbsolutePath();
        deleteRecursively(data);
        Files.createDirectories(data);
        String token = ApiTokens.newToken();
        try (LocalCluster cluster = LocalCluster.start(LocalCluster.Settings.onFreePorts(data))) {
            IndexerSettings indexerSettings = new IndexerSettings(true, "vigie-mentions", "bench-indexer", 5000, null,
                    500, 2, 50_000, null, null, null, 1, "0-0", null);
            MentionIndexer indexer = new MentionIndexer(indexerSettings, cluster.kafka(), cluster.elasticsearch(), "bench",
                    Clock.systemUTC());
            LiveHub hub = new LiveHub(LiveFeed.Topics4.DEFAULT.all(), 20_000, 1_000);
            LiveFeed feed = new LiveFeed(cluster.kafka(), LiveFeed.Topics4.DEFAULT, Duration.ofMinutes(10), hub, Clock.systemUTC());
            WebSetup setup = new WebSetup(new DashboardsConfig.Http(true, "127.0.0.1", 0), Accounts.of(List.of(), new Passwords(4)),
                    new ApiTokens(List.of(new WebSettings.ApiToken("bench", ApiTokens.sha256(token), "viewer"))),
                    new SessionCookie(ApiTokens.newToken().getBytes(), Duration.ofHours(1), Clock.systemUTC()),
                    ZoneId.of("UTC"), Map.of(), false);
            DashboardWeb web = new DashboardWeb(setup, cluster.elasticsearch(), "vigie-mentions", feed, Clock.systemUTC());
            var p = cluster.kafka().producerConfig();
            p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
                indexer.start();
                feed.start();
                web.start();
                fanOut(out, web.port(), token, hub, producer);
                if (indexed > 0) {
                    pageTime(out, web.port(), token, cluster, producer);
                }
            } finally {
                web.close();
                feed.close();
                indexer.close();
            }
        }
        return 0;
    }

    private void fanOut(PrintWriter out, int port, String token, LiveHub hub, KafkaProducer<String, byte[]> producer)
            throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long heapBefore = settledHeap(memory);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long[] sent = new long[events];
        Map<Integer, long[]> received = new ConcurrentHashMap<>();
        AtomicLong deliveries = new AtomicLong();
        for (int page = 0; page < pages; page++) {
            long[] mine = new long[events];
            received.put(page, mine);
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/live?types=mention&brand=benchbrand"))
                    // Javalin answers server-sent events only to a request that accepts them, as EventSource does.
                    .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).build();
            http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new LineCounter(mine, deliveries)));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (hub.openPages() < pages && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(1000);
        long heapWithPages = settledHeap(memory);
        Map<Long, Long> cpuBefore = serverCpu(threads);
        long processCpuBefore = processCpu();
        long wallBefore = System.nanoTime();
        for (int i = 0; i < events; i++) {
            byte[] value = serde.encode(mention("bench-" + i, "benchbrand", Instant.now(), Instant.now(), i));
            sent[i] = System.nanoTime();
            producer.send(new ProducerRecord<>(Topics.MENTIONS_SCORED, "bench-" + i, value));
            Thread.sleep(intervalMs);
        }
        producer.flush();
        long want = (long) pages * events;
        deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (deliveries.get() < want && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        long wall = System.nanoTime() - wallBefore;
        long serverCpuNs = delta(cpuBefore, serverCpu(threads));
        long processCpuNs = processCpu() - processCpuBefore;
        List<Long> latencies = new ArrayList<>();
        long missing = 0;
        for (long[] mine : received.values()) {
            for (int i = 0; i < events; i++) {
                if (mine[i] == 0) {
                    missing++;
                } else {
                    latencies.add(mine[i] - sent[i]);
                }
            }
        }
        latencies.sort(Comparator.naturalOrder());
        out.printf("bench=dashboards-live pages=%d events=%d intervalMs=%d delivered=%d missing=%d openPagesAtEnd=%d%n",
                pages, events, intervalMs, latencies.size(), missing, hub.openPages());
        out.printf("latency record->event on each page: p50=%.1f ms p99=%.1f ms max=%.1f ms%n",
                pct(latencies, 50), pct(latencies, 99), latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1) / 1e6);
        out.printf("server CPU (feed, page writers, Jetty threads) during the events: %.1f %% of one core = %.3f %% per page;"
                        + " whole process (clients too) %.1f %%%n",
                100.0 * serverCpuNs / wall, 100.0 * serverCpuNs / wall / pages, 100.0 * processCpuNs / wall);
        out.printf("heap: %d MiB before the pages, %d MiB with them: %.1f KiB per open page%n",
                heapBefore >> 20, heapWithPages >> 20, (heapWithPages - heapBefore) / 1024.0 / pages);
        out.flush();
    }

    private void pageTime(PrintWriter out, int port, String token, LocalCluster cluster,
            KafkaProducer<String, byte[]> producer) throws Exception {
        Random random = new Random(42);
        Instant now = Instant.now();
        long t0 = System.nanoTime();
        for (int i = 0; i < indexed; i++) {
            Instant at = now.minusSeconds(60 + random.nextInt(30 * 86_400));
            producer.send(new ProducerRecord<>(Topics.MENTIONS_SCORED, "big-" + i,
                    serde.encode(mention("big-" + i, "bigbrand", at, now.minusSeconds(3600), i))));
        }
        producer.flush();
        HttpClient http = HttpClient.newHttpClient();
        long count = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (count < indexed && System.nanoTime() < deadline) {
            Thread.sleep(2000);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(cluster.elasticsearchUrl()
                    + "/vigie-mentions/_count?q=brands:bigbrand")).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode n = VigieJson.newMapper().readTree(r.body());
            count = n.path("count").asLong();
        }
        out.printf("bench=dashboards-brand-page indexed=%d of %d in %.0f s (through mentions.scored and the indexer)%n",
                count, indexed, (System.nanoTime() - t0) / 1e9);
        for (String range : List.of("24h", "7d", "30d")) {
            for (String path : List.of("/api/brands/bigbrand?range=" + range, "/brands/bigbrand?range=" + range)) {
                List<Long> times = new ArrayList<>();
                for (int i = 0; i < requests + 3; i++) {
                    long s = System.nanoTime();
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                    long e = System.nanoTime() - s;
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
                    }
                    if (i >= 3) {
                        times.add(e);
                    }
                }
                times.sort(Comparator.naturalOrder());
                out.printf("%s: p50=%.0f ms p95=%.0f ms max=%.0f ms (%d requests after 3 warm-up, timed at the client on loopback)%n",
                        path, pct(times, 50), pct(times, 95), times.get(times.size() - 1) / 1e6, times.size());
            }
        }
        out.flush();
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
    }

    private static long settledHeap(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** CPU time of the server's threads: the live feed, the page writers and Jetty's pool. */
    private static Map<Long, Long> serverCpu(ThreadMXBean threads) {
        Map<Long, Long> cpu = new ConcurrentHashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            String name = info.getThreadName();
            if (name.startsWith("live-page-") || name.startsWith("dashboard-live-feed") || name.startsWith("JettyServerThreadPool")
                    || name.startsWith("kafka-coordinator") || name.contains("vigie-dashboard-live")) {
                long t = threads.getThreadCpuTime(info.getThreadId());
                if (t > 0) {
                    cpu.put(info.getThreadId(), t);
                }
            }
        }
        return cpu;
    }

    private static long delta(Map<Long, Long> before, Map<Long, Long> after) {
        long sum = 0;
        for (Map.Entry<Long, Long> e : after.entrySet()) {
            sum += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return sum;
    }

    private static long processCpu() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    static ScoredMention mention(String id, String brand, Instant eventTime, Instant scoredAt, int n) {
        SentimentLabel label = SentimentLabel.values()[n % 3];
        String[] words = {"antivol", "cadenas", "stylo", "vol", "vélo", "serrure", "clé", "rappel", "prix", "garantie"};
        String text = "Le " + brand + " " + words[n % words.length] + " " + words[(n / 7) % words.length] + " encore, "
                + words[(n / 3) % words.length] + " numéro " + (n % 1000) + ".";
        RawMention raw = new RawMention(Schema.VERSION, id, 1, "source" + (n % 40), "host" + (n % 25) + ".example",
                MentionKind.POST, "https://host" + (n % 25) + ".example/p/" + id, null, null, "author" + (n % 300),
                "Mention " + n, text, "<p>" + text + "</p>", List.of(), List.of(), eventTime, eventTime,
                n % 4 == 0 ? "en" : "fr", new Engagement((long) (n % 5000), 1L, null, 0L, 0L, null, null),
                new Provenance("bench", "bench", "https://bench.example/feed", "h" + n));
        Sentiment s = new Sentiment(label, 0, 0.9, "bench", "1");
        return new ScoredMention(Schema.VERSION, raw, List.of(brand), n % 4 == 0 ? "en" : "fr", 0.9, s, Map.of(brand, s),
                "c" + id, 1, false, eventTime, scoredAt);
    }

    /** Reads one page's events: for each mention event, the time it arrived. */
    private static final class LineCounter implements Flow.Subscriber<String> {
        private final long[] arrivals;
        private final AtomicLong deliveries;

        LineCounter(long[] arrivals, AtomicLong deliveries) {
            this.arrivals = arrivals;
            this.deliveries = deliveries;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith("data:")) {
                int at = line.indexOf("\"bench-");
                if (at > 0) {
                    int end = line.indexOf('"', at + 1);
                    int seq = Integer.parseInt(line.substring(at + 7, end));
                    if (seq < arrivals.length && arrivals[seq] == 0) {
                        arrivals[seq] = System.nanoTime();
                        deliveries.incrementAndGet();
                    }
                }
            }
        }

        @Override
        public void onError(Throwable t) {}

        @Override
        public void onComplete() {}
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
