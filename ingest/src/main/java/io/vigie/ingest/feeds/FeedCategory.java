package io.vigie.ingest.feeds;

/** A category or tag: its term, the scheme (taxonomy URI or RSS domain) and a human label when given. */
public record FeedCategory(String term, String scheme, String label) {}
