package io.vigie.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.alerting.AlertingConfig;
import io.vigie.alerting.AlertingConfigCheck;
import io.vigie.dashboards.DashboardsConfig;
import io.vigie.ingest.IngestConfig;
import io.vigie.runtime.config.ConfigDocument;
import io.vigie.runtime.connect.ElasticsearchConnection;
import io.vigie.runtime.connect.KafkaConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code vigie.example.yml} binds with each stage's own configuration classes and checks, so the example the
 * documentation points to is one `vigie run` accepts. (The {@code brands} section is checked by the analyze module.)
 */
class ExampleConfigurationTest {
    private static final Map<String, String> ENV = Map.of(
            "VIGIE_KAFKA_PASSWORD", "kafka-secret",
            "VIGIE_ES_API_KEY", "a2V5OnNlY3JldA==",
            "VIGIE_ALERT_SECRET", "0123456789abcdef0123456789abcdef",
            "VIGIE_SLACK_WEBHOOK", "https://hooks.slack.example/services/T0/B0/x",
            "VIGIE_SMTP_PASSWORD", "smtp-secret");

    private static ConfigDocument example() {
        String root = System.getProperty("vigie.repo.root");
        if (root == null) {
            throw new IllegalStateException("system property vigie.repo.root is not set: run the tests through Maven");
        }
        Path file = Path.of(root, "vigie.example.yml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: the example configuration lives at the repository root");
        }
        return ConfigDocument.read(file, ENV::get);
    }

    @Test
    void theConnectionAndTopicSectionsBindAsVigieRunReadsThem() {
        ConfigDocument doc = example();
        assertEquals("SASL_SSL", doc.bind("kafka", KafkaConnection.class).clientConfig().getProperty("security.protocol"));
        assertEquals("a2V5OnNlY3JldA==", doc.bind("elasticsearch", ElasticsearchConnection.class).apiKey());
        assertTrue(doc.bind("topics", TopicCreation.class, TopicCreation.DEFAULT).create());
    }

    @Test
    void theIngestSectionBindsAndPassesTheIngestChecks() {
        IngestConfig ingest = IngestConfig.bind(example());
        assertEquals(4, ingest.sources().size());
        assertEquals("feed", ingest.sources().get(0).kind());
        assertEquals("forum", ingest.sources().get(2).kind());
        assertEquals("velo-forum", ingest.rule(ingest.sources().get(2).rule()).name());
        assertEquals("sitemap", ingest.sources().get(3).kind());
        assertEquals(10, ingest.sources().get(3).maxPages());
        assertEquals(7L, ingest.sitemapHorizonDays());
        assertEquals("Europe/Paris", ingest.crawlRules().get(0).timeZone());
    }

    @Test
    void theAlertingSectionBindsAndPassesTheAlertingChecks() {
        ConfigDocument doc = example();
        AlertingConfig alerting = doc.bind("alerting", AlertingConfig.class);
        AlertingConfigCheck.check(alerting, doc::error);
        assertEquals(2, alerting.receivers().size());
        assertFalse(alerting.routes().isEmpty());
    }

    @Test
    void theDashboardsSectionBindsToItsDefaults() {
        assertEquals(DashboardsConfig.DEFAULTS, example().bind("dashboards", DashboardsConfig.class));
    }
}
