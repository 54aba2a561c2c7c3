package io.vigie.alerting.outbox;

import io.vigie.alerting.AlertingConfig;
import java.time.Duration;
import java.util.random.RandomGenerator;

/** Exponential backoff with jitter, so many receivers coming back at once are not hit in lockstep. */
public final class Backoff {
    private final AlertingConfig.Outbox config;
    private final RandomGenerator random;

    public Backoff(AlertingConfig.Outbox config, RandomGenerator random) {
        this.config = config;
        this.random = random;
    }

    /** The wait after the {@code attempts}-th failed attempt (1-based). */
    public Duration after(int attempts) {
        long initial = config.initialBackoff().toMillis();
        long cap = config.maxBackoff().toMillis();
        int shift = Math.min(Math.max(attempts - 1, 0), 30);
        long base = Math.min(cap, initial << shift);
        double spread = 1 + config.jitter() * (2 * random.nextDouble() - 1);
        return Duration.ofMillis(Math.max(1, Math.round(base * spread)));
    }
}
