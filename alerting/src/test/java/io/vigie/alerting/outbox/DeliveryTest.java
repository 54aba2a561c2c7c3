package io.vigie.alerting.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.alerting.AlertingConfig;
import io.vigie.alerting.TestClock;
import io.vigie.alerting.channels.Channel;
import io.vigie.alerting.channels.DeliveryException;
import io.vigie.model.IncidentEvent;
import io.vigie.model.IncidentStatus;
import io.vigie.model.Notification;
import io.vigie.model.Severity;
import io.vigie.model.SignalKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeliveryTest {
    private static final Instant T0 = Instant.parse("2026-11-23T14:05:00Z");
    private final TestClock clock = new TestClock(T0);
    private final AlertingConfig.Outbox outbox = new AlertingConfig.Outbox(3, Duration.ofSeconds(1),
            Duration.ofSeconds(4), 0.2, 1);
    private final AlertingConfig.Receiver hook = new AlertingConfig.Receiver("hook", "webhook", "http://x", null,
            null, null, null, null, null, null);

    private static Notification pending() {
        IncidentEvent i = new IncidentEvent(1, "inc-1", "b", SignalKind.VOLUME, Severity.WARNING, IncidentStatus.OPEN,
                T0, T0, null, 3, 1, "", List.of(), List.of(), List.of());
        return new Notification(1, "ntf-1", "inc-1", "hook", "webhook", "OPENED", null,
                Notification.DeliveryStatus.PENDING, 0, T0, null, T0, null, i, List.of());
    }

    private Delivery delivery(Channel channel) {
        return new Delivery(Map.of("hook", hook), Map.of("webhook", channel),
                new Backoff(outbox, new Random(1)), outbox.maxAttempts(), clock);
    }

    @Test
    void aDownEndpointIsRetriedWithGrowingJitteredWaitsThenMarkedFailed() {
        Delivery d = delivery((n, r) -> {
            throw new DeliveryException("connection refused", false);
        });
        Notification first = d.attempt(pending());
        assertEquals(Notification.DeliveryStatus.PENDING, first.status());
        assertEquals(1, first.attempts());
        long wait1 = Duration.between(T0, first.nextAttemptAt()).toMillis();
        assertTrue(wait1 >= 800 && wait1 <= 1200, "1 s ± 20 %: " + wait1);
        Notification second = d.attempt(first);
        long wait2 = Duration.between(T0, second.nextAttemptAt()).toMillis();
        assertTrue(wait2 >= 1600 && wait2 <= 2400, "2 s ± 20 %: " + wait2);
        Notification third = d.attempt(second);
        assertEquals(Notification.DeliveryStatus.FAILED, third.status());
        assertTrue(third.lastError().startsWith("gave up after 3 attempts"), third.lastError());
    }

    @Test
    void aPermanentRefusalFailsAtOnce() {
        Notification n = delivery((x, r) -> {
            throw new DeliveryException("HTTP 400", true);
        }).attempt(pending());
        assertEquals(Notification.DeliveryStatus.FAILED, n.status());
    }

    @Test
    void aSuccessAfterFailuresIsDelivered() {
        AtomicInteger calls = new AtomicInteger();
        Delivery d = delivery((n, r) -> {
            if (calls.incrementAndGet() < 2) {
                throw new DeliveryException("503", false);
            }
        });
        Notification n = d.attempt(d.attempt(pending()));
        assertEquals(Notification.DeliveryStatus.DELIVERED, n.status());
        assertEquals(2, n.attempts());
    }

    @Test
    void backoffIsCappedAtTheMaximum() {
        Backoff b = new Backoff(outbox, new Random(2));
        for (int attempt = 1; attempt < 40; attempt++) {
            assertTrue(b.after(attempt).toMillis() <= 4800, "attempt " + attempt);
        }
    }
}
