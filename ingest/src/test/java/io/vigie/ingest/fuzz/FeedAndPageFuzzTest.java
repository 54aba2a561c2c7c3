package io.vigie.ingest.fuzz;

import io.vigie.model.testing.Fuzz;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.ingest.crawl.PageExtraction;
import io.vigie.ingest.crawl.PageExtractor;
import io.vigie.ingest.crawl.SiteRule;
import io.vigie.ingest.feeds.FeedDocument;
import io.vigie.ingest.feeds.FeedReader;
import io.vigie.ingest.feeds.FeedUnreadableException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Mutated copies of the repository's real feeds ({@code testdata/feeds}) and pages ({@code testdata/pages}), see
 * {@link Fuzz} for the seed and the budget: the feed reader answers a document or a {@link FeedUnreadableException}
 * with a reason, the page extractor always answers, neither throws anything else nor hangs.
 */
class FeedAndPageFuzzTest {
    private static final Path TESTDATA = Path.of("..", "testdata");
    private static final Instant FETCHED = Instant.parse("2026-11-23T14:05:00Z");

    private static List<String> files(Path dir, String suffix) throws Exception {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(p -> p.toString().endsWith(suffix)).sorted().map(p -> {
                try {
                    return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    @Test
    void mutatedFeedsAreReadOrRefusedWithAReasonNeverACrashOrAHang() throws Exception {
        List<String> all = files(TESTDATA.resolve("feeds"), ".xml");
        assertTrue(all.size() > 1000, "the feedparser corpus is there: " + all.size());
        // Every 10th feed: each is read once as it is before the mutations, within the few seconds of a normal build.
        List<String> feeds = java.util.stream.IntStream.range(0, all.size()).filter(i -> i % 10 == 0).mapToObj(all::get)
                .toList();
        List<String> dictionary = List.of("<item>", "</item>", "<entry>", "</entry>", "<![CDATA[", "]]>", "&amp;",
                "&#0;", "&#x10FFFF;", "&nbsp;", "&undefined;", "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\">]>", "&a;",
                "<!ENTITY % p SYSTEM \"file:///etc/passwd\">", "<?xml version=\"1.0\" encoding=\"ebcdic\"?>",
                "encoding=\"utf-16\"", "<pubDate>", "</pubDate>", "Tue, 31 Feb 2026 25:61:00 +9999", "<link href=\"",
                "javascript:alert(1)", "<script>", "<img src=x onerror=alert(1)>", "xmlns=\"http://www.w3.org/2005/Atom\"",
                "<rss version=\"2.0\">", "<feed>", "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">",
                "\uFEFF", "<enclosure url=\"", "length=\"-1\"", "<media:content ", "<title>", "</title>");
        FeedReader reader = new FeedReader();
        Fuzz fuzz = new Fuzz("feed-reader", Duration.ofSeconds(10));
        String[] types = {null, "application/rss+xml", "text/xml; charset=iso-8859-1", "application/atom+xml; charset=bogus",
                "text/html", "application/json; charset=utf-16"};
        int ran = fuzz.run(feeds, dictionary, feed -> {
            try {
                FeedDocument doc = reader.read(feed.getBytes(StandardCharsets.UTF_8), types[Math.floorMod(feed.length(),
                        types.length)], "https://example.net/feed.xml");
                assertNotNull(doc.entries());
                assertNotNull(doc.toString());
            } catch (FeedUnreadableException e) {
                assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "a refusal says why");
            }
        });
        assertTrue(ran > feeds.size(), "only the corpus ran");
    }

    @Test
    void mutatedPagesAlwaysGiveAnExtractionNeverACrashOrAHang() throws Exception {
        List<String> pages = files(TESTDATA.resolve("pages"), ".html");
        assertTrue(pages.size() >= 5, "the saved pages are there: " + pages.size());
        List<String> dictionary = List.of("<div class=\"comment\">", "</div>", "<li class=comment>", "<article>",
                "<time datetime=\"2026-02-30T25:00\">", "hier à 25h61", "il y a 99999999999 jours", "<script type=\"application/ld+json\">",
                "{\"@type\":\"Comment\",\"author\":{\"name\":", "\"dateCreated\":\"x\"}", "</script>", "<table>",
                "<form>", "<iframe src=\"https://disqus.com/embed\">", "<meta charset=\"bogus\">", "<meta charset=\"utf-16\">",
                "<html lang=\"\u0000\">", "<a href=\"javascript:x\">", "<!--", "-->", "<![CDATA[", "<" + "div>".repeat(200),
                "&#x0;", "&#99999999;");
        SiteRule rule = new SiteRule("fuzz", List.of(), "div.comment, li.comment", ".author", "time", "p", "a.permalink",
                "a.reply", "a.next", "a.thread", "dd/MM/yyyy HH:mm", "Europe/Paris", "fr");
        PageExtractor extractor = new PageExtractor();
        Fuzz fuzz = new Fuzz("page-extractor", Duration.ofSeconds(20));
        int ran = fuzz.run(pages, dictionary, page -> {
            byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
            String type = page.length() % 2 == 0 ? "text/html" : "text/html; charset=nonsense";
            PageExtraction generic = extractor.extract(bytes, type, "https://example.net/a/b.html", null, FETCHED);
            assertNotNull(generic.comments());
            PageExtraction ruled = extractor.extract(bytes, type, "https://example.net/a/b.html", rule, FETCHED);
            assertNotNull(ruled.method());
        });
        assertTrue(ran > pages.size(), "only the corpus ran");
    }
}
