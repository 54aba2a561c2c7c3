package io.vigie.app.demo;

import io.vigie.app.InstanceNames;
import io.vigie.app.LocalServerOptions;
import io.vigie.app.PipelineTimeline;
import io.vigie.app.ServiceRunner;
import io.vigie.app.ShutdownSignal;
import io.vigie.app.Stages;
import io.vigie.dashboards.web.auth.ApiTokens;
import io.vigie.dashboards.web.auth.Passwords;
import io.vigie.model.ScoredMention;
import io.vigie.runtime.config.ConfigDocument;
import io.vigie.runtime.local.LocalCluster;
import io.vigie.runtime.local.Ports;
import io.vigie.runtime.service.StageContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigie demo}: what {@code vigie local} starts, plus a simulated web where a crisis unfolds. */
@Command(name = "demo", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {
            "A Kryptonite-style crisis replayed on a simulated web, end to end: everything 'vigie local' starts, plus",
            "blogs, a forum, a video site and news sites served by this process on 127.0.0.x, an SMTP inbox and a chat",
            "receiver. Prints a timeline as the pipeline reacts, and the URLs to open. --headless runs the story to its",
            "end and exits: 0 when the crisis raised an alert and no calm brand did."})
public final class DemoCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(DemoCommand.class);
    /** The demo's detector settings: the committed ones (null), fed by the day of history. */
    static final Duration WARM_UP = null;
    static final Duration QUIET = null;
    private static final String MARKER = ".vigie-demo";
    /** The e-mail receiver of the demo's configuration. */
    static final String ON_CALL = "on-call-mail";

    /** What a test sees of a running demo, just before it stops. */
    record Live(DemoInbox inbox, String alertingApi, String dashboard, String elasticsearch, DemoTimeline timeline,
                DemoStory story, int exitCode, DemoAccess access) {}

    /**
     * The demo's sign-in: an account {@code demo} (role admin) with a password made for this run, and a viewer API
     * token for scripts. Only their hashes go into the generated configuration.
     */
    record DemoAccess(String user, String password, String viewerToken) {
        static DemoAccess generate() {
            SecureRandom random = new SecureRandom();
            byte[] p = new byte[12];
            byte[] t = new byte[24];
            random.nextBytes(p);
            random.nextBytes(t);
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            return new DemoAccess("demo", b64.encodeToString(p), b64.encodeToString(t));
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    LocalServerOptions servers;

    @Option(names = "--data-dir", paramLabel = "<dir>", defaultValue = ".vigie/demo",
            description = "Where the demo's broker, Elasticsearch and services keep their data; emptied at start (only"
                    + " a directory an earlier demo made, or an empty one).")
    Path dataDirectory;

    @Option(names = "--http-port", paramLabel = "<port>", defaultValue = "8080", description = "The dashboards' HTTP port.")
    int httpPort;

    @Option(names = "--alerting-port", paramLabel = "<port>", defaultValue = "8083",
            description = "The alerting API, where the signed acknowledgement links point.")
    int alertingPort;

    @Option(names = "--inbox-port", paramLabel = "<port>", defaultValue = "8025",
            description = "The page listing the e-mails and chat messages received, and the chat webhook receiver.")
    int inboxPort;

    @Option(names = "--smtp-port", paramLabel = "<port>", defaultValue = "2525", description = "The local SMTP server's port.")
    int smtpPort;

    @Option(names = "--sites-port", paramLabel = "<port>", defaultValue = "0",
            description = "The port every simulated site listens on, each on its own 127.0.0.x address (0: a free one each).")
    int sitesPort;

    @Option(names = "--speed", paramLabel = "<factor>", defaultValue = "1",
            description = "Story time runs this many times faster (1: about five minutes in all).")
    double speed;

    @Option(names = "--history-hours", paramLabel = "<hours>", defaultValue = "26",
            description = "Hours of calm chatter published at past times before the demo starts: the detectors'"
                    + " history (they judge at once from 24 h on; with less they stay cautious: no crisis alert).")
    int historyHours;

    @Option(names = "--headless", description = "Run the story to its end, print the summary and exit.")
    boolean headless;

    private final Supplier<ShutdownSignal> signals;
    private final Consumer<Live> beforeStop;

    public DemoCommand(Supplier<ShutdownSignal> signals) {
        this(signals, live -> { });
    }

    DemoCommand(Supplier<ShutdownSignal> signals, Consumer<Live> beforeStop) {
        this.signals = signals;
        this.beforeStop = beforeStop;
    }

    @Override
    public Integer call() throws Exception {
        if (!(speed > 0)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--speed must be positive");
        }
        if (historyHours < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--history-hours must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path data = prepareDataDirectory(dataDirectory.toAbsolutePath().normalize());
        for (Map.Entry<String, Integer> p : Map.of("--http-port", httpPort, "--alerting-port", alertingPort,
                "--inbox-port", inboxPort, "--smtp-port", smtpPort).entrySet()) {
            if (p.getValue() != 0) {
                Ports.requireFree(p.getValue(), p.getKey());
            }
        }
        LocalCluster.Settings settings = servers.settings(data);
        LocalCluster.preflight(settings);
        ShutdownSignal signal = signals.get();
        DemoPages pages = new DemoPages();
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "vigie-demo-clock");
            t.setDaemon(true);
            return t;
        });
        try (SimulatedWeb web = new SimulatedWeb(pages, sitesPort);
                DemoInbox inbox = new DemoInbox(smtpPort, inboxPort, pages);
                LocalCluster cluster = LocalCluster.start(settings)) {
            DemoStory story = new DemoStory(web, new DemoCast());
            boolean named = web.sites().stream().allMatch(s -> s.namedByHost);
            if (!named) {
                out.println("note: this JVM does not resolve the sites' host names (start it with ./vigie demo, which sets"
                        + " jdk.net.hosts.file); the sites are named by their addresses");
            }
            List<String> history = story.publishHistory(Instant.now(), Duration.ofHours(historyHours));
            DemoAccess access = DemoAccess.generate();
            String yaml = configuration(story, web, inbox, access);
            Path configFile = Files.writeString(data.resolve("demo-vigie.yml"), yaml);
            ConfigDocument doc = ConfigDocument.parse(yaml, configFile.toString(), name -> null);
            StageContext context = new StageContext(doc, cluster.kafka(), cluster.elasticsearch(),
                    InstanceNames.forThisProcess(), data.resolve("state"), Clock.systemUTC());
            try (ServiceRunner services = ServiceRunner.start(Stages.all(), context);
                    PipelineTimeline topics = new PipelineTimeline(cluster.kafka())) {
                if (!services.awaitReadyUnless(signal)) {
                    return 0;
                }
                String dashboard = "http://127.0.0.1:" + httpPort + "/";
                String alerting = "http://127.0.0.1:" + alertingPort;
                out.println("vigie demo ready: kafka=" + cluster.kafkaBootstrapServers() + " elasticsearch="
                        + cluster.elasticsearchUrl() + " config=" + configFile);
                out.println("open, in this order:");
                out.println("  1. the dashboard           " + dashboard + "  (sign in as " + access.user() + ", password "
                        + access.password() + ")");
                out.println("  2. the inbox and chat      " + inbox.pageUrl());
                out.println("  3. the incidents (API)     " + alerting + "/api/incidents");
                out.println("  4. acknowledge: the link in the e-mail (or the chat message) on the inbox page");
                out.println("  the simulated web:");
                web.sites().forEach(s -> out.println("     " + s.baseUrl + "/  (" + s.address + ", " + s.about + ")"));
                out.println("history: " + history.size() + " brand posts over the last " + historyHours
                        + " h (read as backfill); speed x" + speed);
                out.flush();

                DemoTimeline timeline = new DemoTimeline(topics, inbox, story, out);
                long tick = DemoStory.CALM_EVERY.toMillis() / DemoCast.BRANDS.size();
                clock.scheduleAtFixedRate(() -> story.calmTick(Instant.now()), 0, tick, TimeUnit.MILLISECONDS);
                clock.scheduleWithFixedDelay(() -> {
                    try {
                        timeline.check();
                    } catch (RuntimeException e) {
                        log.warn("demo timeline check failed reason={}", e.toString());
                    }
                }, 250, 250, TimeUnit.MILLISECONDS);

                if (!awaitHistory(timeline, topics, signal, history)) {
                    return 1;
                }
                long storyStart = System.nanoTime();
                for (DemoStory.Step step : story.steps()) {
                    long due = storyStart + (long) (step.atSeconds() / speed * 1e9);
                    while (System.nanoTime() < due) {
                        if (signal.requested()) {
                            return 0;
                        }
                        Thread.sleep(Math.min(200, Math.max(1, (due - System.nanoTime()) / 1_000_000)));
                    }
                    step.action().run();
                    if (step.name() != null) {
                        timeline.print("story: " + step.name(), Instant.now());
                    }
                }
                // The last posts still travel through the pipeline; the first alert may still be on its way.
                long settle = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (System.nanoTime() < settle && (timeline.firstAlert() == null || inbox.mails().isEmpty())
                        && !signal.requested()) {
                    Thread.sleep(250);
                }
                Thread.sleep(3_000);
                timeline.check();
                int code = summary(out, timeline, story);
                beforeStop.accept(new Live(inbox, alerting, dashboard, cluster.elasticsearchUrl().toString(), timeline,
                        story, code, access));
                if (headless) {
                    return code;
                }
                out.println("the demo goes on with calm chatter; Ctrl-C stops it");
                out.flush();
                signal.await();
                return code;
            }
        } finally {
            clock.shutdownNow();
        }
    }

    /**
     * Waits until analyze has scored every history post as backfill, then for it to rebuild the detectors from that
     * history (it does once no backfill arrived for an emission interval, a second): the detectors' baseline.
     */
    private boolean awaitHistory(DemoTimeline timeline, PipelineTimeline topics, ShutdownSignal signal,
                                 List<String> history) throws InterruptedException {
        timeline.print("calm chatter: one post of each brand every " + DemoStory.CALM_EVERY.toMinutes() + " min, as in"
                + " the history; waiting for analyze to read the " + history.size() + " history posts", Instant.now());
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            if (signal.requested()) {
                return false;
            }
            long scored = history.stream().filter(title -> {
                PipelineTimeline.Seen<ScoredMention> s = topics.scored.get(title);
                return s != null && s.value().backfill();
            }).count();
            if (scored == history.size()) {
                Thread.sleep(3_000);
                timeline.print("baseline: every history post scored as backfill, the detectors rebuilt from it; the"
                        + " story starts", Instant.now());
                return true;
            }
            Thread.sleep(250);
        }
        long live = history.stream().filter(title -> topics.scored.containsKey(title)
                && !topics.scored.get(title).value().backfill()).count();
        spec.commandLine().getOut().println("demo: the history was not all scored as backfill within 4 minutes ("
                + live + " scored as live)");
        return false;
    }

    private int summary(PrintWriter out, DemoTimeline timeline, DemoStory story) {
        List<DemoStory.Published> crisis = story.crisis();
        Instant first = crisis.isEmpty() ? null : crisis.get(0).at();
        Instant alert = timeline.firstAlert();
        DemoTimeline.Evidence evidence = timeline.evidence(WARM_UP, QUIET);
        if (evidence != null) {
            out.println("detector's evidence: crisis post \"" + evidence.post().title() + "\" published at crisis +"
                    + seconds(first, evidence.post().at()) + " s completed it: " + evidence.needs().describe()
                    + (alert == null ? "" : "; first alert " + seconds(evidence.post().at(), alert) + " s after it"));
        } else {
            out.println("detector's evidence: not found (no START for the brand, or its minute's mentions missing)");
        }
        Set<String> calmBrands = timeline.calmBrandsWithIncidents();
        int falseAlarms = timeline.falseAlarms().size();
        out.println("demo: crisis published " + first + " (" + crisis.size() + " posts), first alert after "
                + (alert == null ? "none" : seconds(first, alert) + " s") + ", incidents="
                + timeline.crisisIncidents().size() + " for " + DemoCast.MITHRIL.id() + " in "
                + timeline.crisisGroups(ON_CALL) + " group(s) told to " + ON_CALL + ", false alarms=" + falseAlarms
                + (calmBrands.isEmpty() ? "" : " " + calmBrands));
        out.flush();
        return alert != null && falseAlarms == 0 ? 0 : 1;
    }

    private static String seconds(Instant from, Instant to) {
        return String.format("%.1f", (to.toEpochMilli() - from.toEpochMilli()) / 1000.0);
    }

    /** The demo's vigie.yml: its sources, brands, receivers, sign-in, and the backfill and grace settings. */
    private String configuration(DemoStory story, SimulatedWeb web, DemoInbox inbox, DemoAccess access) {
        StringBuilder y = new StringBuilder();
        y.append("# Written by vigie demo. The simulated sites, and only they, pass ingest's SSRF guard.\n");
        y.append("ingest:\n  contactUrl: ").append(inbox.pageUrl()).append("\n  allowedPrivateRanges: [");
        y.append(String.join(", ", web.sites().stream().map(s -> s.address + "/32").toList())).append("]\n");
        y.append("  minHostDelayMillis: 1000\n");
        // The forum has no feed: the crawler reads its index, follows each thread it lists (a thread source, revisited
        // as often as the feeds) and reads the posts with this rule.
        y.append("""
                  defaultMinPollSeconds: 1
                  defaultMaxPollSeconds: 3
                  crawlRules:
                    - {name: velotaf, item: article.post, author: .author, date: time, text: div.content,
                       permalink: a.permalink, threadLink: a.topictitle, timeZone: UTC}
                  sources:
                """);
        for (Map.Entry<DemoFeed, String> s : story.sources()) {
            y.append("    - {name: \"").append(s.getKey().title).append("\", url: \"").append(s.getKey().url())
                    .append("\", kind: ").append(s.getValue()).append(", minPollSeconds: 1, maxPollSeconds: 3}\n");
        }
        y.append("    - {name: \"").append(story.forum.title()).append("\", url: \"").append(story.forum.url())
                .append("\", kind: forum, rule: velotaf, minPollSeconds: 1, maxPollSeconds: 3}\n");
        y.append("""
                # The committed detectors, fed by the day of history published before the start. The feeds are polled
                # every 1 to 3 s, so anything read 2 minutes after its publication is backfill (the history), and a
                # minute takes late mentions for 10 s (grace) so that the dashboard's minutes close soon.
                analyze:
                  applicationId: vigie-analyze-demo
                  grace: PT10S
                  backfillAfter: PT2M
                brands:
                """);
        for (DemoCast.Brand b : DemoCast.BRANDS) {
            y.append("  - {id: ").append(b.id()).append(", name: ").append(b.name()).append(", query: '")
                    .append(b.query().replace("'", "''")).append("', languages: [fr, en]}\n");
        }
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        y.append("""
                alerting:
                  publicBaseUrl: http://127.0.0.1:%1$d
                  dashboardUrl: http://127.0.0.1:%2$d/?brand={brand}
                  signingSecret: %3$s
                  api: {host: 127.0.0.1, port: %1$d}
                  defaultReceiver: com-team-chat
                  # One message per crisis at once; what it raises later comes in the group's next message, a minute on.
                  timing: {groupInterval: 1m}
                  routes:
                    - {matchers: ['brand=~".+"'], receiver: on-call-mail, continue: true}
                    - {matchers: ['brand=~".+"'], receiver: com-team-chat}
                  receivers:
                    - {name: com-team-chat, type: mattermost, url: "%4$s", language: fr, timeZone: Europe/Paris}
                    - {name: on-call-mail, type: email, to: [astreinte@mithril-locks.test], language: en}
                  smtp: {host: 127.0.0.1, port: %5$d, from: vigie@demo.test}
                dashboards:
                  indexer: {flushIntervalMillis: 200}
                  http: {host: 127.0.0.1, port: %2$d}
                  # The demo's account and a viewer token for scripts, made for this run (printed at start).
                  users:
                    - {name: %6$s, role: admin, passwordHash: '%7$s'}
                  apiTokens:
                    - {name: demo-viewer, role: viewer, sha256: %8$s}
                """.formatted(alertingPort, httpPort, HexFormat.of().formatHex(secret), inbox.chatHookUrl(),
                inbox.smtpPort(), access.user(), new Passwords().hash(access.password()),
                ApiTokens.sha256(access.viewerToken())));
        return y.toString();
    }

    /** Empties the data directory, refusing one that holds anything but an earlier demo's data. */
    private static Path prepareDataDirectory(Path data) throws IOException {
        if (Files.isDirectory(data)) {
            boolean empty;
            try (Stream<Path> s = Files.list(data)) {
                empty = s.findAny().isEmpty();
            }
            if (!empty && !Files.exists(data.resolve(MARKER))) {
                throw new IllegalArgumentException("--data-dir " + data + " holds data that is not an earlier demo's;"
                        + " the demo empties its directory at start: give an empty or new one");
            }
            try (Stream<Path> walk = Files.walk(data)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    if (!p.equals(data)) {
                        Files.delete(p);
                    }
                }
            }
        }
        Files.createDirectories(data);
        Files.writeString(data.resolve(MARKER), "data of vigie demo: emptied by the next one\n");
        return data;
    }
}
