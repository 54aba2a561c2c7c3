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
import io.vigie.model.Notification;
import io.vigie.model.SignalKind;
import io.vigie.model.SignalPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Alertmanager's grouping: the kinds of one brand's crisis go out as one message per receiver (group wait), later
 * news about the group is batched (group interval), and the group climbs the escalation levels together.
 * The fixture routes kryptonite to crisis-slack and the "crisis" escalation (alice by rotation, then the manager
 * after 15 min), with groupWait 30 s and groupInterval 5 min.
 */
class GroupingTest {
    private static final Instant T0 = Instant.parse("2026-11-23T14:05:00Z");
    private final TestClock clock = new TestClock(T0);
    private final Fixtures.MemorySink sink = new Fixtures.MemorySink();

    private IncidentRouter router(String yaml) {
        return Fixtures.router(Fixtures.config(yaml), sink, clock);
    }

    private static void signalAt(IncidentRouter router, TestClock clock, String id, SignalKind kind,
            double observed, double expected) {
        router.onSignal(signal(id, "kryptonite", kind, SignalPhase.START, clock.instant(), observed, expected));
    }

    private static Set<SignalKind> kinds(Notification n) {
        return n.incidents().stream().map(IncidentEvent::kind).collect(Collectors.toSet());
    }

    @Test
    void aCrisisRaisingThreeKindsWithinTheGroupWaitIsOnePagePerReceiver() {
        IncidentRouter router = router(Fixtures.YAML);
        signalAt(router, clock, "v", SignalKind.VOLUME, 30, 3);
        clock.advance(Duration.ofSeconds(5));
        signalAt(router, clock, "n", SignalKind.NEGATIVE_VOLUME, 36, 3);
        clock.advance(Duration.ofSeconds(5));
        signalAt(router, clock, "r", SignalKind.REACH, 30, 3);
        router.tick();
        assertEquals(List.of(), sink.sent(), "the group waits 30 s from its first incident");

        clock.advance(Duration.ofSeconds(20));
        router.tick();
        assertEquals(List.of("crisis-slack:OPENED", "alice-sms:OPENED"), sink.sent());
        for (Notification n : sink.notifications) {
            assertEquals(Set.of(SignalKind.VOLUME, SignalKind.NEGATIVE_VOLUME, SignalKind.REACH), kinds(n));
            assertEquals(SignalKind.NEGATIVE_VOLUME, n.incident().kind(), "the strongest leads the message");
        }
        // Each incident remembers the one message it went out in.
        String slackId = sink.notifications.get(0).notificationId();
        for (IncidentEvent i : router.incidents()) {
            assertEquals(1, i.history().stream().filter(a -> a.action().equals(Actions.NOTIFIED)
                    && a.actor().equals("crisis-slack") && a.note().contains("id=" + slackId)).count());
        }
        clock.advance(Duration.ofMinutes(1));
        router.tick();
        assertEquals(2, sink.notifications.size(), "nothing new, nothing sent");
    }

    @Test
    void aKindThatJoinsAfterThePageAndAGrowingRatioAreBatchedAtTheGroupInterval() {
        IncidentRouter router = router(Fixtures.YAML);
        signalAt(router, clock, "v", SignalKind.VOLUME, 30, 3);
        clock.advance(Duration.ofSeconds(30));
        router.tick();
        assertEquals(2, sink.notifications.size());

        clock.advance(Duration.ofMinutes(1));
        signalAt(router, clock, "n", SignalKind.NEGATIVE_VOLUME, 36, 3);
        clock.advance(Duration.ofMinutes(1));
        router.onSignal(signal("v", "kryptonite", SignalKind.VOLUME, SignalPhase.UPDATE, clock.instant(), 60, 3));
        clock.advance(Duration.ofMinutes(2).plusSeconds(59));
        router.tick();
        assertEquals(2, sink.notifications.size(), "5 min since the group's page are not over");

        clock.advance(Duration.ofSeconds(1));
        router.tick();
        assertEquals(List.of("crisis-slack:OPENED", "alice-sms:OPENED", "crisis-slack:OPENED", "alice-sms:OPENED"),
                sink.sent(), "one batch per receiver, led by the new incident");
        for (Notification n : sink.notifications.subList(2, 4)) {
            assertEquals(SignalKind.NEGATIVE_VOLUME, n.incident().kind());
            assertEquals(Set.of(SignalKind.VOLUME, SignalKind.NEGATIVE_VOLUME), kinds(n));
            assertEquals(60, n.grouped().get(0).observed(), "the volume incident as it is now (20×)");
        }
    }

