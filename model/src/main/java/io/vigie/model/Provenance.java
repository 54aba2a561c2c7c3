package io.vigie.model;

/**
 * Where a mention came from and how it was read, for audit and for re-publishing decisions.
 *
 * @param collector what read it ("feed", "video-feed", "crawler", "import")
 * @param sourceId the configured source it belongs to
 * @param feedUrl the feed or page URL that was fetched
 * @param contentHash hash of the fields that make an edit; a new hash on the same id is a new version
 */
public record Provenance(String collector, String sourceId, String feedUrl, String contentHash) {}
