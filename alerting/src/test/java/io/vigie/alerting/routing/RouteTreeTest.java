package io.vigie.alerting.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.alerting.AlertingConfig;
import io.vigie.alerting.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteTreeTest {
    private static final String TREE = """
            alerting:
              signingSecret: ${VIGIE_ALERT_SECRET}
              defaultReceiver: everyone
              timing: {groupWait: 10s, groupInterval: 1m, repeatInterval: 1h}
              receivers:
                - {name: everyone, type: webhook, url: "http://h/1"}
                - {name: crisis, type: webhook, url: "http://h/2"}
                - {name: audit, type: webhook, url: "http://h/3"}
                - {name: night, type: webhook, url: "http://h/4"}
              routes:
                - matchers: ['kind=~"NEGATIVE_.*"']
                  receiver: audit
                  continue: true
                - matchers: ['brand="kryptonite"']
                  receiver: crisis
                  repeatInterval: 15m
                  routes:
                    - matchers: ['severity!="CRITICAL"']
                      receiver: night
            """;
    private final RouteTree tree = RouteTree.of(Fixtures.config(TREE));

    private static Map<String, String> labels(String brand, String kind, String severity) {
        return Map.of("brand", brand, "kind", kind, "severity", severity, "status", "OPEN");
    }

    @Test
    void continueLetsTheNextSiblingMatchToo() {
        var d = tree.route(labels("kryptonite", "NEGATIVE_VOLUME", "CRITICAL"));
        assertEquals(2, d.size());
        assertEquals("audit", d.get(0).receiver());
        assertEquals("crisis", d.get(1).receiver());
        assertEquals(Duration.ofMinutes(15), d.get(1).timers().repeatInterval());
        assertEquals(Duration.ofSeconds(10), d.get(1).timers().groupWait(), "inherited from the root");
    }

    @Test
    void theDeepestMatchingChildWinsAndInheritsItsParentsTimers() {
        var d = tree.route(labels("kryptonite", "VOLUME", "WARNING"));
        assertEquals(1, d.size());
        assertEquals("night", d.get(0).receiver());
        assertEquals(Duration.ofMinutes(15), d.get(0).timers().repeatInterval());
        assertEquals("alerting.routes[1].routes[0]", d.get(0).path());
    }

    @Test
    void nothingMatchingGoesToTheDefaultReceiver() {
        var d = tree.route(labels("acme", "VOLUME", "WARNING"));
        assertEquals("everyone", d.get(0).receiver());
    }

    @Test
    void matchersFollowAlertmanagerSyntaxAndRefuseWhatIsWrong() {
        assertTrue(Matcher.parse("severity=~\"warning|critical\"").matches(labels("a", "VOLUME", "CRITICAL")));
        assertFalse(Matcher.parse("brand!=acme").matches(labels("acme", "VOLUME", "INFO")));
        assertTrue(Matcher.parse("brand!~\"test-.*\"").matches(labels("acme", "VOLUME", "INFO")));
        assertThrows(IllegalArgumentException.class, () -> Matcher.parse("brand==\"x\""));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Matcher.parse("colour=\"red\""))
                .getMessage().contains("unknown label 'colour'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Matcher.parse("kind=~\"(\""))
                .getMessage().contains("invalid regex"));
    }

    @Test
    void quietHoursCrossMidnightInTheReceiversTimeZone() {
        QuietHours q = QuietHours.of("Europe/Paris", new AlertingConfig.QuietHours("22:00", "07:00", null));
        assertEquals(null, q.quietUntil(Instant.parse("2026-11-23T20:59:00Z"))); // 21:59 Paris
        assertEquals(Instant.parse("2026-11-24T06:00:00Z"), q.quietUntil(Instant.parse("2026-11-23T21:00:00Z")));
        assertEquals(Instant.parse("2026-11-24T06:00:00Z"), q.quietUntil(Instant.parse("2026-11-24T05:59:00Z")));
        assertEquals(null, q.quietUntil(Instant.parse("2026-11-24T06:00:00Z")));
        QuietHours weekend = new QuietHours(ZoneId.of("Europe/Paris"), java.time.LocalTime.of(0, 0),
                java.time.LocalTime.of(23, 59), Set.of(java.time.DayOfWeek.SATURDAY));
        assertEquals(null, weekend.quietUntil(Instant.parse("2026-11-27T12:00:00Z")));
        assertFalse(weekend.quietUntil(Instant.parse("2026-11-28T12:00:00Z")) == null);
    }
}
