package io.vigie.analyze.dedupe;

/** What to do with a mention given the last version seen of its id. */
public enum VersionCheck {
    /** First time this id is seen (within the dedupe lifetime): count it. */
    NEW,
    /** A newer version (edit, engagement refresh): update the scored mention, do not count it again. */
    UPDATE,
    /** The same version again, or an older one arriving late: nothing new to say. */
    DUPLICATE;

    /**
     * @param seen the last version seen, or null
     * @param seenHash content hash of that version, or null
     */
    public static VersionCheck of(Long seen, String seenHash, long version, String contentHash) {
        if (seen == null) {
            return NEW;
        }
        if (version > seen) {
            return UPDATE;
        }
        if (version == seen && contentHash != null && seenHash != null && !contentHash.equals(seenHash)) {
            // A producer that does not bump versions but changed the content: still an update.
            return UPDATE;
        }
        return DUPLICATE;
    }
}
