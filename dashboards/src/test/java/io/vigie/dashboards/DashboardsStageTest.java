package io.vigie.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigie.dashboards.index.MentionIndexer;
import io.vigie.dashboards.web.DashboardWeb;
import io.vigie.runtime.config.ConfigDocument;
import io.vigie.runtime.config.ConfigException;
import io.vigie.runtime.connect.ElasticsearchConnection;
import io.vigie.runtime.connect.KafkaConnection;
import io.vigie.runtime.service.StageContext;
import io.vigie.runtime.service.VigieService;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardsStageTest {
    private static StageContext context(String yaml) {
        return new StageContext(ConfigDocument.parse(yaml, "vigie.yml", name -> null),
                KafkaConnection.plaintext("127.0.0.1:9092"), ElasticsearchConnection.open(URI.create("http://127.0.0.1:9200")),
                "test-1", Path.of("target/state"), Clock.systemUTC());
    }

    @Test
    void byDefaultTheStageRunsTheIndexerTheLiveFeedAndTheWebServer() {
        List<VigieService> services = new DashboardsStage().services(context(""));
        // The desk's follower first (responses, templates, incidents), then the response indexer the indexer tells,
        // and the engagement history's writer.
        assertEquals(6, services.size());
        assertInstanceOf(MentionIndexer.class, services.get(2));
        assertInstanceOf(DashboardWeb.class, services.get(5));
        assertEquals(List.of("dashboards-follower", "response-indexer", "indexer", "engagement-indexer", "dashboard-live",
                "dashboard-web"),
                services.stream().map(VigieService::name).toList());
    }

    @Test
    void eachServiceCanBeSwitchedOff() {
        List<VigieService> indexOnly = new DashboardsStage().services(context("dashboards:\n  http:\n    enabled: false\n"));
        assertEquals(List.of("dashboards-follower", "response-indexer", "indexer", "engagement-indexer"), indexOnly.stream().map(VigieService::name).toList());
        List<VigieService> pageOnly = new DashboardsStage().services(context("dashboards:\n  indexer:\n    enabled: false\n"));
        assertEquals(List.of("dashboards-follower", "dashboard-live", "dashboard-web"), pageOnly.stream().map(VigieService::name).toList());
    }

    @Test
    void aBadDashboardsSectionStopsTheStartWithTheKeyAndLine() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new DashboardsStage().services(context("dashboards:\n  indexer:\n    replicas: two\n")));
        // A value refused by the record's own check is reported on the record's key, the message naming the field.
        assertEquals("dashboards.indexer", e.key());
        assertEquals(2, e.line());
        assertEquals("vigie.yml:2: dashboards.indexer: replicas must be a range like 0-1 or 1-all, or false, got 'two'",
                e.getMessage());
    }
}
