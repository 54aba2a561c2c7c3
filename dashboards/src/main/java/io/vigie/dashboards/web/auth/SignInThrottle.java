package io.vigie.dashboards.web.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows password guessing: after {@code maxFailures} failed sign-ins for one key (the user name, and separately the
 * client address) within {@code window}, further attempts are refused until the oldest failure leaves the window.
 * Kept per instance: behind a load balancer of n instances a guesser gets at most n times the budget, still tiny
 * against bcrypt. The map is bounded so a flood of names cannot exhaust memory.
 */
public final class SignInThrottle {
    private static final int MAX_KEYS = 10_000;
    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Long>> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Long>> eldest) {
            return size() > MAX_KEYS;
        }
    };

    public SignInThrottle(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** True when another attempt for every one of these keys is allowed now. */
    public synchronized boolean allows(String... keys) {
        long now = clock.millis();
        for (String key : keys) {
            Deque<Long> times = failures.get(key);
            if (times != null) {
                prune(times, now);
                if (times.size() >= maxFailures) {
                    return false;
                }
            }
        }
        return true;
    }

    public synchronized void failed(String... keys) {
        long now = clock.millis();
        for (String key : keys) {
            Deque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            prune(times, now);
            times.addLast(now);
        }
    }

    public synchronized void succeeded(String key) {
        failures.remove(key);
    }

    private void prune(Deque<Long> times, long now) {
        while (!times.isEmpty() && times.peekFirst() < now - window.toMillis()) {
            times.removeFirst();
        }
    }
}
