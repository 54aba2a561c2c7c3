package io.vigie.ingest.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.ingest.IngestConfig;
import io.vigie.ingest.fetch.LocalSites;
import io.vigie.model.IngestState;
import io.vigie.model.RawMention;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The polling engine against local sites: politeness, Retry-After, robots.txt, 304s, versions of edited items. */
class PollingIT {
    private final LocalSites sites = new LocalSites();
    private final List<RawMention> published = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> commits = new ConcurrentHashMap<>();

    @AfterEach
    void stop() {
        sites.close();
    }

    private static IngestConfig config(long minHostDelayMillis) {
        return new IngestConfig("https://vigie.example/contact", List.of("127.0.0.0/8"), minHostDelayMillis, 60L, 2000L,
                3000L, 1_000_000L, 3, 8, true, 1L, 1L, 1L, 100, 60_000L, List.of());
    }

    private IngestEngine engine(FetchStack stack) {
        return new IngestEngine(stack.poller(), stack.politeness(), (url, outcome) -> {
            published.addAll(outcome.mentions());
            commits.merge(url, 1, Integer::sum);
        }, new IngestEngine.Settings(8, 1, 1, 1), Clock.systemUTC(), url -> 0);
    }

    private static IngestState.Source source(String name, String url) {
        return new IngestState.Source(name, url, "feed", 1L, 1L, List.of(), false, "test", Instant.now());
    }

