package io.vigie.dashboards.search.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.dashboards.index.MentionIndexSetup;
import io.vigie.dashboards.index.MentionIndexTemplate;
import io.vigie.dashboards.index.MonthlyIndices;
import io.vigie.dashboards.search.AnalystSearch;
import io.vigie.dashboards.search.ExportFormat;
import io.vigie.dashboards.search.MentionExport;
import io.vigie.dashboards.search.SearchPage;
import io.vigie.dashboards.search.SearchSort;
import io.vigie.model.MentionKind;
import io.vigie.model.SentimentLabel;
import io.vigie.query.SearchQuery;
import io.vigie.runtime.local.LocalCluster;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigie bench search}: indexes realistic mentions (texts of the shared tweets, several brands, French and
 * English, a month of dates) into a local Elasticsearch it starts, then prints the latency of an analyst query mix
 * with facets and histogram (and the same mix as Kibana would send it: query_string plus aggregations), deep paging,
 * and export throughput with the heap it used. Figures only; nothing is asserted.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Index N mentions into a local Elasticsearch and measure search, deep paging and export.")
public final class SearchBenchCommand implements Callable<Integer> {
    static final String ALIAS = "bench-mentions";
    static final List<String> BRANDS = List.of("kryptonite", "bic", "abus", "decathlon", "michelin", "loreal");
    static final List<String> BRAND_WORDS = List.of("Kryptonite", "Bic", "Abus", "Décathlon", "Michelin", "L’Oréal");
    static final List<String> HOSTS = List.of("www.lemonde.fr", "twitter.com", "www.reddit.com", "forum.hardware.fr",
            "www.youtube.com", "bikeforums.net", "www.lefigaro.fr", "medium.com", "www.facebook.com", "news.ycombinator.com");
    static final Instant MONTH = Instant.parse("2026-11-01T00:00:00Z");

    @Option(names = "--mentions", defaultValue = "1000000", description = "Mentions to index (default ${DEFAULT-VALUE}).")
    int mentions;

    @Option(names = "--shared", defaultValue = "../shared", description = "The shared data directory (tweets).")
    Path shared;

    @Option(names = "--data-dir", defaultValue = ".vigie/bench-search", description = "Elasticsearch's data directory.")
    Path dataDir;

    @Option(names = "--es-heap", defaultValue = "1g", description = "The local Elasticsearch's heap.")
    String esHeap;

    @Option(names = "--repeat", defaultValue = "20", description = "Runs of each query (after 3 warm-up runs).")
    int repeat;

    @Option(names = "--pages", defaultValue = "1000", description = "Pages of 20 to walk in the deep-paging run.")
    int pages;

