package io.vigie.model;

/**
 * Where a mention came from and how it was read, for audit and for re-publishing decisions.
 *
 * @param collector what read it ("feed", "video-feed", "crawler", "import"), or {@value #BACKFILL} for a mention
 *     loaded as a brand's history (an archive, a replay of an index, a demo's past days): analyze then treats it as
 *     a backfill whatever its times, so its detectors learn from it and it never raises a signal
 * @param sourceId the configured source it belongs to
 * @param feedUrl the feed or page URL that was fetched
 * @param contentHash hash of the fields that make an edit; a new hash on the same id is a new version
 */
public record Provenance(String collector, String sourceId, String feedUrl, String contentHash) {
    /** The collector of a mention loaded as history rather than read live. */
    public static final String BACKFILL = "backfill";

    /** Whether the producer marked this mention as history. */
    public boolean backfill() {
        return BACKFILL.equals(collector);
    }
}
