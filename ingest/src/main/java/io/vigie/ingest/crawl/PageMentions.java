package io.vigie.ingest.crawl;

import io.vigie.ingest.feeds.HtmlSanitizer;
import io.vigie.ingest.identity.CanonicalUrl;
import io.vigie.ingest.identity.MentionIdentity;
import io.vigie.model.Engagement;
import io.vigie.model.MentionKind;
import io.vigie.model.Provenance;
import io.vigie.model.RawMention;
import io.vigie.model.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a page's extraction into mentions: the article or opening post as a POST, every comment as a COMMENT with
 * its thread, the post it answers (the comment it replies to when nested, else the thread), its position in the
 * thread, its permalink and where to answer it.
 *
 * <p>Identity: the thread's canonical URL plus the comment's anchor on the page ({@code #comment-12}), so an edit
 * keeps the id and becomes the next version. A comment the page gives no anchor is identified by its author, date
 * and text: an edit of such a comment is published as a new comment (said in the README).
 */
public final class PageMentions {

    /** A mention to publish and the hash of its engagement figures (the poller's diff needs both). */
    public record Built(RawMention mention, String engagementHash) {}

    private PageMentions() {}

    /**
     * @param threadUrl the thread's first page (the source URL), whatever page this is
     * @param positionBefore comments on the thread's earlier pages
     */
    public static List<Built> build(PageExtraction x, String sourceName, String threadUrl, String pageUrl,
                                    int positionBefore, boolean firstPage, Instant fetchedAt, String language,
                                    HtmlSanitizer sanitizer) {
        String thread = CanonicalUrl.of(threadUrl);
        String host = CanonicalUrl.host(thread);
        List<Built> out = new ArrayList<>();
        if (firstPage && x.post() != null && !x.post().text().isBlank()) {
            PageComment p = x.post();
            out.add(built(thread, MentionKind.POST, sourceName, host, thread, null, null, p.author(), x.title(), p.text(),
                    safe(sanitizer, p.html(), pageUrl), p.publishedAt(), fetchedAt, language, x.engagement(), pageUrl, null, thread));
        }
        for (PageComment c : x.comments()) {
            int position = positionBefore + c.position();
            boolean opening = firstPage && x.firstIsPost() && c.position() == 1;
            String id = c.anchor() != null ? BlockReader.stripFragment(thread) + "#" + c.anchor()
                    : "crawl:" + MentionIdentity.contentHash(thread, String.valueOf(c.author()),
                    String.valueOf(c.dateText()), c.text().substring(0, Math.min(200, c.text().length())));
            String parent = c.parentAnchor() != null ? BlockReader.stripFragment(thread) + "#" + c.parentAnchor() : thread;
            String url = c.permalink() != null ? c.permalink() : id.startsWith("crawl:") ? pageUrl : id;
            String reply = c.replyUrl() != null ? c.replyUrl() : url;
            out.add(built(id, opening ? MentionKind.POST : MentionKind.COMMENT, sourceName, host, url,
                    opening ? null : parent, thread, c.author(), opening ? x.title() : "", c.text(),
                    safe(sanitizer, c.html(), pageUrl),
                    c.publishedAt(), fetchedAt, language, opening ? x.engagement() : Engagement.NONE, pageUrl, position,
                    reply));
        }
        return out;
    }

    private static String safe(HtmlSanitizer sanitizer, String html, String base) {
        return html == null || html.isBlank() ? null : sanitizer.sanitize(html, base);
    }

    private static Built built(String id, MentionKind kind, String source, String host, String url, String parent,
                               String thread, String author, String title, String text, String html, Instant published,
                               Instant fetched, String language, Engagement engagement, String pageUrl,
                               Integer position, String reply) {
        String hash = MentionIdentity.contentHash(title, text, String.valueOf(url), "");
        RawMention m = new RawMention(Schema.VERSION, id, 1, source, host, kind, url, parent, thread, author, title, text,
                html, List.of(), List.of(), published, fetched, language, engagement,
                new Provenance("crawler", source, pageUrl, hash), position, reply);
        return new Built(m, MentionIdentity.engagementHash(engagement));
    }
}
