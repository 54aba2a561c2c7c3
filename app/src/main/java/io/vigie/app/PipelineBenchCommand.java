package io.vigie.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vigie.model.BrandStats;
import io.vigie.model.JsonSerde;
import io.vigie.model.Topics;
import io.vigie.model.VigieJson;
import io.vigie.runtime.config.ConfigDocument;
import io.vigie.runtime.local.LocalCluster;
import io.vigie.runtime.local.Ports;
import io.vigie.runtime.service.StageContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigie bench pipeline}: the whole local pipeline (a real broker and Elasticsearch on free ports, every
 * stage in this process) measured from the first crisis item put in a local feed to the webhook that tells someone.
 *
 * <p>Each brand has its own feed on its own loopback address (so one brand's polls never wait on another's host
 * politeness), a calm baseline of one closed minute, then a crisis of {@code --crisis-items} negative posts published
 * at once. The detector's evidence needs are part of the set-up, not of the figure: {@code warmUp} 0 and one closed
 * calm minute (the detector's committed parameters would need 12 h), and enough items in one poll to alarm on the
 * open minute. The latency thus covers: waiting for the next poll (sources polled every 1–2 s), fetch and parse,
 * mentions.raw, the streams topology (two repartitions, exactly-once commits), the open-minute judgement (every
 * {@code emitInterval}, 1 s), signals, incident, routing, the outbox and the HTTP delivery.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = "First crisis item published in a local feed -> webhook received, through every stage (p50/p99).")