    @Override
    public Integer call() throws Exception {
        List<String> en = lines(shared.resolve("data/sentiment/tweeteval-en/train_text.txt"));
        List<String> fr = new ArrayList<>(lines(shared.resolve("data/sentiment/deft2017-fr/train_text.txt")));
        fr.addAll(lines(shared.resolve("data/sentiment/deft2017-task1-fr").resolve("train_text.txt")));
        Files.createDirectories(dataDir);
        LocalCluster.Settings free = LocalCluster.Settings.onFreePorts(dataDir);
        LocalCluster.Settings settings = new LocalCluster.Settings(free.dataDirectory(), free.kafkaPort(),
                free.controllerPort(), free.elasticsearchPort(), free.elasticsearchTransportPort(), "256m", esHeap);
        try (LocalCluster cluster = LocalCluster.start(settings)) {
            ElasticsearchClient client = cluster.elasticsearch().newClient();
            System.out.printf("machine: %d cores, load average %.1f at start; Elasticsearch heap %s; client heap max %d MiB%n",
                    Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), esHeap,
                    Runtime.getRuntime().maxMemory() >> 20);
            index(client, en, fr);
            queries(client);
            deepPaging(client);
            export(client);
            System.out.printf("load average at end %.1f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
        return 0;
    }

    private static List<String> lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(file + " is missing: pass --shared <the shared data directory>");
        }
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
    }

    private void index(ElasticsearchClient client, List<String> en, List<String> fr) throws IOException {
        MonthlyIndices indices = new MonthlyIndices(ALIAS);
        new MentionIndexSetup(indices, new MentionIndexTemplate(indices, 1, "0-1")).install(client, MONTH);
        String index = indices.indexFor(MONTH);
        long existing = client.count(c -> c.index(index)).count();
        if (existing >= mentions) {
            System.out.printf("index: %,d mentions already in %s (kept from an earlier run)%n", existing, index);
            return;
        }
        client.indices().putSettings(p -> p.index(index).settings(s -> s.refreshInterval(t -> t.time("-1"))));
        Random random = new Random(42);
        long start = System.nanoTime();
        int batch = 2_000;
        for (int from = (int) existing; from < mentions; from += batch) {
            int to = Math.min(mentions, from + batch);
            List<SyntheticMention> docs = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                docs.add(mention(i, random, en, fr));
            }
            BulkResponse r = client.bulk(b -> {
                for (SyntheticMention m : docs) {
                    b.operations(o -> o.index(x -> x.index(index).id(m.id()).document(m.document(m.eventTime()))));
                }
                return b;
            });
            if (r.errors()) {
                throw new IllegalStateException("bulk refused documents: " + r.items().stream()
                        .filter(it -> it.error() != null).findFirst().map(it -> it.error().reason()).orElse("?"));
            }
            if ((to / batch) % 50 == 0) {
                System.out.printf("  indexed %,d%n", to);
            }
        }
        client.indices().putSettings(p -> p.index(index).settings(s -> s.refreshInterval(t -> t.time("1s"))));
        client.indices().refresh(r -> r.index(index));
        client.indices().forcemerge(f -> f.index(index).maxNumSegments(5L));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("index: %,d mentions in %.0f s (%,.0f docs/s, bulk of %d, one shard, refresh off)%n",
                mentions - existing, seconds, (mentions - existing) / seconds, batch);
    }

    /** A mention from a tweet: 60% French, a brand named in most, a month of dates, heavy-tailed views. */
    static SyntheticMention mention(int i, Random random, List<String> en, List<String> fr) {
        boolean french = random.nextInt(10) < 6;
        String tweet = french ? fr.get(random.nextInt(fr.size())) : en.get(random.nextInt(en.size()));
        List<String> brands = new ArrayList<>();
        String text = tweet;
        if (random.nextInt(10) < 8) {
            int b = random.nextInt(BRANDS.size());
            brands.add(BRANDS.get(b));
            String[] words = tweet.split(" ");
            int at = random.nextInt(words.length + 1);
            List<String> w = new ArrayList<>(Arrays.asList(words));
            w.add(at, BRAND_WORDS.get(b));
            text = String.join(" ", w);
        }
        SentimentLabel label = SentimentLabel.values()[random.nextInt(3)];
        long views = (long) Math.exp(random.nextGaussian() * 2 + 5);
        Instant at = MONTH.plusSeconds(random.nextInt(30 * 24 * 3600));
        MentionKind kind = MentionKind.values()[random.nextInt(10) < 6 ? 0 : random.nextInt(10) < 8 ? 1 : 2];
        return new SyntheticMention("m" + i, random.nextBoolean() ? "rss" : "social", HOSTS.get(random.nextInt(HOSTS.size())),
                kind, "author" + random.nextInt(5_000), null, text, french ? "fr" : "en", brands, label, views,
                (long) random.nextInt(200), at);
    }

    /** The analyst mix: each in Vigie's language and as Kibana would send it (query_string). */
    record Mixed(String kind, String vigie, String kibana) {}

    static final List<Mixed> MIX = List.of(
            new Mixed("word", "bic", "bic"),
            new Mixed("word", "michelin OR abus", "michelin OR abus"),
            new Mixed("word", "kryptonite -superman", "kryptonite -superman"),
            new Mixed("phrase", "\"service client\"", "\"service client\""),
            new Mixed("phrase", "\"the best\"", "\"the best\""),
            new Mixed("near", "bic NEAR/5 (stylo OR pen)", "\"bic stylo\"~5 OR \"bic pen\"~5"),
            new Mixed("near", "\"je suis\"~3 decathlon", "\"je suis\"~3 AND decathlon"),
            new Mixed("prefix", "mich* lang:fr", "mich* AND language:fr"),
            new Mixed("field", "brand:bic sentiment:negative lang:fr", "brands:bic AND sentiment.label:NEGATIVE AND language:fr"),
            new Mixed("field", "views>1000 date:2026-11-10..2026-11-20", "engagement.views:>1000 AND eventTime:[2026-11-10 TO 2026-11-20]"),
            new Mixed("field", "site:www.lemonde.fr kind:comment", "sourceHost:www.lemonde.fr AND kind:comment"),
            new Mixed("all", "", "*"));

    private void queries(ElasticsearchClient client) throws IOException {
        AnalystSearch search = new AnalystSearch(client, ALIAS);
        Map<String, List<Double>> vigie = new LinkedHashMap<>();
        Map<String, List<Double>> kibana = new LinkedHashMap<>();
        Map<String, Long> hits = new LinkedHashMap<>();
        for (Mixed m : MIX) {
            for (int run = 0; run < repeat + 3; run++) {
                long t0 = System.nanoTime();
                SearchPage page = search.first(SearchQuery.parse(m.vigie()), SearchSort.DATE, 20);
                double ms = (System.nanoTime() - t0) / 1e6;
                if (page.next() != null) {
                    search.close(page.next());
                }
                long k0 = System.nanoTime();
                kibanaStyle(client, m.kibana());
                double kms = (System.nanoTime() - k0) / 1e6;
                if (run >= 3) {
                    vigie.computeIfAbsent(m.kind(), k -> new ArrayList<>()).add(ms);
                    kibana.computeIfAbsent(m.kind(), k -> new ArrayList<>()).add(kms);
                }
                hits.put(m.vigie(), page.total());
            }
        }
        System.out.println("queries (first page of 20 with 7 facets + sentiment histogram, PIT opened; ms):");
        System.out.printf("  %-8s %6s | %8s %8s %8s | %8s %8s %8s  (Kibana-style query_string + the same aggs)%n",
                "kind", "runs", "p50", "p95", "p99", "p50", "p95", "p99");
        for (String kind : vigie.keySet()) {
            List<Double> v = vigie.get(kind);
            List<Double> k = kibana.get(kind);
            System.out.printf("  %-8s %6d | %8.1f %8.1f %8.1f | %8.1f %8.1f %8.1f%n", kind, v.size(),
                    pct(v, 50), pct(v, 95), pct(v, 99), pct(k, 50), pct(k, 95), pct(k, 99));
        }
        List<Double> all = vigie.values().stream().flatMap(List::stream).toList();
        List<Double> allK = kibana.values().stream().flatMap(List::stream).toList();
        System.out.printf("  %-8s %6d | %8.1f %8.1f %8.1f | %8.1f %8.1f %8.1f%n", "all", all.size(),
                pct(all, 50), pct(all, 95), pct(all, 99), pct(allK, 50), pct(allK, 95), pct(allK, 99));
        hits.forEach((q, n) -> System.out.printf("  hits %,10d  %s%n", n, q.isEmpty() ? "(everything)" : q));
    }

    private static void kibanaStyle(ElasticsearchClient client, String queryString) throws IOException {
        Map<String, Aggregation> aggs = new LinkedHashMap<>();
        for (String f : List.of("brands", "sentiment.label", "language", "source", "sourceHost", "kind", "author")) {
            aggs.put(f, Aggregation.of(a -> a.terms(t -> t.field(f).size(10))));
        }
        aggs.put("histogram", Aggregation.of(a -> a.dateHistogram(h -> h.field("eventTime")
                        .calendarInterval(CalendarInterval.Day))
                .aggregations("sentiment", s -> s.terms(t -> t.field("sentiment.label").size(3)))));
        client.search(s -> s.index(ALIAS).size(20).trackTotalHits(t -> t.enabled(true))
                .query(q -> q.queryString(qs -> qs.query(queryString).defaultField("text")))
                .sort(o -> o.field(f -> f.field("eventTime").order(SortOrder.Desc)))
                .highlight(h -> h.fields("text", f -> f))
                .aggregations(aggs), JsonNode.class);
    }

    private void deepPaging(ElasticsearchClient client) throws IOException {
        AnalystSearch search = new AnalystSearch(client, ALIAS);
        SearchPage page = search.first(SearchQuery.parse("lang:fr OR lang:en"), SearchSort.DATE, 20);
        List<Double> times = new ArrayList<>();
        long t0 = System.nanoTime();
        int n = 1;
        while (page.next() != null && n < pages) {
            long p0 = System.nanoTime();
            page = search.next(page.next());
            times.add((System.nanoTime() - p0) / 1e6);
            n++;
        }
        double total = (System.nanoTime() - t0) / 1e3 / 1e3;
        if (page.next() != null) {
            search.close(page.next());
        }
        List<Double> first = times.subList(0, Math.min(10, times.size()));
        List<Double> last = times.subList(Math.max(0, times.size() - 10), times.size());
        System.out.printf("deep paging (PIT + search_after, 20 per page, newest first): reached page %d in %.1f s;"
                        + " pages 2-11 p50 %.1f ms, last 10 pages p50 %.1f ms, all pages p95 %.1f ms%n",
                n, total / 1e3, pct(first, 50), pct(last, 50), pct(times, 95));
    }

    private void export(ElasticsearchClient client) throws IOException {
        MentionExport export = new MentionExport(client, ALIAS);
        for (ExportFormat format : ExportFormat.values()) {
            System.gc();
            HeapWatch watch = new HeapWatch();
            AtomicLong bytes = new AtomicLong();
            OutputStream sink = new OutputStream() {
                @Override
                public void write(int b) {
                    bytes.incrementAndGet();
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    bytes.addAndGet(len);
                }
            };
            long t0 = System.nanoTime();
            long rows = export.export("bench", SearchQuery.parse(""), format, ExportFormat.CsvOptions.FRENCH_EXCEL, sink,
                    new MentionExport.Progress() {
                        @Override
                        public void total(long r) {}

                        @Override
                        public void written(long r) {}
                    }, () -> false);
            double s = (System.nanoTime() - t0) / 1e9;
            watch.stop();
            System.out.printf("export %-6s %,d rows in %.1f s = %,.0f rows/s, %,d MiB written; client heap used: "
                            + "start %d MiB, peak %d MiB (sampled every 100 ms)%n",
                    format, rows, s, rows / s, bytes.get() >> 20, watch.start >> 20, watch.peak.get() >> 20);
        }
    }

    /** The client's used heap, sampled. */
    static final class HeapWatch {
        final long start = used();
        final AtomicLong peak = new AtomicLong(start);
        private final Thread thread;
        private volatile boolean running = true;

        HeapWatch() {
            thread = new Thread(() -> {
                while (running) {
                    peak.accumulateAndGet(used(), Math::max);
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-watch");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            running = false;
            thread.interrupt();
        }

        static long used() {
            long sum = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    sum += pool.getUsage().getUsed();
                }
            }
            return sum;
        }
    }

    static double pct(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
