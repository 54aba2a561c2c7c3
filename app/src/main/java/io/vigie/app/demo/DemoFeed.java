package io.vigie.app.demo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * One feed of a simulated site: RSS 2.0 for posts, comments and news; Atom with Media RSS and YouTube elements for the
 * video site, whose {@code media:statistics views} is what ingest reads as a video's reach. Items are kept newest
 * first; a video's views can grow, which ingest sees as a new version of the same mention.
 */
final class DemoFeed {
    /** What the feed is, and so how it is written. */
    enum Shape { POSTS, COMMENTS, VIDEOS }

    /** One published item. {@code views} is null except on videos. */
    static final class Item {
        final String id;
        final String title;
        final String text;
        final String author;
        final Instant published;
        final String language;
        volatile Long views;

        Item(String id, String title, String text, String author, Instant published, String language, Long views) {
            this.id = id;
            this.title = title;
            this.text = text;
            this.author = author;
            this.published = published;
            this.language = language;
            this.views = views;
        }
    }

    final String path;
    final String title;
    final Shape shape;
    private final String siteUrl;
    private final List<Item> items = new ArrayList<>();
    private int changes;

    DemoFeed(String siteUrl, String path, String title, Shape shape) {
        this.siteUrl = siteUrl;
        this.path = path;
        this.title = title;
        this.shape = shape;
    }

    String url() {
        return siteUrl + path;
    }

    /** The page an item lives on (served by its site). */
    String itemUrl(String id) {
        return siteUrl + "/p/" + id;
    }

    synchronized Item add(String id, String title, String text, String author, Instant published, String language,
                          Long views) {
        Item item = new Item(id, title, text, author, published, language, views);
        items.add(0, item);
        changes++;
        return item;
    }

    synchronized void setViews(Item item, long views) {
        item.views = views;
        changes++;
    }

    synchronized Item find(String id) {
        return items.stream().filter(i -> i.id.equals(id)).findFirst().orElse(null);
    }

    /** A validator that changes whenever the content does, for conditional GETs. */
    synchronized String etag() {
        return "\"" + path.hashCode() + "-" + changes + "\"";
    }

    synchronized int size() {
        return items.size();
    }

    /** The document, XML-escaped by {@link Xml}. */
    synchronized String render() {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        if (shape == Shape.VIDEOS) {
            x.append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:yt=\"http://www.youtube.com/xml/schemas/2015\""
                    + " xmlns:media=\"http://search.yahoo.com/mrss/\">");
            x.append("<title>").append(Xml.text(title)).append("</title><id>").append(Xml.text(url())).append("</id>");
            x.append("<link rel=\"self\" href=\"").append(Xml.attr(url())).append("\"/>");
            x.append("<updated>").append(items.isEmpty() ? Instant.EPOCH : items.get(0).published).append("</updated>");
            for (Item i : items) {
                x.append("<entry><id>yt:video:").append(Xml.text(i.id)).append("</id><yt:videoId>")
                        .append(Xml.text(i.id)).append("</yt:videoId><title>").append(Xml.text(i.title))
                        .append("</title><link rel=\"alternate\" href=\"").append(Xml.attr(itemUrl(i.id)))
                        .append("\"/><author><name>").append(Xml.text(i.author)).append("</name></author><published>")
                        .append(i.published).append("</published><updated>").append(i.published)
                        .append("</updated><media:group><media:title>").append(Xml.text(i.title))
                        .append("</media:title><media:description>").append(Xml.text(i.text))
                        .append("</media:description><media:community><media:statistics views=\"")
                        .append(i.views == null ? 0 : i.views).append("\"/></media:community></media:group></entry>");
            }
            return x.append("</feed>").toString();
        }
        x.append("<rss version=\"2.0\" xmlns:thr=\"http://purl.org/syndication/thread/1.0\"><channel><title>")
                .append(Xml.text(title)).append("</title><link>").append(Xml.text(siteUrl + "/"))
                .append("</link><description>").append(Xml.text(title)).append("</description>");
        for (Item i : items) {
            x.append("<item><title>").append(Xml.text(i.title)).append("</title><link>").append(Xml.text(itemUrl(i.id)))
                    .append("</link><guid isPermaLink=\"true\">").append(Xml.text(itemUrl(i.id))).append("</guid><pubDate>")
                    .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(i.published.atOffset(ZoneOffset.UTC)))
                    .append("</pubDate><author>").append(Xml.text(i.author)).append("</author><description>")
                    .append(Xml.text(i.text)).append("</description></item>");
        }
        return x.append("</channel></rss>").toString();
    }

    /** XML escaping for the feeds' text and attributes. */
    static final class Xml {
        private Xml() {}

        static String text(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }

        static String attr(String s) {
            return text(s).replace("\"", "&quot;");
        }
    }
}
