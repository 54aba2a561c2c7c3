package io.vigie.ingest.feeds;

import io.vigie.ingest.identity.CanonicalUrl;
import io.vigie.ingest.identity.MentionIdentity;
import io.vigie.model.Engagement;
import io.vigie.model.MediaRef;
import io.vigie.model.MentionKind;
import io.vigie.model.Provenance;
import io.vigie.model.RawMention;
import io.vigie.model.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a feed's entries into mentions: kind (post, comment, video), canonical URL, thread links, plain text and
 * safe HTML, media and engagement, and the content fingerprint. Entries that cannot become a mention are returned
 * as refusals with the reason, for the dead-letter topic.
 */
public final class MentionBuilder {

    /** Either a mention (version 1; the poller sets the real version) or a refusal. */
    public record Built(RawMention mention, String engagementHash, FeedEntry entry, String refusal) {
        public boolean refused() {
            return mention == null;
        }
    }

    /**
     * @param sourceKind "feed", "comments", "video" or "site"
     */
    public List<Built> build(FeedDocument doc, String sourceName, String sourceKind, String feedUrl, Instant fetchedAt) {
        List<Built> out = new ArrayList<>();
        for (FeedEntry e : doc.entries()) {
            out.add(build(doc, e, sourceName, sourceKind, feedUrl, fetchedAt));
        }
        return out;
    }

    Built build(FeedDocument doc, FeedEntry e, String sourceName, String sourceKind, String feedUrl, Instant fetchedAt) {
        String id = MentionIdentity.idOf(e, feedUrl);
        if (id == null) {
            return new Built(null, null, e, "entry has no guid, id or link: it has no stable identity");
        }
        MentionKind kind = kindOf(e, isCommentFeed(doc, feedUrl) ? "comments" : sourceKind);
        String url = e.link() != null ? CanonicalUrl.of(e.link()) : null;
        String parentUrl = null;
        String threadUrl = null;
        if (kind == MentionKind.COMMENT) {
            if (e.inReplyTo() != null && e.inReplyTo().matches("(?i)https?://.*")) {
                parentUrl = CanonicalUrl.of(e.inReplyTo());
            } else if (e.link() != null && e.link().contains("#")) {
                parentUrl = CanonicalUrl.of(e.link().substring(0, e.link().indexOf('#')));
            }
            threadUrl = CanonicalUrl.of(feedUrl);
        } else if (e.commentFeedUrl() != null) {
            threadUrl = CanonicalUrl.of(e.commentFeedUrl());
        }
        String title = e.title() == null ? "" : e.title().plainText();
        FeedText body = e.body();
        String text = body == null ? "" : body.plainText();
        String safeHtml = body == null || !body.isHtml() ? null : body.safeHtml();
        List<MediaRef> media = new ArrayList<>();
        for (FeedEnclosure enclosure : e.enclosures()) {
            media.add(new MediaRef(enclosure.url(), enclosure.type() != null ? enclosure.type() : enclosure.medium(),
                    enclosure.length(), e.thumbnailUrl()));
        }
        if (media.isEmpty() && e.videoId() != null && e.link() != null) {
            media.add(new MediaRef(e.link(), "video", null, e.thumbnailUrl()));
        }
        String author = null;
        if (!e.authors().isEmpty()) {
            author = e.authors().get(0).display();
        } else if (!doc.authors().isEmpty()) {
            author = doc.authors().get(0).display();
        }
        Engagement engagement = e.engagement();
        String contentHash = MentionIdentity.contentHash(title, text, String.valueOf(url), media.toString());
        String host = CanonicalUrl.host(url != null ? url : feedUrl);
        RawMention mention = new RawMention(Schema.VERSION, id, 1, sourceName, host, kind, url, parentUrl, threadUrl,
                author, title, text, safeHtml, e.categories().stream().map(FeedCategory::term).distinct().toList(),
                media, e.published() != null ? e.published() : e.updated(), fetchedAt, e.language(), engagement,
                new Provenance(kind == MentionKind.VIDEO ? "video-feed" : "feed", sourceName, feedUrl, contentHash));
        return new Built(mention, MentionIdentity.engagementHash(engagement), e, null);
    }

    /**
     * A comment feed announces itself even when configured as a plain feed: WordPress serves comments at
     * {@code …/comments/feed/} and {@code …/<post>/feed/} titled "Comments on: …" ("Commentaires sur : …" in French).
     */
    static boolean isCommentFeed(FeedDocument doc, String feedUrl) {
        String url = feedUrl == null ? "" : feedUrl.toLowerCase(Locale.ROOT);
        String title = doc.title() == null ? "" : doc.title().plainText().toLowerCase(Locale.ROOT);
        return url.matches(".*/comments/feed/?(\\?.*)?$") || title.startsWith("comments on:")
                || title.startsWith("commentaires sur") || title.startsWith("comments for ");
    }

    static MentionKind kindOf(FeedEntry e, String sourceKind) {
        String kind = sourceKind == null ? "feed" : sourceKind.toLowerCase(Locale.ROOT);
        if (kind.equals("comments") || e.inReplyTo() != null) {
            return MentionKind.COMMENT;
        }
        if (kind.equals("video") || e.videoId() != null) {
            return MentionKind.VIDEO;
        }
        for (FeedEnclosure enclosure : e.enclosures()) {
            if ((enclosure.type() != null && enclosure.type().startsWith("video/")) || "video".equals(enclosure.medium())) {
                return MentionKind.VIDEO;
            }
        }
        return MentionKind.POST;
    }
}
