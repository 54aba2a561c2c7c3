package io.vigie.dashboards.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));

    @Test
    void theDelayDoublesFromTheInitialOne() {
        assertEquals(Duration.ofMillis(500), backoff.delay(1));
        assertEquals(Duration.ofMillis(1000), backoff.delay(2));
        assertEquals(Duration.ofMillis(4000), backoff.delay(4));
    }

    @Test
    void theDelayNeverExceedsTheCeilingEvenAfterManyAttempts() {
        assertEquals(Duration.ofSeconds(30), backoff.delay(8));
        assertEquals(Duration.ofSeconds(30), backoff.delay(1_000_000));
    }

    @Test
    void aCeilingBelowTheInitialDelayIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
