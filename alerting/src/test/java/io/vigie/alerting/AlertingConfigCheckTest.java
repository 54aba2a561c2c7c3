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
