package io.vigie.ingest.politeness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HostPolitenessTest {
    private final Instant t0 = Instant.parse("2026-11-23T10:00:00Z");
    private final HostPoliteness politeness = new HostPoliteness(Duration.ofSeconds(1), Duration.ofMinutes(10));

    @Test
    void aHostServesOneRequestAtATime() {
        assertTrue(politeness.tryAcquire("a.example", t0));
        assertFalse(politeness.tryAcquire("a.example", t0));
        assertFalse(politeness.tryAcquire("A.EXAMPLE", t0), "host names are case-insensitive");
        assertTrue(politeness.tryAcquire("b.example", t0), "another host is independent");
    }

    @Test
    void theMinimumDelayRunsFromTheEndOfTheLastRequest() {
        politeness.tryAcquire("a.example", t0);
        politeness.release("a.example", HostPoliteness.Outcome.OK, null, t0.plusMillis(300));
        assertFalse(politeness.tryAcquire("a.example", t0.plusMillis(1200)));
        assertTrue(politeness.tryAcquire("a.example", t0.plusMillis(1300)));
    }

    @Test
    void aLongerCrawlDelayWins() {
        politeness.crawlDelay("a.example", Duration.ofSeconds(5));
        politeness.tryAcquire("a.example", t0);
        politeness.release("a.example", HostPoliteness.Outcome.OK, null, t0);
        assertEquals(t0.plusSeconds(5), politeness.readyAt("a.example"));
    }

    @Test
    void retryAfterIsHonouredOnThrottling() {
        politeness.tryAcquire("a.example", t0);
        politeness.release("a.example", HostPoliteness.Outcome.THROTTLED, Duration.ofSeconds(120), t0);
        assertEquals(t0.plusSeconds(120), politeness.readyAt("a.example"));
    }

    @Test
    void failuresBackOffExponentiallyAndSuccessResets() {
        Instant now = t0;
        long[] expected = {1, 2, 4, 8, 16};
        for (long seconds : expected) {
            assertTrue(politeness.tryAcquire("a.example", now));
            politeness.release("a.example", HostPoliteness.Outcome.FAILED, null, now);
            assertEquals(now.plusSeconds(seconds), politeness.readyAt("a.example"));
            now = politeness.readyAt("a.example");
        }
        assertEquals(5, politeness.consecutiveFailures("a.example"));
        politeness.tryAcquire("a.example", now);
        politeness.release("a.example", HostPoliteness.Outcome.OK, null, now);
        assertEquals(0, politeness.consecutiveFailures("a.example"));
        assertEquals(now.plusSeconds(1), politeness.readyAt("a.example"));
    }

    @Test
    void backoffIsCapped() {
        assertEquals(Duration.ofMinutes(10), politeness.backoff(40));
    }
}
