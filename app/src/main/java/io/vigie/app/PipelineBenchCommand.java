package io.vigie.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.vigie.analyze.signals.BrandSeriesSignals;
import io.vigie.model.BrandStats;
import io.vigie.model.SignalKind;
import io.vigie.model.ScoredMention;
import io.vigie.model.VigieJson;
import io.vigie.runtime.config.ConfigDocument;
import io.vigie.runtime.local.LocalCluster;
import io.vigie.runtime.local.Ports;
import io.vigie.runtime.service.StageContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigie bench pipeline}: the whole local pipeline (a real broker and Elasticsearch on free ports, every
 * stage in this process) measured from the crisis items put in a local feed to the webhook that tells someone, and
 * split hop by hop.
 *
 * <p>Each brand has its own feed on its own loopback address (so one brand's polls never wait on another's host
 * politeness), a calm baseline of one closed minute, then a crisis of {@code --crisis-items} negative posts published
 * one by one, {@code --item-gap-ms} apart, all inside one minute. Each brand gives one sample.
 *
 * <p>The detector's evidence needs: the set-up gives it {@code warmUp} 0 and one closed calm minute (the committed
 * parameters would need 12 h of history); then the open minute alarms only once it holds enough crisis mentions.
 * {@link CrisisEvidence} replays analyze's own detectors over what analyze published to find, per crisis, the item
 * that completes that evidence (the Nth crisis mention of the open minute). Latencies are printed from the first
 * crisis item and from that item; the goal is judged on the latter. Every hop's time is when a read-committed reader
 * saw the record ({@link PipelineTimeline}), except "fetched" (the feed server's response) and the record timestamps
 * of mentions.raw (producer send) and of the START (the analyze punctuation that judged the open minute).
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = "Crisis items published in local feeds -> webhook received, through every stage: p50/p90/p99"
                + " from the first crisis item and from the item that completes the detector's evidence, per hop.")
