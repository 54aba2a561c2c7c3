package io.vigie.ingest.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vigie.ingest.IngestConfig;
import io.vigie.ingest.poll.FetchStack;
import io.vigie.ingest.poll.IngestEngine;
import io.vigie.ingest.poll.PollOutcome;
import io.vigie.ingest.poll.PollSink;
import io.vigie.model.IngestState;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigie bench ingest}: serves N feeds from local HTTP servers on H loopback addresses (127.0.0.2 …) that
 * stand for H different sites, polls them all once through the real fetch, politeness, robots and parsing path,
 * and reports feeds polled per second, items parsed per second, peak heap, and the highest number of concurrent
 * requests any one server saw (politeness requires 1). Publishing is replaced by an in-memory sink: this measures
 * the reading side, not Kafka.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Benchmark feed polling: many feeds over many local hosts, politeness on.")
public final class BenchIngestCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--feeds", defaultValue = "10000")
    int feeds;

    @Option(names = "--hosts", defaultValue = "50")
    int hosts;

    @Option(names = "--items", defaultValue = "10", description = "Items per feed.")
    int items;

    @Option(names = "--min-host-delay-ms", defaultValue = "100", description = "Politeness delay between two requests to one host.")
    long minHostDelayMillis;

    @Option(names = "--threads", defaultValue = "50", description = "Concurrent polls (at most one per host).")
    int threads;

    @Option(names = "--timeout-s", defaultValue = "300", description = "Give up after this long.")
    long timeoutSeconds;

    /** One simulated site: counts its concurrent requests. */
    static final class Site {
        final HttpServer server;
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final AtomicLong requests = new AtomicLong();

        Site(String address, int items) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 64);
            server.setExecutor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "bench-site");
                t.setDaemon(true);
                return t;
            }));
            server.createContext("/", exchange -> handle(exchange, items));
            server.start();
        }

        String base() {
            return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
        }

        private void handle(HttpExchange exchange, int items) throws IOException {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            requests.incrementAndGet();
            try {
                String path = exchange.getRequestURI().getPath();
                if (path.equals("/robots.txt")) {
                    byte[] robots = "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "text/plain");
                    exchange.sendResponseHeaders(200, robots.length);
                    exchange.getResponseBody().write(robots);
                } else {
                    byte[] body = feed(base(), path, items).getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
            } finally {
                inFlight.decrementAndGet();
                exchange.close();
            }
        }
    }

    static String feed(String base, String path, int items) {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>")
                .append("<title>Bench ").append(path).append("</title><link>").append(base).append(path).append("</link>");
        for (int i = 0; i < items; i++) {
            s.append("<item><title>Item ").append(i).append(" of ").append(path).append("</title><link>").append(base)
                    .append(path).append("/item/").append(i).append("</link><guid>").append(base).append(path)
                    .append("/item/").append(i).append("</guid><pubDate>Mon, 23 Nov 2026 10:00:00 GMT</pubDate>")
                    .append("<description>&lt;p&gt;Le cadenas &lt;b&gt;Kryptonite&lt;/b&gt; s'ouvre avec un stylo. ")
                    .append("Item ").append(i).append("&lt;/p&gt;</description></item>");
        }
        return s.append("</channel></rss>").toString();
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Site> sites = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            sites.add(new Site("127.0.0." + (2 + h), items));
        }
        AtomicLong committedPolls = new AtomicLong();
        PollSink sink = (url, outcome) -> committedPolls.incrementAndGet();
        IngestConfig config = CliSupport.with(IngestConfig.DEFAULTS, "https://github.com/vigie/vigie#bench",
                List.of("127.0.0.0/8"));
        config = new IngestConfig(config.contactUrl(), config.allowedPrivateRanges(), minHostDelayMillis,
                config.maxBackoffSeconds(), 5000L, 10_000L, config.maxResponseBytes(), config.maxRedirects(), threads,
                true, 3600L, 7200L, config.signalPollSeconds(), config.seenLimitPerFeed(),
                config.transactionTimeoutMillis(), List.of());
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        long peakHeap = heapBefore;
        try (FetchStack stack = FetchStack.of(config, Clock.systemUTC());
             IngestEngine engine = new IngestEngine(stack.poller(), stack.politeness(), sink,
                     new IngestEngine.Settings(threads, 3600, 7200, 60), Clock.systemUTC(), url -> 0)) {
            for (int f = 0; f < feeds; f++) {
                Site site = sites.get(f % hosts);
                engine.upsertSource(new IngestState.Source("bench-" + f, site.base() + "/feed/" + f, "feed", 3600L,
                        7200L, List.of(), false, "bench", Instant.now()));
            }
            long start = System.nanoTime();
            engine.markAllReady();
            engine.start();
            long deadline = start + timeoutSeconds * 1_000_000_000L;
            while (committedPolls.get() < feeds && System.nanoTime() < deadline) {
                Thread.sleep(100);
                peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            IngestEngine.Stats stats = engine.stats();
            int maxConcurrent = sites.stream().mapToInt(s -> s.maxInFlight.get()).max().orElse(0);
            long requests = sites.stream().mapToLong(s -> s.requests.get()).sum();
            out.printf(Locale.ROOT, "bench ingest: feeds=%d hosts=%d items_per_feed=%d min_host_delay_ms=%d threads=%d%n",
                    feeds, hosts, items, minHostDelayMillis, threads);
            out.printf(Locale.ROOT, "polled=%d of %d in %.1f s  feeds_per_s=%.1f  items_parsed=%d  items_per_s=%.1f%n",
                    committedPolls.get(), feeds, seconds, committedPolls.get() / seconds, stats.entriesParsed(),
                    stats.entriesParsed() / seconds);
            out.printf(Locale.ROOT, "poll_failures=%d http_requests=%d (feeds + robots.txt)  max_concurrent_requests_per_host=%d%n",
                    stats.failures(), requests, maxConcurrent);
            out.printf(Locale.ROOT, "heap_used_peak_mib=%.1f heap_used_before_mib=%.1f heap_max_mib=%.1f cores=%d%n",
                    peakHeap / 1048576.0, heapBefore / 1048576.0, memory.getHeapMemoryUsage().getMax() / 1048576.0,
                    Runtime.getRuntime().availableProcessors());
            out.printf(Locale.ROOT, "goals: all polled within 60 s: %s; one request at a time per host: %s; heap < 512 MiB: %s%n",
                    committedPolls.get() == feeds && seconds <= 60 ? "yes" : "NO",
                    maxConcurrent <= 1 ? "yes" : "NO", peakHeap < 512L * 1048576 ? "yes" : "NO");
            out.println("load (uptime): " + load());
            out.flush();
            return committedPolls.get() == feeds && maxConcurrent <= 1 ? 0 : 1;
        } finally {
            sites.forEach(s -> s.server.stop(0));
        }
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip() + " (1, 5, 15 min; shared machine)";
        } catch (IOException e) {
            return "unavailable";
        }
    }
}
