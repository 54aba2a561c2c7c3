package io.vigie.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.runtime.config.ConfigException;
import org.junit.jupiter.api.Test;

class AlertingConfigCheckTest {
    @Test
    void theFixtureConfigurationIsAccepted() {
        AlertingConfig c = Fixtures.config(Fixtures.YAML);
        assertEquals(5, c.receivers().size());
        assertEquals(java.time.Duration.ofSeconds(30), c.timing().groupWait());
    }

    @Test
    void aRouteNamingAnUnknownReceiverIsRefusedWithKeyAndLine() {
        String yaml = Fixtures.YAML.replace("  receiver: crisis-slack", "  receiver: nobody");
        ConfigException e = assertThrows(ConfigException.class, () -> Fixtures.config(yaml));
        assertEquals("alerting.routes[0].receiver", e.key());
        assertTrue(e.getMessage().contains("unknown receiver 'nobody'"), e.getMessage());
        assertEquals(lineOf(yaml, "receiver: nobody"), e.line());
    }

    @Test
    void aBadMatcherIsRefusedWithItsKey() {
        String yaml = Fixtures.YAML.replace("['severity=\"INFO\"']", "['severity=INFO=']");
        ConfigException e = assertThrows(ConfigException.class, () -> Fixtures.config(yaml));
        assertEquals("alerting.routes[0].routes[0].matchers[0]", e.key());
        assertTrue(e.line() > 0);
    }

    @Test
    void overlappingRotationOverridesAreRefused() {
        String yaml = Fixtures.YAML.replace("      participants: [alice-sms, bob-sms]\n", """
                      participants: [alice-sms, bob-sms]
                      overrides:
                        - {receiver: bob-sms, from: "2026-11-20T00:00:00Z", to: "2026-11-22T00:00:00Z"}
                        - {receiver: alice-sms, from: "2026-11-21T00:00:00Z", to: "2026-11-23T00:00:00Z"}
                """);
        ConfigException e = assertThrows(ConfigException.class, () -> Fixtures.config(yaml));
        assertEquals("alerting.rotations[0].overrides[1]", e.key());
        assertTrue(e.getMessage().contains("overlaps overrides[0]"), e.getMessage());
    }

    @Test
    void aBadDurationIsRefusedWithItsKey() {
        String yaml = Fixtures.YAML.replace("groupWait: 30s", "groupWait: 30 seconds");
        ConfigException e = assertThrows(ConfigException.class, () -> Fixtures.config(yaml));
        assertEquals("alerting.timing.groupWait", e.key());
        assertTrue(e.getMessage().contains("is not a duration"), e.getMessage());
    }

    @Test
    void anEmailReceiverWithoutSmtpIsRefused() {
        String yaml = Fixtures.YAML.replace("  smtp: {host: localhost, port: 2525, from: vigie@example.org}\n", "");
        ConfigException e = assertThrows(ConfigException.class, () -> Fixtures.config(yaml));
        assertEquals("alerting.smtp", e.key());
    }

    @Test
    void aMissingSecretIsRefusedWhenThereAreReceivers() {
        String yaml = Fixtures.YAML.replace("  signingSecret: ${VIGIE_ALERT_SECRET}\n", "");
        ConfigException e = assertThrows(ConfigException.class, () -> Fixtures.config(yaml));
        assertEquals("alerting.signingSecret", e.key());
    }

    @Test
    void onePersonStandingInForTwoRotationsAtOnceIsRefused() {
        String yaml = Fixtures.YAML.replace("      participants: [alice-sms, bob-sms]\n", """
                      participants: [alice-sms, bob-sms]
                      overrides:
                        - {receiver: bob-sms, from: "2026-12-24T00:00:00Z", to: "2026-12-27T00:00:00Z"}
                    - name: secondary
                      start: "2026-11-09"
                      participants: [manager-mail]
                      overrides:
                        - {receiver: ops-webhook, from: "2026-12-01T00:00:00Z", to: "2026-12-02T00:00:00Z"}
                        - {receiver: bob-sms, from: "2026-12-26T00:00:00Z", to: "2026-12-28T00:00:00Z"}
                """);
        ConfigException e = assertThrows(ConfigException.class, () -> Fixtures.config(yaml));
        assertEquals("alerting.rotations[1].overrides[1]", e.key());
        assertTrue(e.getMessage().contains("overlaps alerting.rotations[0].overrides[0]"), e.getMessage());
        assertTrue(e.getMessage().contains("'primary' and 'secondary'"), e.getMessage());
        assertEquals(lineOf(yaml, "2026-12-26T00:00:00Z"), e.line());
    }

    @Test
    void escalationLevelsThatWouldPageTheSamePersonAreRefused() {
        String sameReceiver = Fixtures.YAML.replace("- {after: 15m, receiver: manager-mail}",
                "- {after: 15m, receiver: manager-mail}\n        - {after: 30m, receiver: manager-mail}");
        ConfigException e = assertThrows(ConfigException.class, () -> Fixtures.config(sameReceiver));
        assertEquals("alerting.escalations[0].levels[2].receiver", e.key());
        assertTrue(e.getMessage().contains("already paged at levels[1]"), e.getMessage());

        String participant = Fixtures.YAML.replace("- {after: 15m, receiver: manager-mail}",
                "- {after: 15m, receiver: bob-sms}");
        e = assertThrows(ConfigException.class, () -> Fixtures.config(participant));
        assertEquals("alerting.escalations[0].levels[1]", e.key());
        assertTrue(e.getMessage().contains("bob-sms is a participant of rotation 'primary'"), e.getMessage());
        assertEquals(lineOf(participant, "receiver: bob-sms}"), e.line());
    }

    @Test
    void anUnknownGroupingLabelIsRefused() {
        String yaml = Fixtures.YAML.replace("groupWait: 30s", "groupWait: 30s\n    groupBy: [brand, severity]");
        ConfigException e = assertThrows(ConfigException.class, () -> Fixtures.config(yaml));
        assertEquals("alerting.timing.groupBy[1]", e.key());
    }

    private static int lineOf(String yaml, String text) {
        String[] lines = yaml.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i + 1;
            }
        }
        return -1;
    }
}
