package io.vigie.analyze.normalize;

import java.time.Duration;

/**
 * How late a mention may be. {@code grace}: how long after a window's end its late mentions still count (the window
 * is final after that). {@code backfillAfter}: a mention read this long after it was published is a backfill.
 */
public record Lateness(Duration grace, Duration backfillAfter) {
    public static final Lateness DEFAULT = new Lateness(Duration.ofMinutes(5), Duration.ofHours(6));

    public Lateness {
        if (grace == null || grace.isNegative()) {
            throw new IllegalArgumentException("grace must be zero or positive");
        }
        if (backfillAfter == null || backfillAfter.compareTo(grace) < 0) {
            throw new IllegalArgumentException("backfillAfter must be at least the grace period");
        }
    }
}
