package io.vigie.alerting.incidents;

import static io.vigie.alerting.Signals.signal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.alerting.AlertingConfig;
import io.vigie.model.IncidentEvent;
import io.vigie.model.IncidentStatus;
import io.vigie.model.Severity;
import io.vigie.model.SignalKind;
import io.vigie.model.SignalPhase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IncidentTrackerTest {
    private static final Instant T0 = Instant.parse("2026-11-23T14:05:00Z");
    private final AlertingConfig.Incidents config = new AlertingConfig.Incidents(Duration.ofMinutes(30), 1.5,
            Duration.ofMinutes(10), Duration.ofHours(6), null);
    private final IncidentTracker tracker = new IncidentTracker(config);

    @Test
    void signalsOfTheSameBrandAndKindAreGroupedIntoOneIncident() {
        IncidentEvent a = tracker.apply(signal("s1", "kryptonite", SignalKind.NEGATIVE_VOLUME, SignalPhase.START, T0, 9, 3), T0).orElseThrow();
        IncidentEvent b = tracker.apply(signal("s2", "kryptonite", SignalKind.NEGATIVE_VOLUME, SignalPhase.START,
                T0.plusSeconds(60), 12, 3), T0.plusSeconds(60)).orElseThrow();
        assertEquals(a.incidentId(), b.incidentId());
        assertEquals(2, b.signalIds().size());
        assertEquals(1, tracker.all().size());
    }

    @Test
    void differentKindsOrBrandsOpenSeparateIncidents() {
        tracker.apply(signal("s1", "kryptonite", SignalKind.NEGATIVE_VOLUME, SignalPhase.START, T0, 9, 3), T0);
        tracker.apply(signal("s2", "kryptonite", SignalKind.VOLUME, SignalPhase.START, T0, 30, 10), T0);
        tracker.apply(signal("s3", "acme", SignalKind.NEGATIVE_VOLUME, SignalPhase.START, T0, 9, 3), T0);
        assertEquals(3, tracker.all().size());
    }

    @Test
    void aReplayedOrOlderObservationChangesNothing() {
        var start = signal("s1", "kryptonite", SignalKind.NEGATIVE_VOLUME, SignalPhase.START, T0, 9, 3);
        assertTrue(tracker.apply(start, T0).isPresent());
        assertTrue(tracker.apply(start, T0.plusSeconds(5)).isEmpty());
        var older = signal("s1", "kryptonite", SignalKind.NEGATIVE_VOLUME, SignalPhase.UPDATE, T0.minusSeconds(10), 50, 3);
        assertTrue(tracker.apply(older, T0.plusSeconds(6)).isEmpty());
        assertEquals(9, tracker.all().iterator().next().observed());
    }

    @Test
    void aGrowingCrisisIsWrittenInTheHistoryAsFromThreeToTwelveTimes() {
        tracker.apply(signal("s1", "kryptonite", SignalKind.NEGATIVE_VOLUME, SignalPhase.START, T0, 9, 3), T0);
        IncidentEvent small = tracker.apply(signal("s1", "kryptonite", SignalKind.NEGATIVE_VOLUME, SignalPhase.UPDATE,
                T0.plusSeconds(60), 10, 3), T0.plusSeconds(60)).orElseThrow();
        assertTrue(small.history().stream().noneMatch(a -> a.action().equals(Actions.UPDATED)),
                "3.0x to 3.3x is not worth an update");
        IncidentEvent big = tracker.apply(signal("s1", "kryptonite", SignalKind.NEGATIVE_VOLUME, SignalPhase.UPDATE,
                T0.plusSeconds(120), 36, 3), T0.plusSeconds(120)).orElseThrow();
        assertTrue(big.history().stream().anyMatch(a -> a.action().equals(Actions.UPDATED)
                && a.note().equals("negative mentions 3.0× → 12.0× expected")), big.history().toString());
        assertEquals(36, big.observed());
        assertTrue(big.summary().startsWith("negative mentions 12.0× expected"), big.summary());
    }

    @Test
    void anIncidentIsResolvedOnlyAfterEverySignalEndedAndTheQuietPeriodPassed() {
        tracker.apply(signal("s1", "k", SignalKind.VOLUME, SignalPhase.START, T0, 30, 10), T0);
        tracker.apply(signal("s2", "k", SignalKind.VOLUME, SignalPhase.START, T0, 30, 10), T0);
        tracker.apply(signal("s1", "k", SignalKind.VOLUME, SignalPhase.END, T0.plusSeconds(60), 10, 10), T0.plusSeconds(60));
        assertTrue(tracker.expire(T0.plus(Duration.ofHours(1))).isEmpty(), "s2 still going");
        Instant end = T0.plus(Duration.ofHours(1));
        tracker.apply(signal("s2", "k", SignalKind.VOLUME, SignalPhase.END, end, 10, 10), end);
        assertTrue(tracker.expire(end.plus(Duration.ofMinutes(9))).isEmpty());
        IncidentEvent resolved = tracker.expire(end.plus(Duration.ofMinutes(10))).get(0);
        assertEquals(IncidentStatus.RESOLVED, resolved.status());
        assertEquals("vigie", resolved.history().get(resolved.history().size() - 1).actor());
    }

    @Test
    void anIncidentWithoutAnySignalForTheStalePeriodIsResolved() {
        tracker.apply(signal("s1", "k", SignalKind.VOLUME, SignalPhase.START, T0, 30, 10), T0);
        assertTrue(tracker.expire(T0.plus(Duration.ofHours(5))).isEmpty());
        assertEquals(IncidentStatus.RESOLVED, tracker.expire(T0.plus(Duration.ofHours(6))).get(0).status());
    }

    @Test
    void aNewSignalWithinTheGroupWindowReopensTheResolvedIncident() {
        String id = tracker.apply(signal("s1", "k", SignalKind.VOLUME, SignalPhase.START, T0, 30, 10), T0).orElseThrow().incidentId();
        tracker.apply(signal("s1", "k", SignalKind.VOLUME, SignalPhase.END, T0.plusSeconds(60), 10, 10), T0.plusSeconds(60));
        tracker.expire(T0.plus(Duration.ofMinutes(11)));
        IncidentEvent again = tracker.apply(signal("s9", "k", SignalKind.VOLUME, SignalPhase.START,
                T0.plus(Duration.ofMinutes(20)), 40, 10), T0.plus(Duration.ofMinutes(20))).orElseThrow();
        assertEquals(id, again.incidentId());
        assertEquals(IncidentStatus.OPEN, again.status());
        IncidentEvent later = tracker.apply(signal("s10", "k", SignalKind.VOLUME, SignalPhase.START,
                T0.plus(Duration.ofHours(3)), 40, 10), T0.plus(Duration.ofHours(3))).orElseThrow();
        assertEquals(id, later.incidentId(), "still open, so it still groups");
    }

    @Test
    void aSignalLongAfterResolutionOpensANewIncident() {
        String id = tracker.apply(signal("s1", "k", SignalKind.VOLUME, SignalPhase.START, T0, 30, 10), T0).orElseThrow().incidentId();
        tracker.act(id, Actions.RESOLVED, "alice", "handled", T0.plusSeconds(60));
        Instant later = T0.plus(Duration.ofHours(2));
        IncidentEvent fresh = tracker.apply(signal("s2", "k", SignalKind.VOLUME, SignalPhase.START, later, 30, 10), later).orElseThrow();
        assertNotEquals(id, fresh.incidentId());
    }

    @Test
    void severityGrowsWithMagnitudeAndNegativity() {
        assertEquals(Severity.INFO, tracker.apply(signal("a", "b1", SignalKind.VOLUME, SignalPhase.START, T0, 15, 10), T0).orElseThrow().severity());
        assertEquals(Severity.WARNING, tracker.apply(signal("b", "b2", SignalKind.VOLUME, SignalPhase.START, T0, 30, 10), T0).orElseThrow().severity());
        assertEquals(Severity.CRITICAL, tracker.apply(signal("c", "b3", SignalKind.VOLUME, SignalPhase.START, T0, 70, 10), T0).orElseThrow().severity());
        assertEquals(Severity.CRITICAL, tracker.apply(signal("d", "b4", SignalKind.NEGATIVE_VOLUME, SignalPhase.START, T0, 30, 10), T0).orElseThrow().severity());
        assertEquals(Severity.WARNING, tracker.apply(signal("e", "b5", SignalKind.NEGATIVE_VOLUME, SignalPhase.START, T0, 15, 10), T0).orElseThrow().severity());
    }

    @Test
    void peopleAcknowledgeResolveReopenAndAnnotateAndTheHistorySaysWhoAndWhen() {
        String id = tracker.apply(signal("s1", "k", SignalKind.VOLUME, SignalPhase.START, T0, 30, 10), T0).orElseThrow().incidentId();
        tracker.act(id, Actions.ACKNOWLEDGED, "alice", null, T0.plusSeconds(30));
        assertThrows(IllegalStateException.class, () -> tracker.act(id, Actions.ACKNOWLEDGED, "bob", null, T0.plusSeconds(31)));
        tracker.act(id, Actions.NOTE, "alice", "called the PR agency", T0.plusSeconds(40));
        tracker.act(id, Actions.RESOLVED, "alice", null, T0.plusSeconds(50));
        IncidentEvent reopened = tracker.act(id, Actions.REOPENED, "bob", "it is back", T0.plusSeconds(60));
        assertEquals(IncidentStatus.OPEN, reopened.status());
        var people = reopened.history().stream().filter(a -> !a.actor().equals("vigie")).toList();
        assertEquals(4, people.size());
        assertEquals("bob", people.get(3).actor());
        assertEquals(T0.plusSeconds(60), people.get(3).at());
        assertThrows(IllegalArgumentException.class, () -> tracker.act(id, Actions.NOTE, " ", "x", T0));
    }

    @Test
    void aRestoredTrackerKnowsTheSignalsAlreadySeen() {
        var start = signal("s1", "k", SignalKind.VOLUME, SignalPhase.START, T0, 30, 10);
        IncidentEvent written = tracker.apply(start, T0).orElseThrow();
        IncidentTracker restarted = new IncidentTracker(config);
        restarted.restore(written);
        assertTrue(restarted.apply(start, T0.plusSeconds(1)).isEmpty(), "the replayed START is a duplicate");
        assertEquals(written.incidentId(), restarted.apply(signal("s1", "k", SignalKind.VOLUME, SignalPhase.UPDATE,
                T0.plusSeconds(60), 90, 10), T0.plusSeconds(60)).orElseThrow().incidentId());
    }
}
