package io.vigie.alerting.routing;

import static io.vigie.alerting.Signals.signal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.alerting.AlertingConfig;
import io.vigie.alerting.Fixtures;
import io.vigie.alerting.owner.IncidentRouter;
import io.vigie.alerting.TestClock;
import io.vigie.alerting.incidents.Actions;
import io.vigie.model.IncidentEvent;
import io.vigie.model.Silence;
import io.vigie.model.SignalKind;
import io.vigie.model.SignalPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Routing, timers, silences, inhibition, quiet hours and escalation, through the router with a test clock. */
class NotificationPlannerTest {
    // Monday 23 November 2026, 15:05 in Paris: alice's week (weeks from Monday 9th 09:00: alice, bob, alice…).
    private static final Instant T0 = Instant.parse("2026-11-23T14:05:00Z");
    private final AlertingConfig config = Fixtures.config(Fixtures.YAML);
    private final TestClock clock = new TestClock(T0);
    private final Fixtures.MemorySink sink = new Fixtures.MemorySink();
    private final IncidentRouter router = Fixtures.router(config, sink, clock);

    private void signalAt(String id, String brand, SignalKind kind, SignalPhase phase, double observed, double expected) {
        router.onSignal(signal(id, brand, kind, phase, clock.instant(), observed, expected));
    }

    @Test
    void aSpikeIsSentOnceToEachReceiverAfterTheGroupWait() {
        signalAt("s1", "kryptonite", SignalKind.NEGATIVE_VOLUME, SignalPhase.START, 9, 3);
        assertEquals(List.of(), sink.sent(), "group wait of 30 s not over");
        clock.advance(Duration.ofSeconds(30));
        router.tick();
        assertEquals(List.of("crisis-slack:OPENED", "alice-sms:OPENED"), sink.sent());
        clock.advance(Duration.ofSeconds(1));
        router.tick();
        signalAt("s1", "kryptonite", SignalKind.NEGATIVE_VOLUME, SignalPhase.UPDATE, 10, 3);
        router.tick();
        assertEquals(2, sink.notifications.size(), "a small change and more ticks send nothing more");
    }

    @Test
    void anUpdateIsSentWhenTheRatioMovedEnoughButNotBeforeTheGroupInterval() {
        signalAt("s1", "kryptonite", SignalKind.NEGATIVE_VOLUME, SignalPhase.START, 9, 3);
        clock.advance(Duration.ofSeconds(30));
        router.tick();
        clock.advance(Duration.ofMinutes(1));
        signalAt("s1", "kryptonite", SignalKind.NEGATIVE_VOLUME, SignalPhase.UPDATE, 36, 3);
        assertEquals(2, sink.notifications.size(), "group interval of 5 min not over");
        clock.advance(Duration.ofMinutes(4));
        router.tick();
        assertEquals(List.of("crisis-slack:OPENED", "alice-sms:OPENED", "crisis-slack:UPDATED", "alice-sms:UPDATED"),
                sink.sent());
        IncidentEvent last = sink.notifications.get(3).incident();
        assertEquals(36, last.observed());
    }

    @Test
    void routesSendToTheDefaultReceiverWhatNoRouteMatches() {
        signalAt("s1", "acme", SignalKind.VOLUME, SignalPhase.START, 30, 10);
        clock.advance(Duration.ofSeconds(30));
        router.tick();
        assertEquals(List.of("ops-webhook:OPENED"), sink.sent());
    }

    @Test
    void aChildRouteTakesWhatItMatches() {
        signalAt("s1", "kryptonite", SignalKind.VOLUME, SignalPhase.START, 15, 10); // 1.5x: INFO
        clock.advance(Duration.ofSeconds(30));
        router.tick();
        assertEquals(List.of("ops-webhook:OPENED"), sink.sent());
    }

    @Test
    void anUnacknowledgedIncidentIsEscalatedToTheNextLevelAfterItsDelay() {
        signalAt("s1", "kryptonite", SignalKind.NEGATIVE_VOLUME, SignalPhase.START, 9, 3);
        clock.advance(Duration.ofSeconds(30));
        router.tick();
        clock.advance(Duration.ofMinutes(14));
        router.tick();
        assertEquals(2, sink.notifications.size());
        clock.advance(Duration.ofSeconds(30));
        router.tick();
        assertEquals("manager-mail:ESCALATED", sink.sent().get(2));
        assertEquals(1, sink.notifications.get(2).escalationLevel());
        IncidentEvent i = router.incidents().get(0);
        assertTrue(i.history().stream().anyMatch(a -> a.action().equals(Actions.ESCALATED)
                && a.note().equals("policy=crisis level=1 receiver=manager-mail")));
    }

    @Test
    void anAcknowledgedIncidentIsNeitherEscalatedNorRepeated() {
        signalAt("s1", "kryptonite", SignalKind.NEGATIVE_VOLUME, SignalPhase.START, 9, 3);
        clock.advance(Duration.ofSeconds(30));
        router.tick();
        router.act(router.incidents().get(0).incidentId(), Actions.ACKNOWLEDGED, "alice", null);
        clock.advance(Duration.ofHours(5));
        router.tick();
        assertEquals(List.of("crisis-slack:OPENED", "alice-sms:OPENED"), sink.sent());
    }

