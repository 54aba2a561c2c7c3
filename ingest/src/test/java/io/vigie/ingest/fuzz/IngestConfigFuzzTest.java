package io.vigie.ingest.fuzz;

import io.vigie.model.testing.Fuzz;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.ingest.IngestConfig;
import io.vigie.runtime.config.ConfigDocument;
import io.vigie.runtime.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Mutated copies of the example configuration through {@link IngestConfig#bind} (sources, politeness, SSRF
 * allow-list, push, crawl rules; seed and budget: see {@link Fuzz}): a configuration or a {@link ConfigException}
 * naming the file, never another exception, never a hang.
 */
class IngestConfigFuzzTest {
    private static final Map<String, String> ENV = Map.of("VIGIE_KAFKA_PASSWORD", "k", "VIGIE_ES_API_KEY", "a2V5OnNlY3JldA==",
            "VIGIE_ALERT_SECRET", "alert-secret", "VIGIE_SLACK_WEBHOOK", "https://hooks.slack.example/T0/B0/x",
            "VIGIE_SMTP_PASSWORD", "s", "VIGIE_PUSH_TOKEN", "push-token-0123456789");
    private static final List<String> DICTIONARY = List.of("\n", "\n  ", "\n    - ", ": ", "- ", "{", "}", "[", "]", "~",
            "null", "''", "-1", "0", "99999999999999999999", "1e400", "url: ", "url: ftp://x", "url: http://",
            "url: http://[::1", "kind: ", "kind: nope", "allowedNetworks: [999.1.1.1/99]", "10.0.0.0/33", "::/200",
            "interval: -5", "push:", "token: ", "port: 70000", "sites:", "item: '<<<'", "dateFormat: 'qqq'",
            "timeZone: Mars/Olympus", "hosts: [", "${UNSET}");

    @Test
    void aSourceWithACrawlRuleAndNoKindIsAConfigErrorNotANullPointerException() {
        String yaml = """
                ingest:
                  contactUrl: https://vigie.example.net/about
                  sources:
                    - name: forum
                      url: https://forum.velo.example/t/1
                      rule: velo-forum
                  crawlRules:
                    - name: velo-forum
                      hosts: [forum.velo.example]
                      item: div.post
                """;
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> IngestConfig.bind(ConfigDocument.parse(yaml, "fuzz.yml", ENV::get)));
        assertTrue(e.getMessage().startsWith("fuzz.yml:6: ingest.sources[0].rule: applies to kind"), e.getMessage());
    }

    @Test
    void aDatePatternTheJdkCannotBuildIsAConfigErrorNotAClassCastException() {
        String yaml = """
                ingest:
                  contactUrl: https://vigie.example.net/about
                  crawlRules:
                    - name: velo-forum
                      hosts: [forum.velo.example]
                      item: div.post
                      dateFormat: ppHmm
                """;
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> IngestConfig.bind(ConfigDocument.parse(yaml, "fuzz.yml", ENV::get)));
        assertTrue(e.getMessage().startsWith("fuzz.yml:7: ingest.crawlRules[0].dateFormat: is not a DateTimeFormatter"),
                e.getMessage());
    }

    @Test
    void mutatedIngestSectionsBindOrFailWithAnErrorThatNamesTheFile() throws Exception {
        String example = Files.readString(Path.of(System.getProperty("vigie.repo.root", ".."), "vigie.example.yml"));
        Fuzz fuzz = new Fuzz("ingest-config", Duration.ofSeconds(10));
        int ran = fuzz.run(List.of(example), DICTIONARY, yaml -> {
            try {
                IngestConfig.bind(ConfigDocument.parse(yaml, "fuzz.yml", ENV::get));
            } catch (ConfigException e) {
                assertTrue(e.getMessage().startsWith("fuzz.yml"), "the error names the file: " + e.getMessage());
            }
        });
        assertTrue(ran > 1, "only the corpus ran");
    }
}
