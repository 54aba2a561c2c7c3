package io.vigie.ingest.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.ingest.IngestConfig;
import io.vigie.ingest.fetch.LocalSites;
import io.vigie.ingest.poll.FeedPoller;
import io.vigie.ingest.poll.FetchStack;
import io.vigie.model.DeadLetter;
import io.vigie.model.IngestState;
import io.vigie.model.MentionKind;
import io.vigie.model.RawMention;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A sitemap source against a local news site on a loopback address: a sitemap index lists a plain sitemap and a
 * gzip one, their articles (each with comments) become thread sources whose visits publish the article as a POST
 * and its comments; an article past the horizon and a URL on another host are not crawled (the latter reported);
 * the next visit, after one article is added and one article's lastmod is bumped, gives only those two.
 */
class SitemapCrawlIT {
    private static final Instant NOW = Instant.parse("2024-05-15T12:00:00Z");
    private final LocalSites sites = new LocalSites();
    /** article path → lastmod, per sitemap file */
    private final Map<String, Map<String, Instant>> sitemaps = new ConcurrentHashMap<>();
    private final Map<String, List<ForumPages.Post>> articles = new ConcurrentHashMap<>();
    private LocalSites.Site news;
    private FetchStack stack;

    @BeforeEach
    void start() throws Exception {
        news = sites.site(63);
        news.route("/robots.txt", ex -> LocalSites.respond(ex, 200, "text/plain",
                "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8)));
        news.route("/sitemap_index.xml", ex -> LocalSites.respond(ex, 200, "application/xml", utf8(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                + "<sitemap><loc>" + news.url("/sitemap-news.xml") + "</loc><lastmod>" + newest("/sitemap-news.xml")
                + "</lastmod></sitemap><sitemap><loc>" + news.url("/sitemap-blog.xml.gz") + "</loc><lastmod>"
                + newest("/sitemap-blog.xml.gz") + "</lastmod></sitemap><sitemap><loc>" + news.url("/sitemap-2019.xml")
                + "</loc><lastmod>2019-02-01</lastmod></sitemap></sitemapindex>")));
        news.route("/sitemap-news.xml", ex -> LocalSites.respond(ex, 200, "application/xml",
                utf8(urlset("/sitemap-news.xml", "<url><loc>https://elsewhere.example/copied</loc></url>"))));
        news.route("/sitemap-blog.xml.gz", ex -> LocalSites.respond(ex, 200, "application/gzip",
                gzip(utf8(urlset("/sitemap-blog.xml.gz", "")))));
        news.route("/sitemap-2019.xml", ex -> LocalSites.respond(ex, 200, "application/xml",
                utf8(urlset("/sitemap-2019.xml", ""))));
        Map<String, Instant> newsArticles = new LinkedHashMap<>();
        newsArticles.put("/news/lock-recall", NOW.minus(Duration.ofHours(20)));
        newsArticles.put("/news/old-review", Instant.parse("2021-06-01T08:00:00Z")); // past the horizon
        sitemaps.put("/sitemap-news.xml", newsArticles);
        Map<String, Instant> blogArticles = new LinkedHashMap<>();
        blogArticles.put("/blog/kryptonite-u-lock", NOW.minus(Duration.ofDays(2)));
        sitemaps.put("/sitemap-blog.xml.gz", blogArticles);
        sitemaps.put("/sitemap-2019.xml", Map.of("/news/2019/never-read", Instant.parse("2019-01-31T00:00:00Z")));
        article("/news/lock-recall", 3);
        article("/news/old-review", 2);
        article("/blog/kryptonite-u-lock", 2);
        article("/news/2019/never-read", 1);
        IngestConfig config = new IngestConfig("https://vigie.example/contact", List.of("127.0.0.0/8"), 50L, 60L,
                2000L, 5000L, 1_000_000L, 3, 2, true, 60L, 3600L, 60L, 2000, 60_000L, List.of(), null, List.of(), 10,
                30L, 7L, 100);
        stack = FetchStack.of(config, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        stack.close();
        sites.close();
    }

    private String newest(String sitemap) {
        return sitemaps.get(sitemap).values().stream().max(Instant::compareTo).orElse(NOW).toString();
    }

    private String urlset(String sitemap, String extra) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
        sitemaps.get(sitemap).forEach((path, lastmod) -> xml.append("<url><loc>").append(news.url(path))
                .append("</loc><lastmod>").append(lastmod).append("</lastmod></url>"));
        return xml.append(extra).append("</urlset>").toString();
    }

    /** An article page: the article (a POST) then its comments, on one page. */
    private void article(String path, int comments) {
        List<ForumPages.Post> posts = new ArrayList<>();
        for (int i = 0; i <= comments; i++) {
            posts.add(post(path, i));
        }
        articles.put(path, posts);
        news.route(path, ex -> LocalSites.respond(ex, 200, "text/html; charset=utf-8",
                utf8(ForumPages.threadPage("Article " + path, articles.get(path), 1, null, 0))));
    }

    private static ForumPages.Post post(String path, int i) {
        String id = path.replaceAll("[^a-z0-9]", "") + i;
        return new ForumPages.Post(id, i == 0 ? "editor" : "reader" + i, NOW.minus(Duration.ofHours(10 - i)),
                i == 0 ? "The article " + path + " about the lock." : "Comment " + i + " on " + path + ".");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }

    private FeedPoller.Polled visitSitemap(IngestState.Feed previous) {
        IngestState.Source source = new IngestState.Source("News", news.url("/sitemap_index.xml"), "sitemap", 60L,
                3600L, List.of("kryptonite"), false, "config", NOW, null, null);
        return stack.poller().poll(source, previous, 60, 3600, NOW);
    }

    /** Visits each article source as the engine would, each with its own state, and returns what they published. */
    private List<RawMention> crawl(List<IngestState.Source> sources, Map<String, IngestState.Feed> states) {
        List<RawMention> published = new ArrayList<>();
        for (IngestState.Source s : sources) {
            FeedPoller.Polled polled = stack.poller().poll(s, states.get(s.url()), 60, 3600, NOW);
            assertFalse(polled.outcome().failed(), s.url() + ": " + polled.outcome().feedState().lastError());
            states.put(s.url(), polled.outcome().feedState());
            published.addAll(polled.outcome().mentions());
        }
        return published;
    }

    private static IngestState.Source known(Map<String, IngestState.Source> all, String url) {
        IngestState.Source s = all.get(url);
        assertTrue(s != null, url + " was discovered before");
        return s;
    }

    @Test
    void aSitemapIndexGivesItsArticlesOnceAndOnlyNewOrChangedOnesNextTime() {
        FeedPoller.Polled first = visitSitemap(null);
        assertFalse(first.outcome().failed(), first.outcome().feedState().lastError());
        List<IngestState.Source> found = first.outcome().discovered();
        assertEquals(List.of(news.url("/news/lock-recall"), news.url("/blog/kryptonite-u-lock")),
                found.stream().map(IngestState.Source::url).toList(), "both sitemaps read, the gzip one too; the"
                + " article past the horizon not taken");
        assertTrue(found.stream().allMatch(s -> s.kind().equals("thread") && s.origin().equals("sitemap:News")
                && s.brands().equals(List.of("kryptonite"))), found.toString());
        assertFalse(news.requests.contains("/sitemap-2019.xml"), "a sitemap of the index older than the horizon"
                + " is not fetched: " + news.requests);
        List<DeadLetter> letters = first.outcome().deadLetters();
        assertEquals(1, letters.size(), letters.toString());
        assertEquals("SitemapOffHost", letters.get(0).errorType());
        assertTrue(letters.get(0).reason().contains("https://elsewhere.example/copied"), letters.get(0).reason());

        Map<String, IngestState.Feed> states = new HashMap<>();
        List<RawMention> published = crawl(found, states);
        assertEquals(7, published.size(), "3 + 1 comments and the 2 articles: " + published);
        RawMention article = published.stream().filter(m -> m.kind() == MentionKind.POST
                && m.threadUrl().equals(news.url("/news/lock-recall"))).findFirst().orElseThrow();
        assertEquals("The article /news/lock-recall about the lock.", article.text());
        RawMention comment = published.stream().filter(m -> m.text().equals("Comment 3 on /news/lock-recall."))
                .findFirst().orElseThrow();
        assertEquals(MentionKind.COMMENT, comment.kind());
        assertEquals("reader3", comment.author());
        assertEquals(news.url("/news/lock-recall"), comment.threadUrl());

        // the site publishes a new article and a comment on an existing one, whose lastmod moves
        sitemaps.get("/sitemap-blog.xml.gz").put("/blog/new-model", NOW.minus(Duration.ofHours(1)));
        article("/blog/new-model", 1);
        articles.get("/news/lock-recall").add(post("/news/lock-recall", 4));
        sitemaps.get("/sitemap-news.xml").put("/news/lock-recall", NOW.minus(Duration.ofMinutes(30)));
        int before = news.requests.size();

        FeedPoller.Polled second = visitSitemap(first.outcome().feedState());
        assertEquals(List.of(news.url("/blog/new-model")),
                second.outcome().discovered().stream().map(IngestState.Source::url).toList(), "only the new article");
        assertEquals(List.of(news.url("/news/lock-recall")), second.outcome().changed(), "only the bumped lastmod");
        assertTrue(second.outcome().deadLetters().isEmpty(), "the off-host URL was reported once: "
                + second.outcome().deadLetters());
        assertTrue(news.requests.subList(before, news.requests.size()).stream().allMatch(r -> r.contains("sitemap")
                || r.equals("/robots.txt")), "the visit of a sitemap fetches sitemaps only: " + news.requests);

        Map<String, IngestState.Source> all = new HashMap<>();
        found.forEach(s -> all.put(s.url(), s));
        List<IngestState.Source> toVisit = new ArrayList<>(second.outcome().discovered());
        second.outcome().changed().forEach(url -> toVisit.add(known(all, url)));
        List<RawMention> again = crawl(toVisit, states);
        assertEquals(List.of("Comment 1 on /blog/new-model.", "Comment 4 on /news/lock-recall.",
                "The article /blog/new-model about the lock."), again.stream().map(RawMention::text).sorted().toList(),
                "the new article with its comment, and the new comment of the changed one; nothing else again");

        FeedPoller.Polled third = visitSitemap(second.outcome().feedState());
        assertTrue(third.outcome().discovered().isEmpty() && third.outcome().changed().isEmpty(),
                "nothing moved, nothing to crawl: " + third.outcome());
    }

    @Test
    void entriesPastTheCapAreReportedOnceAndTheNewestAreTaken() {
        IngestConfig capped = new IngestConfig("https://vigie.example/contact", List.of("127.0.0.0/8"), 50L, 60L,
                2000L, 5000L, 1_000_000L, 3, 2, true, 60L, 3600L, 60L, 2000, 60_000L, List.of(), null, List.of(), 10,
                30L, 7L, 1);
        try (FetchStack small = FetchStack.of(capped, Clock.systemUTC())) {
            IngestState.Source source = new IngestState.Source("News", news.url("/sitemap_index.xml"), "sitemap", 60L,
                    3600L, List.of(), false, "config", NOW, null, null);
            FeedPoller.Polled first = small.poller().poll(source, null, 60, 3600, NOW);
            assertEquals(List.of(news.url("/news/lock-recall")),
                    first.outcome().discovered().stream().map(IngestState.Source::url).toList(), "the newest of the two");
            DeadLetter tooMany = first.outcome().deadLetters().stream()
                    .filter(d -> d.errorType().equals("SitemapTooLarge")).findFirst().orElseThrow();
            assertTrue(tooMany.reason().contains("more than the cap of 1"), tooMany.reason());
            FeedPoller.Polled second = small.poller().poll(source, first.outcome().feedState(), 60, 3600, NOW);
            assertTrue(second.outcome().deadLetters().isEmpty(), "reported once: " + second.outcome().deadLetters());
        }
    }

    @Test
    void pastTheFileLimitTheNewestSitemapsOfTheIndexAreReadAndTheRestReported() {
        IngestState.Source source = new IngestState.Source("News", news.url("/sitemap_index.xml"), "sitemap", 60L,
                3600L, List.of(), false, "config", NOW, null, 2);
        FeedPoller.Polled polled = stack.poller().poll(source, null, 60, 3600, NOW);
        assertEquals(List.of(news.url("/news/lock-recall")),
                polled.outcome().discovered().stream().map(IngestState.Source::url).toList(),
                "the index and its newest sitemap only");
        assertFalse(news.requests.contains("/sitemap-blog.xml.gz"), news.requests.toString());
        DeadLetter notRead = polled.outcome().deadLetters().stream()
                .filter(d -> d.errorType().equals("SitemapTooLarge")).findFirst().orElseThrow();
        assertTrue(notRead.reason().contains("1 sitemap(s) of the index past the limit of 2"), notRead.reason());
    }

    @Test
    void aMalformedSitemapFailsTheVisitWithADeadLetter() {
        news.route("/sitemap_index.xml", ex -> LocalSites.respond(ex, 200, "application/xml",
                utf8("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>"
                        + news.url("/news/lock-recall") + "</loc></url><url><loc>")));
        FeedPoller.Polled polled = visitSitemap(null);
        assertTrue(polled.outcome().failed());
        assertTrue(polled.outcome().feedState().lastError().startsWith("malformed sitemap"),
                polled.outcome().feedState().lastError());
        assertEquals(List.of("SitemapUnreadable"), polled.outcome().deadLetters().stream().map(DeadLetter::errorType).toList());
        assertTrue(polled.outcome().discovered().isEmpty(), "nothing taken from a broken file");
    }
}
