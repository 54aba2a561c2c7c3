package io.vigie.alerting.oncall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.alerting.AlertingConfig;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RotationTest {
    private static AlertingConfig.Rotation rotation(List<AlertingConfig.Override> overrides) {
        return new AlertingConfig.Rotation("primary", "Europe/Paris", "MONDAY", "09:00", "2026-11-09",
                List.of("alice", "bob", "carol"), overrides);
    }

    @Test
    void eachParticipantTakesOneWeekHandingOffOnMondayAtNineLocalTime() {
        Rotation r = Rotation.of(rotation(List.of()));
        assertEquals("alice", r.onCall(Instant.parse("2026-11-09T08:00:00Z"))); // 09:00 Paris
        assertEquals("alice", r.onCall(Instant.parse("2026-11-16T07:59:00Z"))); // 08:59 Paris
        assertEquals("bob", r.onCall(Instant.parse("2026-11-16T08:00:00Z")));
        assertEquals("carol", r.onCall(Instant.parse("2026-11-25T12:00:00Z")));
        assertEquals("alice", r.onCall(Instant.parse("2026-12-01T12:00:00Z")));
        assertEquals("carol", r.onCall(Instant.parse("2026-11-05T12:00:00Z")), "before the start it wraps back");
    }

    @Test
    void theHandoffStaysAtNineLocalTimeAcrossTheDaylightSavingChange() {
        Rotation r = new Rotation("p", java.time.ZoneId.of("Europe/Paris"),
                java.time.LocalDateTime.parse("2026-03-23T09:00"), List.of("alice", "bob"), List.of());
        // 30 March 2026 09:00 Paris is 07:00 UTC (summer time), one hour earlier than in winter.
        assertEquals("alice", r.onCall(Instant.parse("2026-03-30T06:59:00Z")));
        assertEquals("bob", r.onCall(Instant.parse("2026-03-30T07:00:00Z")));
    }

    @Test
    void anOverrideWinsOverTheRotation() {
        Rotation r = Rotation.of(rotation(List.of(new AlertingConfig.Override("dave",
                Instant.parse("2026-11-17T00:00:00Z"), Instant.parse("2026-11-19T00:00:00Z")))));
        assertEquals("dave", r.onCall(Instant.parse("2026-11-18T12:00:00Z")));
        assertEquals("bob", r.onCall(Instant.parse("2026-11-19T12:00:00Z")));
    }

    @Test
    void overlappingOverridesAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> Rotation.of(rotation(List.of(
                new AlertingConfig.Override("dave", Instant.parse("2026-11-17T00:00:00Z"), Instant.parse("2026-11-19T00:00:00Z")),
                new AlertingConfig.Override("erin", Instant.parse("2026-11-18T00:00:00Z"), Instant.parse("2026-11-20T00:00:00Z"))))));
        assertTrue(e.getMessage().startsWith("overrides[1]: overlaps overrides[0]"), e.getMessage());
    }

    @Test
    void aStartDateThatIsNotTheHandoffDayIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> Rotation.of(new AlertingConfig.Rotation("p",
                "Europe/Paris", "MONDAY", "09:00", "2026-11-10", List.of("a"), List.of())));
        assertTrue(e.getMessage().startsWith("start: 2026-11-10 is a TUESDAY"), e.getMessage());
    }
}
