package io.vigie.ingest.crawl;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Entities;

/**
 * HTML of a simple forum, in the shape of the common engines (phpBB-like posts, rel=next pagination, an index of
 * thread links), for the crawl benchmark, the demo's simulated forum and the tests: pages are made here, never copied.
 */
public final class ForumPages {
    /** One post of a thread. */
    public record Post(String id, String author, Instant at, String text) {}

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEE MMM dd, yyyy h:mm a", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private ForumPages() {}

    /**
     * One page of a thread.
     *
     * @param nextPath the next page's path, or null on the last page
     * @param padding characters of filler markup (menus, a sidebar) so the page reaches a realistic size
     */
    public static String threadPage(String title, List<Post> posts, int page, String nextPath, int padding) {
        StringBuilder html = new StringBuilder(4096 + padding);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(Entities.escape(title)).append(" - page ").append(page).append("</title>");
        if (nextPath != null) {
            html.append("<link rel=\"next\" href=\"").append(nextPath).append("\">");
        }
        html.append("</head><body><nav class=\"menu\"><a href=\"/\">Home</a> <a href=\"/forum\">Forum</a></nav>")
                .append("<h1>").append(Entities.escape(title)).append("</h1><div class=\"topic\">");
        for (Post p : posts) {
            html.append("<article class=\"post\" id=\"p").append(p.id()).append("\"><div class=\"postprofile\">")
                    .append("<span class=\"username\">").append(Entities.escape(p.author())).append("</span>")
                    .append("<span class=\"rank\">Member</span></div><div class=\"postbody\">")
                    .append("<p class=\"post-date\"><a href=\"#p").append(p.id()).append("\">")
                    .append(SHOWN.format(p.at())).append("</a></p><div class=\"content\">")
                    .append(Entities.escape(p.text())).append("</div><div class=\"signature\">-- ")
                    .append(Entities.escape(p.author())).append("'s signature</div>")
                    .append("<a class=\"reply-link\" href=\"/posting?mode=quote&amp;p=").append(p.id())
                    .append("\">Quote</a></div></article>");
        }
        html.append("</div>");
        if (nextPath != null) {
            html.append("<div class=\"pagination\"><a class=\"next\" href=\"").append(nextPath).append("\">Next</a></div>");
        }
        html.append("<aside class=\"sidebar\"><ul>");
        while (html.length() < padding) {
            html.append("<li><a href=\"/forum/section\">Another section of the forum with a long name</a></li>");
        }
        return html.append("</ul></aside></body></html>").toString();
    }

    /** A forum index listing threads by path. */
    public static String index(List<String> threadPaths, String nextPath) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><title>Forum</title>");
        if (nextPath != null) {
            html.append("<link rel=\"next\" href=\"").append(nextPath).append("\">");
        }
        html.append("</head><body><ul class=\"topiclist\">");
        for (String path : threadPaths) {
            html.append("<li class=\"row\"><a class=\"topictitle\" href=\"").append(path).append("\">Thread ")
                    .append(Entities.escape(path)).append("</a></li>");
        }
        return html.append("</ul></body></html>").toString();
    }
}
