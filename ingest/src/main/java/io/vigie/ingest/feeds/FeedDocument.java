package io.vigie.ingest.feeds;

import java.util.List;

/**
 * A feed as Vigie read it.
 *
 * @param format Rome's feed type, e.g. "rss_2.0", "atom_1.0"
 * @param encoding the character encoding the bytes were decoded with, lower case (e.g. "utf-8")
 * @param recovered true when the input was ill-formed (bad XML, an encoding that contradicts the bytes, a wrong
 *     media type) and the reader recovered what it could; feedparser calls this "bozo"
 * @param recoveryReason why the input was judged ill-formed, or null
 */
public record FeedDocument(
        String format,
        FeedText title,
        String link,
        List<FeedLink> links,
        String language,
        List<FeedPerson> authors,
        String encoding,
        boolean recovered,
        String recoveryReason,
        List<FeedEntry> entries) {

    public FeedDocument {
        links = links == null ? List.of() : List.copyOf(links);
        authors = authors == null ? List.of() : List.copyOf(authors);
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
