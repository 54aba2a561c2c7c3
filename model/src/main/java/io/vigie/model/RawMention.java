package io.vigie.model;

import java.time.Instant;
import java.util.List;

/**
 * One thing written on the web, as a reader found it, before any analysis: the value of {@code mentions.raw}.
 *
 * @param id stable id: the feed's guid or Atom id, else the canonical URL, normalised (see the ingest module)
 * @param version 1 for the first publication; each edit or engagement update of the same id increments it
 * @param source configured source name (a blog, a forum, a channel)
 * @param sourceHost host the item lives on, for per-site statistics and copy spread
 * @param url canonical URL of the item
 * @param parentUrl for a comment, the post it answers
 * @param threadUrl for a comment, the thread or comment feed it belongs to
 * @param text plain text (HTML reduced to text); never null
 * @param safeHtml sanitised HTML copy for display, or null
 * @param publishedAt when the author published it, if the source says
 * @param fetchedAt when Vigie read it; the event time falls back to it
 * @param languageHint language the source declares (feed language, xml:lang), not a detection
 * @param position for a comment read from a page, its 1-based place in the thread (the opening post is 1 on a
 *     forum); null when unknown. Added after version 1 of the schema: older records read as null.
 * @param replyUrl where to answer it (the page's reply link, else the thread), or null. Added like {@code position}.
 */
public record RawMention(
        int schemaVersion,
        String id,
        long version,
        String source,
        String sourceHost,
        MentionKind kind,
        String url,
        String parentUrl,
        String threadUrl,
        String author,
        String title,
        String text,
        String safeHtml,
        List<String> categories,
        List<MediaRef> media,
        Instant publishedAt,
        Instant fetchedAt,
        String languageHint,
        Engagement engagement,
        Provenance provenance,
        Integer position,
        String replyUrl) {

    /** A mention without a place in a thread nor a reply link (feeds, videos). */
    public RawMention(int schemaVersion, String id, long version, String source, String sourceHost, MentionKind kind,
                      String url, String parentUrl, String threadUrl, String author, String title, String text,
                      String safeHtml, List<String> categories, List<MediaRef> media, Instant publishedAt,
                      Instant fetchedAt, String languageHint, Engagement engagement, Provenance provenance) {
        this(schemaVersion, id, version, source, sourceHost, kind, url, parentUrl, threadUrl, author, title, text,
                safeHtml, categories, media, publishedAt, fetchedAt, languageHint, engagement, provenance, null, null);
    }

    public RawMention {
        schemaVersion = Schema.version(schemaVersion);
        Schema.required(id, "id");
        Schema.required(source, "source");
        Schema.required(kind, "kind");
        Schema.required(fetchedAt, "fetchedAt");
        version = Math.max(1, version);
        title = Schema.text(title);
        text = Schema.text(text);
        categories = Schema.list(categories);
        media = Schema.list(media);
        engagement = engagement == null ? Engagement.NONE : engagement;
    }

    /** The time the mention happened: when it was published, or when it was read if the source does not say. */
    public Instant eventTime() {
        return publishedAt != null ? publishedAt : fetchedAt;
    }

    /** Title and text together, as analysis reads them. */
    public String fullText() {
        if (title.isEmpty()) {
            return text;
        }
        if (text.isEmpty() || text.startsWith(title)) {
            return text.isEmpty() ? title : text;
        }
        return title + "\n" + text;
    }
}
