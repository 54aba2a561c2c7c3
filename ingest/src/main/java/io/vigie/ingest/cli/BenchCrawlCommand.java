package io.vigie.ingest.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vigie.ingest.IngestConfig;
import io.vigie.ingest.crawl.ForumPages;
import io.vigie.ingest.crawl.PageExtraction;
import io.vigie.ingest.crawl.PageExtractor;
import io.vigie.ingest.poll.FetchStack;
import io.vigie.ingest.poll.IngestEngine;
import io.vigie.ingest.poll.PollSink;
import io.vigie.model.IngestState;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigie bench crawl}: pages per second through extraction on one thread for a page of about 100 KB, then a
 * crawl of a local forum (threads × pages on several loopback hosts) through the real fetcher, robots.txt and
 * per-host politeness. Publishing is replaced by a counting sink: it measures reading, not Kafka.
 */
@Command(name = "crawl", mixinStandardHelpOptions = true,
        description = "Measure the crawler: extraction pages/s on one core, and a local forum crawl under politeness.")
public final class BenchCrawlCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--page-kb", defaultValue = "100", description = "Size of the page extracted in the first part.")
    int pageKb;

    @Option(names = "--seconds", defaultValue = "10", description = "How long the extraction part runs.")
    int seconds;

    @Option(names = "--threads", defaultValue = "1000", description = "Forum threads to crawl.")
    int threadCount;

    @Option(names = "--pages", defaultValue = "5", description = "Pages per thread.")
    int pagesPerThread;

    @Option(names = "--hosts", defaultValue = "20", description = "Loopback hosts the forum is spread over.")
    int hosts;

    @Option(names = "--min-host-delay-ms", defaultValue = "100", description = "Politeness delay between two requests to a host.")
    long minHostDelayMillis;

    @Option(names = "--fetch-threads", defaultValue = "32")
    int fetchThreads;

    @Option(names = "--timeout-s", defaultValue = "600")
    long timeoutSeconds;

    private static final int POSTS_PER_PAGE = 10;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        extraction(out);
        return crawl(out);
    }

    private void extraction(PrintWriter out) {
        byte[] page = ForumPages.threadPage("Kryptonite lock opened with a pen", posts("1", 1, 20), 1, "/t/1/2",
                pageKb * 1024).getBytes(StandardCharsets.UTF_8);
        PageExtractor extractor = new PageExtractor();
        Instant now = Instant.now();
        for (int i = 0; i < 300; i++) { // warm-up by count: on a busy machine a time-based one may run little
            extractor.extract(page, "text/html; charset=utf-8", "http://forum.example/t/1", null, now);
        }
        long n = 0;
        int comments = 0;
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = cpu.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            PageExtraction x = extractor.extract(page, "text/html; charset=utf-8", "http://forum.example/t/1", null, now);
            comments = x.comments().size();
            n++;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        // per CPU second of the extracting thread: what one core gives when it is not shared with other work
        out.printf(Locale.ROOT, "extraction: page_bytes=%d comments_per_page=%d pages=%d in %.1f s wall, %.1f s cpu"
                + "  pages_per_s=%.1f (wall, one thread)  pages_per_cpu_s=%.1f  goal >= 200 per core: %s%n",
                page.length, comments, n, elapsed, cpuSeconds, n / elapsed, n / cpuSeconds,
                n / cpuSeconds >= 200 ? "yes" : "NO");
        out.println("load (uptime): " + BenchIngestCommand.load());
        out.flush();
    }

    private static List<ForumPages.Post> posts(String thread, int first, int count) {
        List<ForumPages.Post> posts = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            posts.add(new ForumPages.Post(thread + "-" + i, "member" + (i % 37), Instant.parse("2026-11-20T10:00:00Z")
                    .plusSeconds(60L * i), "Post " + i + " of thread " + thread + ": le cadenas Kryptonite s'ouvre avec"
                    + " un stylo, the lock opens with a pen, das Schloss geht mit einem Kuli auf."));
        }
        return posts;
    }

    /** A forum host: robots.txt, and thread pages /t/<n> then /t/<n>/<page>. */
    private final class ForumHost {
        final HttpServer server;
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final AtomicLong requests = new AtomicLong();

        ForumHost(String address) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 64);
            server.setExecutor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "bench-forum");
                t.setDaemon(true);
                return t;
            }));
            server.createContext("/", this::handle);
            server.start();
        }

        String base() {
            return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
        }

        private void handle(HttpExchange exchange) throws IOException {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            requests.incrementAndGet();
            try {
                String path = exchange.getRequestURI().getPath();
                String type = "text/html; charset=utf-8";
                String body;
                if (path.equals("/robots.txt")) {
                    type = "text/plain";
                    body = "User-agent: *\nDisallow: /private/\n";
                } else {
                    String[] parts = path.split("/"); // "", "t", thread[, page]
                    String thread = parts[2];
                    int page = parts.length > 3 ? Integer.parseInt(parts[3]) : 1;
                    String next = page < pagesPerThread ? "/t/" + thread + "/" + (page + 1) : null;
                    body = ForumPages.threadPage("Thread " + thread, posts(thread, (page - 1) * POSTS_PER_PAGE + 1,
                            POSTS_PER_PAGE), page, next, 20 * 1024);
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", type);
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            } finally {
                inFlight.decrementAndGet();
                exchange.close();
            }
        }
    }

    private int crawl(PrintWriter out) throws Exception {
        List<ForumHost> forum = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            forum.add(new ForumHost("127.0.0." + (2 + h)));
        }
        AtomicLong visits = new AtomicLong();
        AtomicLong published = new AtomicLong();
        PollSink sink = (url, outcome) -> {
            visits.incrementAndGet();
            published.addAndGet(outcome.mentions().size());
        };
        IngestConfig base = CliSupport.with(IngestConfig.DEFAULTS, "https://github.com/vigie/vigie#bench",
                List.of("127.0.0.0/8"));
        IngestConfig config = new IngestConfig(base.contactUrl(), base.allowedPrivateRanges(), minHostDelayMillis,
                base.maxBackoffSeconds(), 5000L, 10_000L, base.maxResponseBytes(), base.maxRedirects(), fetchThreads,
                true, 3600L, 7200L, base.signalPollSeconds(), base.seenLimitPerFeed(), base.transactionTimeoutMillis(),
                List.of(), null, List.of(), pagesPerThread, 3650L);
        try (FetchStack stack = FetchStack.of(config, Clock.systemUTC());
             IngestEngine engine = new IngestEngine(stack.poller(), stack.politeness(), sink,
                     new IngestEngine.Settings(fetchThreads, 3600, 7200, 60), Clock.systemUTC(), url -> 0)) {
            for (int t = 0; t < threadCount; t++) {
                ForumHost host = forum.get(t % hosts);
                engine.upsertSource(new IngestState.Source("bench-thread-" + t, host.base() + "/t/" + t, "thread", 3600L,
                        7200L, List.of(), false, "bench", Instant.now(), null, pagesPerThread));
            }
            long start = System.nanoTime();
            engine.markAllReady();
            engine.start();
            long deadline = start + timeoutSeconds * 1_000_000_000L;
            while (visits.get() < threadCount && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            long requests = forum.stream().mapToLong(h -> h.requests.get()).sum();
            int maxConcurrent = forum.stream().mapToInt(h -> h.maxInFlight.get()).max().orElse(0);
            double floor = (double) threadCount * pagesPerThread / hosts * minHostDelayMillis / 1000.0;
            out.printf(Locale.ROOT, "forum crawl: threads=%d pages_per_thread=%d posts_per_page=%d hosts=%d"
                    + " min_host_delay_ms=%d fetch_threads=%d%n", threadCount, pagesPerThread, POSTS_PER_PAGE, hosts,
                    minHostDelayMillis, fetchThreads);
            out.printf(Locale.ROOT, "visited=%d of %d in %.1f s  pages_per_s=%.1f  posts_published=%d of %d"
                    + "  http_requests=%d (pages + robots.txt)  politeness_floor_s=%.1f%n", visits.get(), threadCount,
                    elapsed, (requests - hosts) / elapsed, published.get(), (long) threadCount * pagesPerThread * POSTS_PER_PAGE,
                    requests, floor);
            out.printf(Locale.ROOT, "max_concurrent_requests_per_host=%d (goal 1): %s  poll_failures=%d%n", maxConcurrent,
                    maxConcurrent <= 1 ? "yes" : "NO", engine.stats().failures());
            out.println("load (uptime): " + BenchIngestCommand.load());
            out.flush();
            return visits.get() == threadCount && maxConcurrent <= 1 ? 0 : 1;
        } finally {
            forum.forEach(h -> h.server.stop(0));
        }
    }
}
