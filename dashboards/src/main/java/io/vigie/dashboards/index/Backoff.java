package io.vigie.dashboards.index;

import java.time.Duration;

/**
 * Exponential backoff with a ceiling: how long to wait before the n-th retry. Retries never stop (the indexer
 * waits for Elasticsearch rather than drop a mention), so only the delay is bounded.
 */
record Backoff(Duration initial, Duration max) {
    Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    /** The delay before retry number {@code attempt} (1 for the first retry). */
    Duration delay(int attempt) {
        int doublings = Math.max(0, Math.min(attempt - 1, 30));
        long millis = initial.toMillis() << doublings;
        if (millis <= 0 || millis > max.toMillis()) {
            return max;
        }
        return Duration.ofMillis(millis);
    }
}