final class PipelineBenchCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = VigieJson.newMapper();
    private static final String SECRET = "bench-pipeline-secret-0123456789";

    @Spec
    CommandSpec spec;

    @Option(names = "--brands", defaultValue = "10", description = "Brands, each with its feed and its crisis (one sample each).")
    int brands;

    @Option(names = "--crisis-items", defaultValue = "12", description = "Negative posts published at once per crisis.")
    int crisisItems;

    @Option(names = "--spacing-ms", defaultValue = "3000", description = "Time between two brands' crises.")
    long spacingMs;

    @Option(names = "--data-dir", defaultValue = ".vigie/bench-pipeline",
            description = "Where the local servers keep their data; emptied before and after the run, so each run starts"
                    + " from empty topics and a brand history of nothing.")
    Path dataDirectory;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path data = dataDirectory.toAbsolutePath();
        deleteRecursively(data);
        Files.createDirectories(data);
        List<Feed> feeds = new ArrayList<>();
        List<Arrival> arrivals = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/hook", exchange -> {
            try (exchange) {
                long at = System.nanoTime();
                arrivals.add(new Arrival(at, JSON.readTree(exchange.getRequestBody().readAllBytes())));
                exchange.sendResponseHeaders(200, -1);
            }
        });
        hook.start();
        try (LocalCluster cluster = LocalCluster.start(LocalCluster.Settings.onFreePorts(data))) {
            for (int i = 0; i < brands; i++) {
                feeds.add(Feed.start("127.0.0." + (10 + i), "benchbrand" + i));
            }
            int[] ports = Ports.free(2);
            StringBuilder yaml = new StringBuilder("""
                    ingest:
                      contactUrl: https://vigie.example.org/bench
                      allowedPrivateRanges: [127.0.0.0/8]
                      minHostDelayMillis: 100
                      sources:
                    """);
            for (Feed f : feeds) {
                yaml.append("    - {name: ").append(f.brand).append(", url: \"").append(f.url())
                        .append("\", minPollSeconds: 1, maxPollSeconds: 2, brands: [").append(f.brand).append("]}\n");
            }
            yaml.append("""
                    analyze:
                      applicationId: vigie-analyze-bench-pipeline
                      grace: PT5S
                      spikes: {warmUp: PT0S, quiet: PT2M}
                    brands:
                    """);
            for (Feed f : feeds) {
                yaml.append("  - {id: ").append(f.brand).append(", name: ").append(f.brand).append(", query: '")
                        .append(f.brand).append("'}\n");
            }
            yaml.append("""
                    alerting:
                      publicBaseUrl: http://127.0.0.1:%1$d
                      signingSecret: %2$s
                      api: {host: 127.0.0.1, port: %1$d}
                      defaultReceiver: hook
                      receivers:
                        - {name: hook, type: webhook, url: "http://127.0.0.1:%3$d/hook"}
                    dashboards:
                      http: {host: 127.0.0.1, port: %4$d}
                    """.formatted(ports[0], SECRET, hook.getAddress().getPort(), ports[1]));
            ConfigDocument doc = ConfigDocument.parse(yaml.toString(), "bench pipeline config", name -> null);
            StageContext context = new StageContext(doc, cluster.kafka(), cluster.elasticsearch(), "bench-1",
                    data.resolve("state"), Clock.systemUTC());
            try (ServiceRunner services = ServiceRunner.start(Stages.all(), context);
                    KafkaConsumer<byte[], byte[]> stats = tail(cluster, Topics.BRAND_STATS)) {
                out.println("services started; calm baseline (one closed minute per brand)...");
                out.flush();
                // Texts differ from brand to brand: the same sentence on several brands' sites would be a copy
                // spreading across sites (a COPY_SPREAD signal), which is not what is measured here.
                java.util.Random words = new java.util.Random(42);
                for (Feed f : feeds) {
                    f.publish(f.brand + " lock review: " + phrase(words) + ".");
                    f.publish("My " + f.brand + " lock: " + phrase(words) + ".");
                }
                awaitBaselines(stats, feeds);

                out.println("crises: " + brands + " brands, " + crisisItems + " negative posts each, every " + spacingMs + " ms");
                out.flush();
                Map<String, Long> published = new ConcurrentHashMap<>();
                for (Feed f : feeds) {
                    List<String> texts = new ArrayList<>();
                    for (int k = 0; k < crisisItems; k++) {
                        texts.add("Scandal: the " + f.brand + " lock opened with a pen. Terrible, awful, worst lock"
                                + " ever, I am furious: " + phrase(words) + ".");
                    }
                    published.put(f.brand, System.nanoTime());
                    f.publish(texts.toArray(String[]::new));
                    Thread.sleep(spacingMs);
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                List<Long> latencies = new ArrayList<>();
                List<String> beforeCrisis = new ArrayList<>();
                while (System.nanoTime() < deadline) {
                    latencies.clear();
                    beforeCrisis.clear();
                    for (Feed f : feeds) {
                        long crisisAt = published.get(f.brand);
                        arrivals.stream().filter(a -> a.brand().equals(f.brand) && a.nanos() < crisisAt)
                                .forEach(a -> beforeCrisis.add(a.describe(crisisAt)));
                        arrivals.stream().filter(a -> a.brand().equals(f.brand) && a.nanos() >= crisisAt)
                                .mapToLong(Arrival::nanos).min()
                                .ifPresent(at -> latencies.add((at - crisisAt) / 1_000_000));
                    }
                    if (latencies.size() == brands) {
                        break;
                    }
                    Thread.sleep(100);
                }
                latencies.sort(null);
                out.println("vigie bench pipeline: load(1m,5m,15m)=" + load() + " brands=" + brands
                        + " crisisItemsPerPoll=" + crisisItems + " pollEvery=1-2s warmUp=PT0S baseline=1 closed minute");
                out.println("first crisis item published -> webhook received: samples=" + latencies.size()
                        + " missing=" + (brands - latencies.size())
                        + (latencies.isEmpty() ? "" : " p50=" + percentile(latencies, 50) + "ms p99="
                        + percentile(latencies, 99) + "ms max=" + latencies.get(latencies.size() - 1) + "ms")
                        + " all=" + latencies);
                out.println("notifications before a brand's crisis (false alarms on the calm baseline): "
                        + beforeCrisis.size() + (beforeCrisis.isEmpty() ? "" : " " + beforeCrisis));
                out.println("goal p99 < 2000 ms beyond the detector's evidence needs: "
                        + (latencies.size() == brands && percentile(latencies, 99) < 2000 ? "met" : "NOT met"));
                out.flush();
                return latencies.size() == brands ? 0 : 1;
            }
        } finally {
            hook.stop(0);
            feeds.forEach(f -> f.server.stop(0));
            deleteRecursively(data);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private record Arrival(long nanos, JsonNode body) {
        String brand() {
            return body.path("brand").asText();
        }

        String describe(long crisisAt) {
            return body.path("brand").asText() + "/" + body.path("kind").asText() + "/" + body.path("reason").asText()
                    + " observed=" + body.path("observed").asText() + " expected=" + body.path("expected").asText()
                    + " " + (crisisAt - nanos) / 1_000_000 + "ms before";
        }
    }

    /** Waits until every brand has a closed one-minute window with mentions; republishes a calm post if none came. */
    private static void awaitBaselines(KafkaConsumer<byte[], byte[]> stats, List<Feed> feeds) throws InterruptedException {
        JsonSerde<BrandStats> serde = JsonSerde.of(BrandStats.class);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        Set<String> closed = ConcurrentHashMap.newKeySet();
        long start = System.nanoTime();
        long lastRetry = start;
        while (closed.size() < feeds.size()) {
            if (System.nanoTime() - start > Duration.ofMinutes(4).toNanos()) {
                throw new IllegalStateException("no closed calm minute within 4 minutes for "
                        + feeds.stream().map(f -> f.brand).filter(b -> !closed.contains(b)).toList());
            }
            for (ConsumerRecord<byte[], byte[]> r : stats.poll(Duration.ofMillis(200))) {
                BrandStats s = serde.decode(r.value());
                seen.add(s.brand());
                if (s.window().equals("PT1M") && s.closed() && s.volume() > 0) {
                    closed.add(s.brand());
                }
            }
            if (System.nanoTime() - lastRetry > Duration.ofSeconds(20).toNanos()) {
                // Posts that reached the stream after their minute closed are not counted: publish another.
                for (Feed f : feeds) {
                    if (!seen.contains(f.brand)) {
                        f.publish("Another ordinary day with my " + f.brand + " lock, " + f.brand.hashCode() + ".");
                    }
                }
                lastRetry = System.nanoTime();
            }
        }
    }

    private static KafkaConsumer<byte[], byte[]> tail(LocalCluster cluster, String topic) {
        Properties p = cluster.kafka().clientConfig();
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> parts = c.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
        c.assign(parts);
        c.seekToBeginning(parts);
        return c;
    }

    private static final String[] WORDS = ("station bridge river market garden tram harbour museum bakery office "
            + "stadium library campus school square tower canal forest valley village road lane hill beach park "
            + "evening morning rain sun wind snow winter summer autumn spring courier rider tourist student nurse").split(" ");

    /** Eight words drawn at random: enough for two texts to share few of their word pairs. */
    private static String phrase(java.util.Random random) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            b.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return b.toString();
    }

    static long percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** One brand's site: an RSS feed on its own loopback address, items dated when published, newest first. */
    private static final class Feed {
        final HttpServer server;
        final String host;
        final String brand;
        private final List<String> items = new ArrayList<>();
        private int next;

        private Feed(HttpServer server, String host, String brand) {
            this.server = server;
            this.host = host;
            this.brand = brand;
        }

        static Feed start(String host, String brand) throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, 0), 0);
            Feed feed = new Feed(server, host, brand);
            server.createContext("/", feed::handle);
            server.start();
            return feed;
        }

        String url() {
            return "http://" + host + ":" + server.getAddress().getPort() + "/feed.xml";
        }

        synchronized void publish(String... texts) {
            String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
            for (String text : texts) {
                String link = "http://" + host + ":" + server.getAddress().getPort() + "/posts/" + (++next);
                items.add(0, "<item><title>" + brand + " " + next + "</title><link>" + link + "</link><guid>" + link
                        + "</guid><pubDate>" + date + "</pubDate><description>" + text + "</description></item>");
            }
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                if (!exchange.getRequestURI().getPath().equals("/feed.xml")) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                String body;
                synchronized (this) {
                    body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>" + brand
                            + "</title><link>http://" + host + "/</link><description>bench</description>"
                            + String.join("", items) + "</channel></rss>";
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream o = exchange.getResponseBody()) {
                    o.write(bytes);
                }
            }
        }
    }
}
