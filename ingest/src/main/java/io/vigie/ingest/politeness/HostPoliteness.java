package io.vigie.ingest.politeness;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Who may talk to which host, and when. Non-blocking: a scheduler asks {@link #tryAcquire} and, when refused,
 * learns from {@link #readyAt} when to ask again, so no thread waits on a slow host. Thread-safe.
 */
public final class HostPoliteness {

    /** How a request ended, for the host's next delay. */
    public enum Outcome { OK, THROTTLED, FAILED }

    private static final class HostState {
        boolean busy;
        Instant nextAllowed = Instant.MIN;
        int failures;
        Duration crawlDelay;
    }

    private final Duration minimumDelay;
    private final Duration maximumBackoff;
    private final Map<String, HostState> hosts = new HashMap<>();

    public HostPoliteness(Duration minimumDelay, Duration maximumBackoff) {
        this.minimumDelay = minimumDelay;
        this.maximumBackoff = maximumBackoff;
    }

    /** Takes the host's single slot if it is free and its delay has passed. */
    public synchronized boolean tryAcquire(String host, Instant now) {
        HostState s = hosts.computeIfAbsent(key(host), k -> new HostState());
        if (s.busy || now.isBefore(s.nextAllowed)) {
            return false;
        }
        s.busy = true;
        return true;
    }

    /** When the host can next be asked: now if free, else when its delay ends (a busy host: unknown, so now). */
    public synchronized Instant readyAt(String host) {
        HostState s = hosts.get(key(host));
        return s == null ? Instant.MIN : s.nextAllowed;
    }

    public synchronized boolean busy(String host) {
        HostState s = hosts.get(key(host));
        return s != null && s.busy;
    }

    /** Records the host's Crawl-delay from its robots.txt; it lengthens the minimum delay, never shortens it. */
    public synchronized void crawlDelay(String host, Duration delay) {
        hosts.computeIfAbsent(key(host), k -> new HostState()).crawlDelay = delay;
    }

    /**
     * Gives the slot back and sets the next allowed time: the minimum delay (or Crawl-delay) after success;
     * after a throttle, the server's Retry-After or exponential backoff, whichever is longer; after a failure,
     * exponential backoff.
     */
    public synchronized void release(String host, Outcome outcome, Duration retryAfter, Instant now) {
        HostState s = hosts.computeIfAbsent(key(host), k -> new HostState());
        s.busy = false;
        Duration delay = minimumDelay;
        if (s.crawlDelay != null && s.crawlDelay.compareTo(delay) > 0) {
            delay = s.crawlDelay;
        }
        if (outcome == Outcome.OK) {
            s.failures = 0;
        } else {
            s.failures++;
            Duration backoff = backoff(s.failures);
            if (backoff.compareTo(delay) > 0) {
                delay = backoff;
            }
            if (outcome == Outcome.THROTTLED && retryAfter != null && retryAfter.compareTo(delay) > 0) {
                delay = retryAfter;
            }
        }
        s.nextAllowed = now.plus(delay);
    }

    /** 2^(n-1) seconds, capped: 1 s, 2 s, 4 s … */
    Duration backoff(int failures) {
        long seconds = 1L << Math.min(30, Math.max(0, failures - 1));
        Duration d = Duration.ofSeconds(seconds);
        return d.compareTo(maximumBackoff) > 0 ? maximumBackoff : d;
    }

    public synchronized int consecutiveFailures(String host) {
        HostState s = hosts.get(key(host));
        return s == null ? 0 : s.failures;
    }

    private static String key(String host) {
        return host.toLowerCase(Locale.ROOT);
    }
}