    @Test
    void anOpenIncidentIsRepeatedEveryRepeatInterval() {
        signalAt("s1", "acme", SignalKind.VOLUME, SignalPhase.START, 30, 10);
        clock.advance(Duration.ofSeconds(30));
        router.tick();
        clock.advance(Duration.ofHours(3));
        router.tick();
        assertEquals(1, sink.notifications.size());
        clock.advance(Duration.ofHours(1));
        router.tick();
        assertEquals(List.of("ops-webhook:OPENED", "ops-webhook:REPEATED"), sink.sent());
    }

    @Test
    void theRotationDecidesWhoIsPagedThisWeek() {
        clock.set(Instant.parse("2026-11-30T09:30:00Z")); // Monday 30th 10:30 Paris: bob's week
        signalAt("s1", "kryptonite", SignalKind.NEGATIVE_VOLUME, SignalPhase.START, 9, 3);
        clock.advance(Duration.ofSeconds(30));
        router.tick();
        assertEquals(List.of("crisis-slack:OPENED", "bob-sms:OPENED"), sink.sent());
    }

    @Test
    void aSilenceMutesMatchingIncidentsUntilItExpires() {
        router.addSilence(new Silence(0, "sil-1", List.of("brand=\"acme\""), T0, T0.plus(Duration.ofHours(1)),
                "alice", "planned campaign", T0));
        signalAt("s1", "acme", SignalKind.VOLUME, SignalPhase.START, 30, 10);
        clock.advance(Duration.ofSeconds(30));
        router.tick();
        assertEquals(List.of(), sink.sent());
        clock.advance(Duration.ofHours(1));
        router.tick();
        assertEquals(List.of("ops-webhook:OPENED"), sink.sent());
    }

    @Test
    void aCriticalIncidentOfABrandMutesItsWarnings() {
        signalAt("s1", "acme", SignalKind.NEGATIVE_VOLUME, SignalPhase.START, 30, 10); // critical
        signalAt("s2", "acme", SignalKind.VOLUME, SignalPhase.START, 25, 10); // warning
        signalAt("s3", "other", SignalKind.VOLUME, SignalPhase.START, 25, 10); // warning, other brand
        clock.advance(Duration.ofSeconds(30));
        router.tick();
        assertEquals(2, sink.notifications.size(), sink.sent().toString());
        assertTrue(sink.notifications.stream().noneMatch(n -> n.incident().kind() == SignalKind.VOLUME
                && n.incident().brand().equals("acme")));
    }

    @Test
    void quietHoursHoldAWarningUntilMorningButLetACriticalThrough() {
        clock.set(Instant.parse("2026-11-23T22:30:00Z")); // 23:30 in Paris
        signalAt("s1", "kryptonite", SignalKind.VOLUME, SignalPhase.START, 25, 10); // warning
        signalAt("s2", "kryptonite", SignalKind.NEGATIVE_VOLUME, SignalPhase.START, 9, 3); // critical
        clock.advance(Duration.ofSeconds(30));
        router.tick();
        assertTrue(sink.sent().contains("crisis-slack:OPENED"), sink.sent().toString());
        assertEquals(1, sink.notifications.stream().filter(n -> n.receiver().equals("crisis-slack")).count());
        assertEquals(SignalKind.NEGATIVE_VOLUME, sink.notifications.stream()
                .filter(n -> n.receiver().equals("crisis-slack")).findFirst().orElseThrow().incident().kind());
    }

    @Test
    void quietHoursDelayAWarningToTheEndOfTheNight() {
        clock.set(Instant.parse("2026-11-23T22:30:00Z")); // 23:30 in Paris
        signalAt("s1", "kryptonite", SignalKind.VOLUME, SignalPhase.START, 25, 10); // warning
        clock.advance(Duration.ofSeconds(30));
        router.tick();
        assertTrue(sink.sent().stream().noneMatch(s -> s.startsWith("crisis-slack")), sink.sent().toString());
        clock.set(Instant.parse("2026-11-24T06:00:00Z")); // 07:00 in Paris
        router.tick();
        assertTrue(sink.sent().contains("crisis-slack:OPENED"), sink.sent().toString());
    }

    @Test
    void theResolutionIsSentToThoseWhoWereTold() {
        signalAt("s1", "acme", SignalKind.VOLUME, SignalPhase.START, 30, 10);
        clock.advance(Duration.ofSeconds(30));
        router.tick();
        signalAt("s1", "acme", SignalKind.VOLUME, SignalPhase.END, 10, 10);
        clock.advance(Duration.ofMinutes(10));
        router.tick();
        router.tick();
        assertEquals(List.of("ops-webhook:OPENED", "ops-webhook:RESOLVED"), sink.sent());
    }

    @Test
    void notificationIdsAreStableSoAReplayedPlanKeepsItsIdempotencyKey() {
        signalAt("s1", "acme", SignalKind.VOLUME, SignalPhase.START, 30, 10);
        clock.advance(Duration.ofSeconds(30));
        router.tick();
        Fixtures.MemorySink other = new Fixtures.MemorySink();
        IncidentRouter replay = Fixtures.router(config, other, new TestClock(T0));
        replay.onSignal(signal("s1", "acme", SignalKind.VOLUME, SignalPhase.START, T0, 30, 10));
        assertEquals(sink.incidents.get(0).incidentId(), other.incidents.get(0).incidentId());
    }
}
