package io.vigie.ingest.feeds;

import io.vigie.model.Engagement;
import java.time.Instant;
import java.util.List;

/**
 * One item of a feed, with every field Vigie uses.
 *
 * @param id the guid (RSS) or id (Atom) as published, or null
 * @param link the alternate link, absolute
 * @param summary the summary or description, or null
 * @param contents the full contents (Atom content, content:encoded), possibly empty
 * @param commentsUrl the page where the item's comments are read (RSS {@code comments})
 * @param commentFeedUrl the item's comment feed ({@code wfw:commentRss}, Atom {@code rel="replies"})
 * @param inReplyTo for a comment, the URL or id of the item it answers ({@code thr:in-reply-to})
 * @param videoId a video platform id ({@code yt:videoId}), or null
 * @param thumbnailUrl a thumbnail ({@code media:thumbnail}), or null
 */
public record FeedEntry(
        String id,
        FeedText title,
        String link,
        List<FeedLink> links,
        FeedText summary,
        List<FeedText> contents,
        Instant published,
        Instant updated,
        List<FeedPerson> authors,
        List<FeedCategory> categories,
        List<FeedEnclosure> enclosures,
        String commentsUrl,
        String commentFeedUrl,
        String inReplyTo,
        String videoId,
        String thumbnailUrl,
        Engagement engagement,
        String language) {

    public FeedEntry {
        links = links == null ? List.of() : List.copyOf(links);
        contents = contents == null ? List.of() : List.copyOf(contents);
        authors = authors == null ? List.of() : List.copyOf(authors);
        categories = categories == null ? List.of() : List.copyOf(categories);
        enclosures = enclosures == null ? List.of() : List.copyOf(enclosures);
        engagement = engagement == null ? Engagement.NONE : engagement;
    }

    /** The richest body: the first content, else the summary, else nothing. */
    public FeedText body() {
        if (!contents.isEmpty() && !contents.get(0).value().isBlank()) {
            return contents.get(0);
        }
        return summary;
    }
}
