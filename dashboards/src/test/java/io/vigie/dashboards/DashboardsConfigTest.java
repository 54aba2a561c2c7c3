package io.vigie.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.dashboards.index.IndexerSettings;
import io.vigie.runtime.config.ConfigDocument;
import io.vigie.runtime.config.ConfigException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardsConfigTest {
    private static DashboardsConfig bind(String yaml) {
        return ConfigDocument.parse(yaml, "vigie.yml", name -> null)
                .bind("dashboards", DashboardsConfig.class, DashboardsConfig.DEFAULTS);
    }

    @Test
    void theExampleConfigurationShowsExactlyTheDefaults() {
        String root = System.getProperty("vigie.repo.root");
        if (root == null) {
            throw new IllegalStateException("system property vigie.repo.root is not set: run the tests through Maven");
        }
        Map<String, String> env = Map.of("VIGIE_KAFKA_PASSWORD", "x", "VIGIE_ES_API_KEY", "x", "VIGIE_ALERT_SECRET", "x",
                "VIGIE_SLACK_WEBHOOK", "https://x", "VIGIE_SMTP_PASSWORD", "x");
        DashboardsConfig example = ConfigDocument.read(Path.of(root, "vigie.example.yml"), env::get)
                .bind("dashboards", DashboardsConfig.class);
        assertEquals(DashboardsConfig.DEFAULTS, example);
    }

    @Test
    void aMissingSectionGivesTheDefaults() {
        DashboardsConfig config = ConfigDocument.parse("kafka:\n  bootstrapServers: k:9092\n", "vigie.yml", n -> null)
                .bind("dashboards", DashboardsConfig.class, DashboardsConfig.DEFAULTS);
        assertEquals("vigie-mentions", config.indexer().indexPrefix());
        assertEquals("vigie-indexer", config.indexer().consumerGroup());
        assertEquals(8080, config.http().port());
        assertTrue(config.indexer().enabled());
    }

    @Test
    void keysLeftOutTakeTheirDefaultAndOthersTheirValue() {
        DashboardsConfig config = bind("dashboards:\n  indexer:\n    bulkActions: 250\n    enabled: false\n");
        assertEquals(250, config.indexer().bulkActions());
        assertFalse(config.indexer().enabled());
        assertEquals(IndexerSettings.DEFAULTS.flushIntervalMillis(), config.indexer().flushIntervalMillis());
    }

    @Test
    void aBadValueIsRefusedWithItsKeyAndLine() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> bind("dashboards:\n  indexer:\n    flushIntervalMillis: 100\n    bulkActions: 0\n"));
        assertTrue(e.getMessage().startsWith("vigie.yml:"), e.getMessage());
        assertTrue(e.getMessage().contains("bulkActions must be positive, got 0"), e.getMessage());
        assertTrue(e.line() >= 2 && e.line() <= 4, "line " + e.line());
    }

    @Test
    void anIndexPrefixElasticsearchWouldRefuseIsRefusedAtStart() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> bind("dashboards:\n  indexer:\n    indexPrefix: Vigie Mentions\n"));
        assertTrue(e.getMessage().contains("index prefix must be lower-case"), e.getMessage());
    }

    @Test
    void aMisspelledKeyIsRefusedWithItsLine() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> bind("dashboards:\n  indexer:\n    bulkAction: 10\n"));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("bulkAction"), e.getMessage());
    }

    @Test
    void vigieLocalsHttpPortOverrideBindsEvenWithoutADashboardsSectionInTheFile() {
        DashboardsConfig config = ConfigDocument.parse("kafka:\n  bootstrapServers: k:9092\n", "vigie.yml", n -> null)
                .withValue("dashboards.http.port", 18080)
                .bind("dashboards", DashboardsConfig.class, DashboardsConfig.DEFAULTS);
        assertEquals(18080, config.http().port());
        assertEquals(IndexerSettings.DEFAULTS, config.indexer());
    }

    @Test
    void theHttpPortThatVigieLocalSetsWithHttpPortBinds() {
        // `vigie local --http-port` writes dashboards.http.port into the document; the section must accept it.
        DashboardsConfig config = bind("dashboards:\n  http:\n    port: 18080\n");
        assertEquals(18080, config.http().port());
        assertEquals("0.0.0.0", config.http().host());
    }
}
