package io.vigie.ingest.schedule;

/**
 * The adaptive rule: a poll that found new or changed items brings the interval down to the source's minimum (the
 * feed is active now, and a crisis is exactly when items keep coming: halving from an hour would take five polls to
 * get there), a poll that found nothing grows it by half (a quiet feed costs its site less: from 60 s back to an hour
 * in ten polls, most of them cheap 304s), always within the source's bounds. Errors back off exponentially from the
 * lower bound, capped by the upper bound.
 */
public final class PollInterval {
    private PollInterval() {}

    public static long afterSuccess(long currentSeconds, int newItems, long minSeconds, long maxSeconds) {
        long current = currentSeconds <= 0 ? minSeconds : currentSeconds;
        long next = newItems > 0 ? minSeconds : current + current / 2;
        return clamp(next, minSeconds, maxSeconds);
    }

    public static long afterError(long consecutiveErrors, long minSeconds, long maxSeconds) {
        long factor = 1L << Math.min(20, Math.max(0, consecutiveErrors));
        return clamp(minSeconds * factor, minSeconds, maxSeconds);
    }

    /** Under an active signal on one of the source's brands, the interval is at most the signal interval. */
    public static long underSignal(long intervalSeconds, long signalSeconds) {
        return Math.min(intervalSeconds, signalSeconds);
    }

    static long clamp(long v, long min, long max) {
        return Math.max(min, Math.min(max, v));
    }
}