    static byte[] rss(String base, int items, String suffix) {
        StringBuilder s = new StringBuilder("<rss version=\"2.0\"><channel><title>t</title>");
        for (int i = 0; i < items; i++) {
            s.append("<item><guid>").append(base).append("/item/").append(i).append("</guid><title>Item ").append(i)
                    .append(suffix).append("</title></item>");
        }
        return s.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void feedsOfOneHostAreFetchedOneAtATimeWithTheMinimumDelay() throws Exception {
        LocalSites.Site site = sites.site(20);
        List<Long> starts = new CopyOnWriteArrayList<>();
        for (int f = 0; f < 6; f++) {
            String path = "/feed" + f;
            site.route(path, ex -> {
                starts.add(System.nanoTime());
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                LocalSites.respond(ex, 200, "application/rss+xml", rss(site.url(path), 2, ""));
            });
        }
        try (FetchStack stack = FetchStack.of(config(150), Clock.systemUTC()); IngestEngine engine = engine(stack)) {
            for (int f = 0; f < 6; f++) {
                engine.upsertSource(source("f" + f, site.url("/feed" + f)));
            }
            engine.markAllReady();
            engine.start();
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (commits.size() < 6 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
        assertEquals(6, commits.size());
        assertEquals(1, site.maxInFlight.get(), "never two requests at once on one host");
        List<Long> sorted = starts.stream().sorted().toList();
        for (int i = 1; i < 6; i++) {
            long gapMillis = (sorted.get(i) - sorted.get(i - 1)) / 1_000_000;
            assertTrue(gapMillis >= 190, "request " + i + " came " + gapMillis + " ms after the previous (50 ms + 150 ms delay)");
        }
        assertEquals(12, published.size());
    }

    @Test
    void aFailingFeedIsCountedFailingAndInBackoffUntilItAnswersAgain() throws Exception {
        LocalSites.Site site = sites.site(25);
        List<Long> hits = new CopyOnWriteArrayList<>();
        site.route("/feed", ex -> {
            hits.add(System.nanoTime());
            if (hits.size() <= 2) {
                LocalSites.respond(ex, 503, "text/plain", "down".getBytes(StandardCharsets.UTF_8));
            } else {
                LocalSites.respond(ex, 200, "application/rss+xml", rss(site.url("/feed"), 1, ""));
            }
        });
        try (FetchStack stack = FetchStack.of(config(10), Clock.systemUTC()); IngestEngine engine = engine(stack)) {
            engine.upsertSource(source("flaky", site.url("/feed")));
            engine.markAllReady();
            assertEquals(new IngestEngine.FeedCounts(1, 0, 0), engine.feedCounts(), "before any poll");
            engine.start();
            IngestEngine.FeedCounts down = null;
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (System.nanoTime() < deadline && (down == null || down.failing() == 0)) {
                down = engine.feedCounts();
                Thread.sleep(20);
            }
            assertEquals(new IngestEngine.FeedCounts(1, 1, 1), down, "failing, its host held back");
            while (System.nanoTime() < deadline && (published.isEmpty() || engine.feedCounts().failing() > 0)) {
                Thread.sleep(50);
            }
            assertEquals(new IngestEngine.FeedCounts(1, 0, 0), engine.feedCounts(), "answering again");
            assertEquals(1, published.size());
        }
    }

    @Test
    void a429WithRetryAfterKeepsTheHostQuietUntilThen() throws Exception {
        LocalSites.Site site = sites.site(21);
        List<Long> hits = new CopyOnWriteArrayList<>();
        site.route("/feed", ex -> {
            hits.add(System.nanoTime());
            if (hits.size() == 1) {
                ex.getResponseHeaders().add("Retry-After", "3");
                LocalSites.respond(ex, 429, "text/plain", "busy".getBytes(StandardCharsets.UTF_8));
            } else {
                LocalSites.respond(ex, 200, "application/rss+xml", rss(site.url("/feed"), 1, ""));
            }
        });
        try (FetchStack stack = FetchStack.of(config(10), Clock.systemUTC()); IngestEngine engine = engine(stack)) {
            engine.upsertSource(source("busy", site.url("/feed")));
            engine.markAllReady();
            engine.start();
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (published.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
        assertTrue(hits.size() >= 2);
        long waitedMillis = (hits.get(1) - hits.get(0)) / 1_000_000;
        assertTrue(waitedMillis >= 2900, "second request " + waitedMillis + " ms after the 429, Retry-After said 3 s");
        assertEquals(1, published.size());
    }

    @Test
    void robotsTxtIsObeyedAndA304OrAnUnchangedItemPublishesNothing() throws Exception {
        LocalSites.Site site = sites.site(22);
        int[] version = {0};
        site.route("/robots.txt", ex -> LocalSites.respond(ex, 200, "text/plain",
                        "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8)))
                .route("/private/feed", ex -> LocalSites.respond(ex, 200, "application/rss+xml", rss("p", 1, "")))
                .route("/feed", ex -> {
                    if ("\"e\"".equals(ex.getRequestHeaders().getFirst("If-None-Match")) && version[0] == 1) {
                        LocalSites.respond(ex, 304, null, new byte[0]);
                        return;
                    }
                    ex.getResponseHeaders().add("ETag", "\"e\"");
                    LocalSites.respond(ex, 200, "application/rss+xml",
                            rss(site.url("/feed"), 2, version[0] >= 2 ? " (edited)" : ""));
                });
        IngestConfig c = config(10);
        try (FetchStack stack = FetchStack.of(c, Clock.systemUTC())) {
            IngestState.Source blocked = source("private", site.url("/private/feed"));
            FeedPoller.Polled refused = stack.poller().poll(blocked, null, 1, 1, Instant.now());
            assertTrue(refused.outcome().failed());
            assertEquals("disallowed by robots.txt", refused.outcome().feedState().lastError());
            assertTrue(site.requests.stream().noneMatch(r -> r.startsWith("/private")), "the disallowed feed was never requested");

            IngestState.Source feed = source("feed", site.url("/feed"));
            PollOutcome first = stack.poller().poll(feed, null, 1, 1, Instant.now()).outcome();
            assertEquals(2, first.mentions().size());
            version[0] = 1;
            PollOutcome notModified = stack.poller().poll(feed, first.feedState(), 1, 1, Instant.now()).outcome();
            assertEquals(0, notModified.mentions().size());
            assertEquals(first.feedState().seen(), notModified.feedState().seen());
            version[0] = 2;
            PollOutcome edited = stack.poller().poll(feed, notModified.feedState(), 1, 1, Instant.now()).outcome();
            assertEquals(2, edited.mentions().size(), "both items were edited");
            assertTrue(edited.mentions().stream().allMatch(m -> m.version() == 2 && m.title().endsWith("(edited)")));
            PollOutcome again = stack.poller().poll(feed, edited.feedState(), 1, 1, Instant.now()).outcome();
            assertEquals(0, again.mentions().size(), "an unchanged item is never published again");
        }
    }

    @Test
    void aFeedOnAnAddressOutsideTheAllowedRangesIsRefusedBeforeAnyRequest() throws Exception {
        LocalSites.Site site = sites.site(23).route("/feed", ex -> LocalSites.respond(ex, 200, "application/rss+xml", rss("x", 1, "")));
        IngestConfig allowsOnlyTen = new IngestConfig("https://vigie.example/contact", List.of("10.0.0.0/8"), 10L, 60L,
                2000L, 3000L, 1_000_000L, 3, 8, true, 1L, 1L, 1L, 100, 60_000L, List.of());
        try (FetchStack stack = FetchStack.of(allowsOnlyTen, Clock.systemUTC())) {
            PollOutcome out = stack.poller().poll(source("local", site.url("/feed")), null, 1, 1, Instant.now()).outcome();
            assertTrue(out.failed());
            assertTrue(out.feedState().lastError().contains("loopback"), out.feedState().lastError());
        }
        assertTrue(site.requests.isEmpty(), "not even robots.txt was requested");
    }

    @Test
    void aVideoWhoseViewsGrowIsPublishedAgainOnTheSameIdWithTheNewFigures() throws Exception {
        long[] views = {1000};
        LocalSites.Site site = sites.site(24);
        site.route("/videos", ex -> LocalSites.respond(ex, 200, "application/atom+xml", ("""
                <feed xmlns="http://www.w3.org/2005/Atom" xmlns:yt="http://www.youtube.com/xml/schemas/2015"
                      xmlns:media="http://search.yahoo.com/mrss/"><title>c</title>
                <entry><id>yt:video:v1</id><yt:videoId>v1</yt:videoId><title>Lock picked with a pen</title>
                <link rel="alternate" href="https://www.youtube.com/watch?v=v1"/>
                <media:group><media:community><media:statistics views="%d"/></media:community></media:group>
                </entry></feed>""").formatted(views[0]).getBytes(StandardCharsets.UTF_8)));
        try (FetchStack stack = FetchStack.of(config(10), Clock.systemUTC())) {
            IngestState.Source channel = new IngestState.Source("channel", site.url("/videos"), "video", 1L, 1L, List.of(),
                    false, "test", Instant.now());
            PollOutcome first = stack.poller().poll(channel, null, 1, 1, Instant.now()).outcome();
            assertEquals(1, first.mentions().size());
            assertEquals(1000L, first.mentions().get(0).engagement().views());
            PollOutcome same = stack.poller().poll(channel, first.feedState(), 1, 1, Instant.now()).outcome();
            assertEquals(0, same.mentions().size(), "same views: nothing to publish");
            views[0] = 250_000;
            PollOutcome grown = stack.poller().poll(channel, same.feedState(), 1, 1, Instant.now()).outcome();
            assertEquals(1, grown.mentions().size());
            RawMention update = grown.mentions().get(0);
            assertEquals("yt:video:v1", update.id());
            assertEquals(2, update.version());
            assertEquals(250_000L, update.engagement().views());
        }
    }
}
