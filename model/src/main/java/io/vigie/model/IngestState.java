package io.vigie.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A value of the compacted {@code ingest.state} topic. Two kinds of record share the topic, both keyed so that
 * everything about one feed lands in one partition (the ingest instance owning that partition polls the feed):
 * <ul>
 *   <li>{@code source|<feed URL>}: a {@link Source} definition, written by the configuration at start and by
 *       {@code vigie sources add|pause|rm} at runtime (a tombstone removes it);</li>
 *   <li>{@code feed|<feed URL>}: a {@link Feed} poll state, written by the owning instance in the same Kafka
 *       transaction as the mentions it published, so the state never runs ahead of or behind the topic.</li>
 * </ul>
 */
public record IngestState(int schemaVersion, Source source, Feed feed) {

    public IngestState {
        schemaVersion = Schema.version(schemaVersion);
        if ((source == null) == (feed == null)) {
            throw new IllegalArgumentException("an ingest.state value holds exactly one of source or feed");
        }
    }

    public static IngestState of(Source source) {
        return new IngestState(Schema.VERSION, source, null);
    }

    public static IngestState of(Feed feed) {
        return new IngestState(Schema.VERSION, null, feed);
    }

    /**
     * A configured source.
     *
     * @param kind "feed" (blog, news, forum feed), "comments" (a comment feed: every item is a comment), "video"
     *     (YouTube or Media RSS channel) or "site" (a page whose feeds are discovered)
     * @param brands brand ids this source is known to talk about; a signal on one of them polls it faster
     *     ; for pages without feeds, "thread" (an article or forum thread and its comments, followed through its
     *     pages), "forum" (an index that lists threads: each new one becomes a "thread" source) or "sitemap" (an
     *     XML sitemap or sitemap index: each article it lists becomes a "thread" source)
     * @param origin who wrote it: "config", "cli", "forum:&lt;name&gt;" for a thread found on a forum index, or
     *     "sitemap:&lt;name&gt;" for an article listed by a sitemap
     * @param rule for "thread", "forum" and "sitemap": the name of the site rule in {@code ingest.crawlRules}, or null (structured
     *     data, then the generic reader). Added after schema version 1: older records read as null.
     * @param maxPages for "thread" and "forum": how many pages are followed per visit; for "sitemap": how many
     *     sitemap files (the index and its sitemaps) are read per visit; null for the default
     */
    public record Source(String name, String url, String kind, Long minPollSeconds, Long maxPollSeconds,
                         List<String> brands, boolean paused, String origin, Instant updatedAt, String rule,
                         Integer maxPages) {
        public Source {
            Schema.required(name, "source.name");
            Schema.required(url, "source.url");
            kind = kind == null ? "feed" : kind;
            brands = Schema.list(brands);
        }

        /** A feed source (no crawl rule, no page limit). */
        public Source(String name, String url, String kind, Long minPollSeconds, Long maxPollSeconds,
                      List<String> brands, boolean paused, String origin, Instant updatedAt) {
            this(name, url, kind, minPollSeconds, maxPollSeconds, brands, paused, origin, updatedAt, null, null);
        }

        /** Whether it is read as HTML pages by the crawler rather than as a feed. */
        public boolean crawled() {
            return kind.equals("thread") || kind.equals("forum") || kind.equals("sitemap");
        }
    }

    /**
     * What one instance knows about a feed after its last poll.
     *
     * @param seen mention id → "version:contentHash:engagementHash" of every item published, bounded to the most
     *     recent ones
     * @param intervalSeconds the current adaptive poll interval
     */
    public record Feed(String url, String etag, String lastModified, Map<String, String> seen, Instant lastPolledAt,
                       Instant lastSuccessAt, long intervalSeconds, String lastError, Instant lastErrorAt,
                       long errorCount, long consecutiveErrors, long itemsPublished, long polls) {
        public Feed {
            Schema.required(url, "feed.url");
            seen = Schema.map(seen);
        }
    }
}