final class PipelineBenchCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = VigieJson.newMapper();
    private static final String SECRET = "bench-pipeline-secret-0123456789";
    private static final Duration WARM_UP = Duration.ZERO;
    private static final Duration QUIET = Duration.ofMinutes(2);
    private static final Set<SignalKind> SERIES = Set.copyOf(BrandSeriesSignals.KINDS);

    @Spec
    CommandSpec spec;

    @Option(names = "--brands", defaultValue = "30", description = "Brands, each with its feed and its crisis (one sample each).")
    int brands;

    @Option(names = "--crisis-items", defaultValue = "12", description = "Negative posts per crisis.")
    int crisisItems;

    @Option(names = "--item-gap-ms", defaultValue = "200",
            description = "Time between two posts of one crisis (0: all at once).")
    long itemGapMs;

    @Option(names = "--spacing-ms", defaultValue = "3000", description = "Time between two brands' crises.")
    long spacingMs;

    @Option(names = "--min-poll-seconds", defaultValue = "1", description = "Sources' minPollSeconds.")
    long minPollSeconds;

    @Option(names = "--max-poll-seconds", defaultValue = "2", description = "Sources' maxPollSeconds.")
    long maxPollSeconds;

    @Option(names = "--push", description = "Enable ingest's push endpoint and have every feed ping it when it"
            + " publishes (as a WebSub hub notifies its subscribers); polling goes on at the configured interval.")
    boolean push;

    @Option(names = "--per-sample", description = "Print every sample's timeline.")
    boolean perSample;

    @Option(names = "--data-dir", defaultValue = ".vigie/bench-pipeline",
            description = "Where the local servers keep their data; emptied before and after the run, so each run starts"
                    + " from empty topics and a brand history of nothing.")
    Path dataDirectory;

    /** One brand's crisis, hop by hop (epoch ms; -1 when not seen). */
    record Sample(String brand, CrisisEvidence.Needs needs, long firstPublished, long evidencePublished,
                  long evidenceFetched, long rawAppended, long rawVisible, long scoredVisible, long statsVisible,
                  String startKind, long startJudged, long startVisible, long incidentVisible,
                  long notificationVisible, long webhookReceived) {
        boolean complete() {
            return needs != null && evidenceFetched > 0 && rawVisible > 0 && scoredVisible > 0 && startVisible > 0
                    && incidentVisible > 0 && notificationVisible > 0 && webhookReceived > 0;
        }
    }

    /** A hop: its name and how to read it off a sample. */
    private record Hop(String name, java.util.function.ToLongFunction<Sample> millis) {}

    private static final List<Hop> HOPS = List.of(
            new Hop("published -> fetched (poll wait + HTTP)", s -> s.evidenceFetched - s.evidencePublished),
            new Hop("fetched -> appended to mentions.raw (record ts)", s -> s.rawAppended - s.evidenceFetched),
            new Hop("appended -> visible in mentions.raw (ingest commit)", s -> s.rawVisible - s.rawAppended),
            new Hop("mentions.raw -> mentions.scored (visible)", s -> s.scoredVisible - s.rawVisible),
            new Hop("mentions.scored -> START judged (punctuation ts)", s -> s.startJudged - s.scoredVisible),
            new Hop("START judged -> visible in signals (commit)", s -> s.startVisible - s.startJudged),
            new Hop("signals -> incidents (visible)", s -> s.incidentVisible - s.startVisible),
            new Hop("incidents -> notifications (visible)", s -> s.notificationVisible - s.incidentVisible),
            new Hop("notifications -> webhook received", s -> s.webhookReceived - s.notificationVisible));

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path data = dataDirectory.toAbsolutePath();
        deleteRecursively(data);
        Files.createDirectories(data);
        List<BenchFeed> feeds = new ArrayList<>();
        List<Arrival> arrivals = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/hook", exchange -> {
            try (exchange) {
                long at = System.currentTimeMillis();
                arrivals.add(new Arrival(at, JSON.readTree(exchange.getRequestBody().readAllBytes())));
                exchange.sendResponseHeaders(200, -1);
            }
        });
        hook.start();
        String uptimeBefore = uptime();
        try (LocalCluster cluster = LocalCluster.start(LocalCluster.Settings.onFreePorts(data))) {
            for (int i = 0; i < brands; i++) {
                feeds.add(BenchFeed.start("127.0." + (i / 200) + "." + (10 + i % 200), "benchbrand" + i));
            }
            int[] ports = Ports.free(3);
            String pushToken = "bench-pipeline-push-token";
            StringBuilder yaml = new StringBuilder("""
                    ingest:
                      contactUrl: https://vigie.example.org/bench
                      allowedPrivateRanges: [127.0.0.0/8]
                      minHostDelayMillis: 100
                      push: {enabled: %s, host: 127.0.0.1, port: %d, token: %s}
                      sources:
                    """.formatted(push, ports[2], pushToken));
            for (BenchFeed f : feeds) {
                yaml.append("    - {name: ").append(f.brand).append(", url: \"").append(f.url())
                        .append("\", minPollSeconds: ").append(minPollSeconds).append(", maxPollSeconds: ")
                        .append(maxPollSeconds).append(", brands: [").append(f.brand).append("]}\n");
            }
            yaml.append("""
                    analyze:
                      applicationId: vigie-analyze-bench-pipeline
                      grace: PT5S
                      spikes: {warmUp: PT0S, quiet: PT2M}
                    brands:
                    """);
            for (BenchFeed f : feeds) {
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
                    PipelineTimeline timeline = new PipelineTimeline(cluster.kafka())) {
                List<String> notReady = services.awaitReady(Duration.ofMinutes(2));
                if (!notReady.isEmpty()) {
                    throw new IllegalStateException("services not ready within 2 minutes: " + notReady);
                }
                if (push) {
                    URI ping = URI.create("http://127.0.0.1:" + ports[2] + "/push/" + pushToken + "/ping");
                    feeds.forEach(f -> f.pingOnPublish(ping));
                }
                out.println("services started; calm baseline (one closed minute per brand)...");
                out.flush();
                // Texts differ from brand to brand: the same sentence on several brands' sites would be a copy
                // spreading across sites (a COPY_SPREAD signal), which is not what is measured here.
                java.util.Random words = new java.util.Random(42);
                for (BenchFeed f : feeds) {
                    f.publish(f.brand + " lock review: " + phrase(words) + ".");
                    f.publish("My " + f.brand + " lock: " + phrase(words) + ".");
                }
                awaitBaselines(timeline, feeds);

                long crisisMillis = (crisisItems - 1) * itemGapMs;
                out.println("crises: " + brands + " brands, " + crisisItems + " negative posts each, " + itemGapMs
                        + " ms apart, a brand every " + spacingMs + " ms, each crisis inside one minute");
                out.flush();
                Map<String, int[]> crisisNumbers = new ConcurrentHashMap<>(); // brand -> {first, last} item numbers
                Map<String, Long> firstPublished = new ConcurrentHashMap<>();
                for (BenchFeed f : feeds) {
                    awaitRoomInMinute(crisisMillis);
                    int first = -1;
                    int last = -1;
                    for (int k = 0; k < crisisItems; k++) {
                        if (k > 0 && itemGapMs > 0) {
                            Thread.sleep(itemGapMs);
                        }
                        last = f.publish(complaint(f.brand, words));
                        if (first < 0) {
                            first = last;
                            firstPublished.put(f.brand, f.publishedAtMs(first));
                        }
                    }
                    crisisNumbers.put(f.brand, new int[] {first, last});
                    Thread.sleep(spacingMs);
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (System.nanoTime() < deadline && feeds.stream().anyMatch(f -> arrivals.stream()
                        .noneMatch(a -> a.brand().equals(f.brand) && a.atMs() >= firstPublished.get(f.brand)))) {
                    timeline.check();
                    Thread.sleep(100);
                }
                Thread.sleep(3000); // the last crisis' remaining items reach mentions.scored
                timeline.check();

                List<Sample> samples = new ArrayList<>();
                List<String> beforeCrisis = new ArrayList<>();
                CrisisEvidence evidence = new CrisisEvidence(WARM_UP, QUIET);
                for (BenchFeed f : feeds) {
                    long crisisAt = firstPublished.get(f.brand);
                    arrivals.stream().filter(a -> a.brand().equals(f.brand) && a.atMs() < crisisAt)
                            .forEach(a -> beforeCrisis.add(a.describe(crisisAt)));
                    samples.add(sample(f, crisisNumbers.get(f.brand), crisisAt, timeline, arrivals, evidence));
                }
                report(out, uptimeBefore, samples, beforeCrisis, feeds);
                return samples.stream().allMatch(Sample::complete) ? 0 : 1;
            }
        } finally {
            hook.stop(0);
            feeds.forEach(BenchFeed::close);
            deleteRecursively(data);
        }
    }

    /** Waits, if needed, until a crisis of {@code crisisMillis} fits in the current minute after its window closes. */
    private static void awaitRoomInMinute(long crisisMillis) throws InterruptedException {
        // From second 8 (the previous minute closed: grace 5 s, then its final emission) to 4 s before the end.
        long latestStart = 60_000 - 4_000 - crisisMillis;
        if (latestStart < 8_000) {
            throw new IllegalArgumentException("a crisis of " + crisisMillis + " ms does not fit in one minute");
        }
        long inMinute = System.currentTimeMillis() % 60_000;
        if (inMinute < 8_000) {
            Thread.sleep(8_000 - inMinute);
        } else if (inMinute > latestStart) {
            Thread.sleep(60_000 - inMinute + 8_000);
        }
    }

    private Sample sample(BenchFeed f, int[] numbers, long crisisAt, PipelineTimeline t, List<Arrival> arrivals,
                          CrisisEvidence evidence) {
        String brand = f.brand;
        List<ScoredMention> crisis = new ArrayList<>();
        for (int n = numbers[0]; n <= numbers[1]; n++) {
            PipelineTimeline.Seen<ScoredMention> s = t.scored.get(f.title(n));
            if (s == null) {
                break; // the replay needs the items in order; a missing one ends what can be replayed
            }
            crisis.add(s.value());
        }
        CrisisEvidence.Needs needs = null;
        if (!crisis.isEmpty()) {
            java.time.Instant minute = crisis.get(0).eventTime().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
            java.util.Set<String> crisisTitles = new java.util.HashSet<>();
            for (int n = numbers[0]; n <= numbers[1]; n++) {
                crisisTitles.add(f.title(n));
            }
            List<ScoredMention> others = t.scored.values().stream().map(PipelineTimeline.Seen::value)
                    .filter(m -> m.brands().contains(brand) && !crisisTitles.contains(m.mention().title())
                            && m.eventTime().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).equals(minute))
                    .toList();
            List<BrandStats> closed = t.minuteStats.stream().map(PipelineTimeline.Seen::value)
                    .filter(s -> s.brand().equals(brand) && s.closed()).toList();
            needs = evidence.find(brand, closed, others, crisis);
        }
        int k = needs == null ? numbers[0] : numbers[0] + needs.number() - 1;
        String title = f.title(k);
        PipelineTimeline.Seen<io.vigie.model.RawMention> raw = t.raw.get(title);
        PipelineTimeline.Seen<ScoredMention> scored = t.scored.get(title);
        long volumeNeeded = needs == null ? Long.MAX_VALUE : needs.volume();
        long stats = t.minuteStats.stream().filter(s -> s.value().brand().equals(brand) && s.seenMs() >= crisisAt
                        && s.value().volume() >= volumeNeeded)
                .mapToLong(PipelineTimeline.Seen::seenMs).min().orElse(-1);
        // Only the brand series (what the replay judges): a COPY_SPREAD alarm on the crisis' similar texts is another
        // detector's story.
        var start = t.signals.stream().filter(s -> s.value().brand().equals(brand) && SERIES.contains(s.value().kind())
                        && s.value().phase() == io.vigie.model.SignalPhase.START && s.seenMs() >= crisisAt)
                .min(java.util.Comparator.comparingLong(PipelineTimeline.Seen::seenMs)).orElse(null);
        long incident = t.incidents.stream().filter(s -> s.value().brand().equals(brand)
                        && SERIES.contains(s.value().kind()) && s.seenMs() >= crisisAt)
                .mapToLong(PipelineTimeline.Seen::seenMs).min().orElse(-1);
        long notification = t.notifications.stream().filter(s -> s.value().incident() != null
                        && brand.equals(s.value().incident().brand()) && SERIES.contains(s.value().incident().kind())
                        && s.seenMs() >= crisisAt)
                .mapToLong(PipelineTimeline.Seen::seenMs).min().orElse(-1);
        long webhook = arrivals.stream().filter(a -> a.brand().equals(brand) && a.series() && a.atMs() >= crisisAt)
                .mapToLong(Arrival::atMs).min().orElse(-1);
        return new Sample(brand, needs, crisisAt, f.publishedAtMs(k), f.firstServedMs(k),
                raw == null ? -1 : raw.recordMs(), raw == null ? -1 : raw.seenMs(), scored == null ? -1 : scored.seenMs(),
                stats, start == null ? null : start.value().kind().name(), start == null ? -1 : start.recordMs(),
                start == null ? -1 : start.seenMs(), incident, notification, webhook);
    }

    private void report(PrintWriter out, String uptimeBefore, List<Sample> samples, List<String> beforeCrisis,
                        List<BenchFeed> feeds) {
        List<Sample> complete = samples.stream().filter(Sample::complete).toList();
        out.println("vigie bench pipeline");
        out.println("uptime before: " + uptimeBefore);
        out.println("uptime after:  " + uptime());
        out.println("settings: brands=" + brands + " crisisItems=" + crisisItems + " itemGapMs=" + itemGapMs
                + " sources minPollSeconds=" + minPollSeconds + " maxPollSeconds=" + maxPollSeconds
                + (push ? " push=ping on every publication" : " push=off (polling only)")
                + " (feeds answer 304 to a conditional GET when unchanged) analyze warmUp=PT0S quiet=PT2M grace=PT5S"
                + " emitInterval=PT1S(default) commitIntervalMs=100(default) alerting groupWait=0s(default)");
        List<Long> gaps = new ArrayList<>();
        feeds.forEach(f -> gaps.addAll(f.requestGapsMs()));
        gaps.sort(null);
        if (!gaps.isEmpty()) {
            out.println("poll cadence (time between two requests to one feed): n=" + gaps.size() + " p50="
                    + percentile(gaps, 50) + "ms p90=" + percentile(gaps, 90) + "ms p99=" + percentile(gaps, 99)
                    + "ms");
        }
        out.println("evidence needs: warmUp 0 and one closed calm minute per brand (set-up), then the crisis item that"
                + " completes the open minute's evidence: the first after which analyze's detectors, replayed over"
                + " the brand's closed minutes and the crisis minute's scored mentions in publication order, START.");
        List<Long> needed = samples.stream().filter(s -> s.needs != null).map(s -> (long) s.needs.number()).sorted().toList();
        if (!needed.isEmpty()) {
            out.println("  evidence completed by crisis item: min=" + needed.get(0) + " p50=" + percentile(needed, 50)
                    + " max=" + needed.get(needed.size() - 1) + " (of " + crisisItems + "); kinds started first: "
                    + samples.stream().filter(s -> s.startKind != null).collect(java.util.stream.Collectors
                            .groupingBy(Sample::startKind, java.util.TreeMap::new, java.util.stream.Collectors.counting())));
        }
        out.println("samples: " + samples.size() + " complete=" + complete.size()
                + (complete.size() == samples.size() ? "" : " incomplete=" + samples.stream()
                .filter(s -> !s.complete()).map(PipelineBenchCommand::describeIncomplete).toList()));
        if (perSample) {
            for (Sample s : samples) {
                out.println("  " + s.brand + " " + (s.needs == null ? "no evidence found" : s.needs.describe())
                        + " first->webhook=" + (s.webhookReceived - s.firstPublished) + "ms evidence->webhook="
                        + (s.webhookReceived - s.evidencePublished) + "ms hops="
                        + HOPS.stream().map(h -> String.valueOf(h.millis().applyAsLong(s))).toList());
            }
        }
        out.printf("%-54s %6s %6s %6s %6s %6s%n", "hop (ms, from the item completing the evidence)", "p50", "p90",
                "p99", "min", "max");
        for (Hop h : HOPS) {
            printRow(out, h.name(), complete.stream().map(s -> h.millis().applyAsLong(s)).toList());
        }
        printRow(out, "(information) mentions.scored -> brand.stats visible",
                complete.stream().filter(s -> s.statsVisible > 0).map(s -> s.statsVisible - s.scoredVisible).toList());
        List<Long> fromFirst = complete.stream().map(s -> s.webhookReceived - s.firstPublished).toList();
        List<Long> fromEvidence = complete.stream().map(s -> s.webhookReceived - s.evidencePublished).toList();
        printRow(out, "first crisis item published -> webhook received", fromFirst);
        printRow(out, "evidence item published -> webhook received", fromEvidence);
        out.println("notifications before a brand's crisis (false alarms on the calm baseline): "
                + beforeCrisis.size() + (beforeCrisis.isEmpty() ? "" : " " + beforeCrisis));
        List<Long> sorted = new ArrayList<>(fromEvidence);
        sorted.sort(null);
        boolean met = complete.size() == samples.size() && !sorted.isEmpty() && percentile(sorted, 99) < 2000;
        out.println("goal p99 < 2000 ms beyond the detector's evidence needs (evidence item published -> webhook): "
                + (met ? "met" : "NOT met") + (sorted.isEmpty() ? "" : " (p99=" + percentile(sorted, 99) + "ms, n="
                + sorted.size() + ")"));
        out.flush();
    }

    private static String describeIncomplete(Sample s) {
        return s.brand + (s.needs == null ? ":no-evidence" : "") + (s.evidenceFetched < 0 ? ":not-fetched" : "")
                + (s.rawVisible < 0 ? ":no-raw" : "") + (s.scoredVisible < 0 ? ":no-scored" : "")
                + (s.startVisible < 0 ? ":no-start" : "") + (s.incidentVisible < 0 ? ":no-incident" : "")
                + (s.notificationVisible < 0 ? ":no-notification" : "") + (s.webhookReceived < 0 ? ":no-webhook" : "");
    }

    private static void printRow(PrintWriter out, String name, List<Long> values) {
        if (values.isEmpty()) {
            out.printf("%-54s %6s%n", name, "n=0");
            return;
        }
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        out.printf("%-54s %6d %6d %6d %6d %6d%n", name, percentile(sorted, 50), percentile(sorted, 90),
                percentile(sorted, 99), sorted.get(0), sorted.get(sorted.size() - 1));
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

    private record Arrival(long atMs, JsonNode body) {
        String brand() {
            return body.path("brand").asText();
        }

        boolean series() {
            return SERIES.stream().anyMatch(k -> k.name().equals(body.path("kind").asText()));
        }

        String describe(long crisisAt) {
            return body.path("brand").asText() + "/" + body.path("kind").asText() + "/" + body.path("reason").asText()
                    + " observed=" + body.path("observed").asText() + " expected=" + body.path("expected").asText()
                    + " " + (crisisAt - atMs) + "ms before";
        }
    }

    /** Waits until every brand has a closed one-minute window with mentions; republishes a calm post if none came. */
    private static void awaitBaselines(PipelineTimeline timeline, List<BenchFeed> feeds) throws InterruptedException {
        long start = System.nanoTime();
        long lastRetry = start;
        while (true) {
            timeline.check();
            Set<String> seen = new java.util.HashSet<>();
            Set<String> closed = new java.util.HashSet<>();
            for (PipelineTimeline.Seen<BrandStats> s : timeline.minuteStats) {
                seen.add(s.value().brand());
                if (s.value().closed() && s.value().volume() > 0) {
                    closed.add(s.value().brand());
                }
            }
            if (closed.size() >= feeds.size()) {
                return;
            }
            if (System.nanoTime() - start > Duration.ofMinutes(4).toNanos()) {
                throw new IllegalStateException("no closed calm minute within 4 minutes for "
                        + feeds.stream().map(f -> f.brand).filter(b -> !closed.contains(b)).toList());
            }
            if (System.nanoTime() - lastRetry > Duration.ofSeconds(20).toNanos()) {
                // Posts that reached the stream after their minute closed are not counted: publish another.
                for (BenchFeed f : feeds) {
                    if (!seen.contains(f.brand)) {
                        f.publish("Another ordinary day with my " + f.brand + " lock, " + f.brand.hashCode() + ".");
                    }
                }
                lastRetry = System.nanoTime();
            }
            Thread.sleep(200);
        }
    }

    private static final String[] WORDS = ("station bridge river market garden tram harbour museum bakery office "
            + "stadium library campus school square tower canal forest valley village road lane hill beach park "
            + "evening morning rain sun wind snow winter summer autumn spring courier rider tourist student nurse").split(" ");

    private static final String[] OPENERS = {"Scandal:", "Unbelievable.", "Avoid it.", "Shame on them.",
            "Disgusting.", "What a joke.", "Warning to everyone:", "I am furious.", "Total fraud.", "Never again."};
    private static final String[] COMPLAINTS = {
        "the %s lock opens with a cheap ballpoint pen, terrible",
        "my %s lock was useless and my bike got stolen, awful",
        "%s sold us a worthless lock and ignores every complaint",
        "this %s lock is the worst purchase I ever made",
        "%s customer service is rude and the lock is broken junk",
        "a thief opened my %s lock in ten seconds, pathetic",
        "I hate my %s lock, it failed, horrible quality",
        "%s lies about security, the lock is a dangerous scam",
        "the %s lock broke on day one, disappointing and bad",
        "stay away from %s, their lock is a ridiculous failure"};

    /**
     * A negative post about {@code brand}, built from varied sentences: a crisis is many people complaining in their
     * own words; near-identical texts would also (rightly) raise a copy-spread alarm, another detector's story.
     */
    private static String complaint(String brand, java.util.Random random) {
        return OPENERS[random.nextInt(OPENERS.length)] + " " + COMPLAINTS[random.nextInt(COMPLAINTS.length)]
                .formatted(brand) + ". " + phrase(random) + ".";
    }

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

    /** The {@code uptime} line (load averages), or /proc/loadavg where the command is missing. */
    static String uptime() {
        try {
            Process p = new ProcessBuilder("uptime").redirectErrorStream(true).start();
            String line = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() == 0 && !line.isEmpty()) {
                return line;
            }
        } catch (IOException e) {
            // fall back below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            return "loadavg " + Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
