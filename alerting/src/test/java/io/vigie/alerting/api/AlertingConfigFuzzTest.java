package io.vigie.alerting.api;

import io.vigie.model.testing.Fuzz;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.alerting.Fixtures;
import io.vigie.runtime.config.ConfigException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Mutated copies of a full {@code alerting:} section (receivers, routes, escalation, templates) through the loader,
 * the binding and the start-up checks (seed and budget: see {@link Fuzz}): a configuration or a
 * {@link ConfigException} naming the file, never another exception, never a hang.
 */
class AlertingConfigFuzzTest {
    private static final List<String> DICTIONARY = List.of("\n", "\n  ", "\n    - ", ": ", "- ", "&a ", "*a ", "{", "}", "[",
            "]", "~", "null", "''", "\"\"", "-1", "0", "99999999999999999999", "1e400", "PT", "P-1D", "5x", "1h30", "{{",
            "}}", "{{ unknown }}", "{% if %}", "brand=\"", "=~\"(\"", "!~", "webhook", "slack", "sms", "email", "teams",
            "receiver: ", "receivers:", "routes:", "matchers: ", "language: xx", "timeZone: Mars/Olympus",
            "url: ftp://x", "url: ", "repeatInterval: ", "groupWait: ", "escalation:", "${UNSET}");

    @Test
    void mutatedAlertingSectionsLoadOrFailWithAnErrorThatNamesTheFile() throws Exception {
        Fuzz fuzz = new Fuzz("alerting-config", Duration.ofSeconds(10));
        int ran = fuzz.run(List.of(Fixtures.YAML), DICTIONARY, yaml -> {
            try {
                Fixtures.config(yaml);
            } catch (ConfigException e) {
                assertTrue(e.getMessage().startsWith("alerting.yaml"), "the error names the file: " + e.getMessage());
            }
        });
        assertTrue(ran > 1, "only the corpus ran");
    }
}