    @Test
    void theGroupIsEscalatedOnceWhenNobodyAcknowledgedAnyOfItsIncidents() {
        IncidentRouter router = router(Fixtures.YAML);
        signalAt(router, clock, "v", SignalKind.VOLUME, 30, 3);
        clock.advance(Duration.ofSeconds(20));
        signalAt(router, clock, "n", SignalKind.NEGATIVE_VOLUME, 36, 3);
        clock.advance(Duration.ofSeconds(10));
        router.tick();
        clock.advance(Duration.ofMinutes(14).plusSeconds(29));
        router.tick();
        assertEquals(2, sink.notifications.size(), "15 min since the first incident are not over");
        clock.advance(Duration.ofSeconds(1));
        router.tick();
        clock.advance(Duration.ofMinutes(1));
        router.tick();
        assertEquals(List.of("crisis-slack:OPENED", "alice-sms:OPENED", "manager-mail:ESCALATED"), sink.sent());
        assertEquals(Set.of(SignalKind.VOLUME, SignalKind.NEGATIVE_VOLUME), kinds(sink.notifications.get(2)));
    }

    @Test
    void aRouteGroupingByBrandAndKindSendsOneMessagePerKind() {
        String yaml = Fixtures.YAML.replace("      receiver: crisis-slack\n      escalation: crisis\n",
                "      receiver: crisis-slack\n      groupBy: [brand, kind]\n");
        assertTrue(yaml.contains("groupBy: [brand, kind]"));
        IncidentRouter router = router(yaml);
        signalAt(router, clock, "v", SignalKind.VOLUME, 30, 3);
        signalAt(router, clock, "n", SignalKind.NEGATIVE_VOLUME, 36, 3);
        clock.advance(Duration.ofSeconds(30));
        router.tick();
        assertEquals(List.of("crisis-slack:OPENED", "crisis-slack:OPENED"), sink.sent());
        assertEquals(Set.of(Set.of(SignalKind.VOLUME), Set.of(SignalKind.NEGATIVE_VOLUME)),
                Set.of(kinds(sink.notifications.get(0)), kinds(sink.notifications.get(1))));
    }

    @Test
    void theResolutionOfTheWholeCrisisIsOneMessageAndANewCrisisWaitsItsOwnGroupWait() {
        IncidentRouter router = router(Fixtures.YAML);
        signalAt(router, clock, "v", SignalKind.VOLUME, 30, 3);
        signalAt(router, clock, "n", SignalKind.NEGATIVE_VOLUME, 36, 3);
        clock.advance(Duration.ofSeconds(30));
        router.tick();
        clock.advance(Duration.ofMinutes(1));
        for (IncidentEvent i : router.incidents()) {
            router.act(i.incidentId(), Actions.RESOLVED, "alice", "statement published");
        }
        clock.advance(Duration.ofMinutes(4));
        router.tick();
        assertEquals(List.of("crisis-slack:OPENED", "alice-sms:OPENED", "crisis-slack:RESOLVED", "alice-sms:RESOLVED"),
                sink.sent());
        assertEquals(2, sink.notifications.get(2).incidents().size());

        clock.advance(Duration.ofHours(1));
        signalAt(router, clock, "v2", SignalKind.VOLUME, 30, 3);
        router.tick();
        assertEquals(4, sink.notifications.size(), "a new crisis waits its group wait again");
        clock.advance(Duration.ofSeconds(30));
        router.tick();
        assertTrue(sink.sent().subList(4, sink.sent().size()).contains("crisis-slack:OPENED"), sink.sent().toString());
    }
}
