package io.vigie.analyze.detection.series;

/** What an interval with no observation means. */
public enum GapPolicy {
    /**
     * Nothing happened: count series built from windowed aggregates get no record for an empty window, so a
     * low-volume brand's quiet hours are zeros, and the model must see them as such.
     */
    ZERO,
    /** Nothing is known (a feed or a recorder was down): the model skips the gap and resumes where it was. */
    UNKNOWN
}
