package io.vigie.ingest.feeds;

/** A link of a feed or entry: {@code rel} is "alternate" when the feed does not say. */
public record FeedLink(String href, String rel, String type, String title, Long length) {
    public FeedLink {
        rel = rel == null || rel.isBlank() ? "alternate" : rel;
    }
}
