package io.vigie.model;

/** What a spike signal watched. */
public enum SignalKind {
    /** Number of mentions of the brand. */
    VOLUME,
    /** Number of negative mentions of the brand. */
    NEGATIVE_VOLUME,
    /** Share of negative mentions among all. */
    NEGATIVE_SHARE,
    /** Mentions weighted by their reach. */
    REACH,
    /** One item whose engagement grows much faster than its source's items usually do. */
    ITEM_VIRALITY,
    /** One text or link copied across several sites. */
    COPY_SPREAD
}
