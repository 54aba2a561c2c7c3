package io.vigie.ingest.sources;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the feeds a web page announces: {@code <link rel="alternate" type="application/rss+xml|atom+xml">}
 * (and RDF/JSON feed types), absolute, in page order, comment feeds last.
 */
public final class FeedDiscovery {

    /** A discovered feed: its URL, the title the page gives it, and its media type. */
    public record Discovered(String url, String title, String type) {
        /** A comment feed (WordPress announces "… Comments Feed" at …/comments/feed/). */
        public boolean comments() {
            return url.toLowerCase(Locale.ROOT).contains("comments") || title.toLowerCase(Locale.ROOT).contains("comment");
        }
    }

    private FeedDiscovery() {}

    public static List<Discovered> discover(String html, String pageUrl) {
        Document doc = Jsoup.parse(html, pageUrl);
        List<Discovered> feeds = new ArrayList<>();
        List<Discovered> comments = new ArrayList<>();
        for (Element link : doc.select("link[rel][href]")) {
            List<String> rels = List.of(link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+"));
            String type = link.attr("type").toLowerCase(Locale.ROOT).strip();
            if (!rels.contains("alternate") || !(type.contains("rss") || type.contains("atom") || type.contains("rdf"))) {
                continue;
            }
            String url = link.absUrl("href");
            if (url.isEmpty()) {
                continue;
            }
            Discovered d = new Discovered(url, link.attr("title").strip(), type);
            (d.comments() ? comments : feeds).add(d);
        }
        feeds.addAll(comments);
        return feeds;
    }
}
