package io.vigie.ingest.feeds;

/** A media object attached to an entry: an RSS enclosure, a Media RSS content, a video. */
public record FeedEnclosure(String url, String type, Long length, String medium) {}
