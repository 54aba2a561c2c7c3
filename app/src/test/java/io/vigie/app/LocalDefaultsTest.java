package io.vigie.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.runtime.config.ConfigDocument;
import io.vigie.runtime.config.ConfigException;
import io.vigie.runtime.connect.ElasticsearchConnection;
import io.vigie.runtime.connect.KafkaConnection;
import io.vigie.runtime.service.StageContext;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class LocalDefaultsTest {

    private static ConfigDocument yaml(String text) {
        return ConfigDocument.parse(text, "vigie.yml", name -> null);
    }

    @Test
    void withoutAConfigTheHttpServicesListenOnLoopbackAndIngestGetsALocalContactUrl() {
        ConfigDocument doc = LocalCommand.localDefaults(ConfigDocument.empty("(no --config)"), 8085);
        assertEquals("127.0.0.1", doc.node("dashboards.http.host").asText());
        assertEquals("127.0.0.1", doc.node("alerting.api.host").asText());
        assertEquals("http://127.0.0.1:8085/", doc.node("ingest.contactUrl").asText());
    }

    @Test
    void withoutAConfigEveryStageBuildsItsServices() {
        ConfigDocument doc = LocalCommand.localDefaults(ConfigDocument.empty("(no --config)"), 8080);
        StageContext context = new StageContext(doc, KafkaConnection.plaintext("127.0.0.1:9"),
                ElasticsearchConnection.open(URI.create("http://127.0.0.1:9")), "test", Path.of("target/state-test"),
                Clock.systemUTC());
        try (ServiceRunner runner = ServiceRunner.build(Stages.all(), context)) {
            assertTrue(runner.serviceNames().contains("ingest"), runner.serviceNames().toString());
            assertTrue(runner.serviceNames().contains("dashboard-web"), runner.serviceNames().toString());
        }
    }

    @Test
    void whatTheFileSaysIsKept() {
        ConfigDocument doc = LocalCommand.localDefaults(yaml("""
                ingest:
                  contactUrl: mailto:press@example.org
                dashboards:
                  http: {host: 0.0.0.0}
                alerting:
                  api: {host: 10.0.0.5}
                """), 8080);
        assertEquals("0.0.0.0", doc.node("dashboards.http.host").asText());
        assertEquals("10.0.0.5", doc.node("alerting.api.host").asText());
        assertEquals("mailto:press@example.org", doc.node("ingest.contactUrl").asText());
    }

    @Test
    void aFileWithSourcesButNoContactUrlIsStillRefusedByIngestWithKeyAndLine() {
        ConfigDocument doc = LocalCommand.localDefaults(yaml("""
                ingest:
                  sources:
                    - {name: blog, url: "https://blog.example/feed"}
                """), 8080);
        assertFalse(doc.has("ingest.contactUrl"));
        StageContext context = new StageContext(doc, KafkaConnection.plaintext("127.0.0.1:9"),
                ElasticsearchConnection.open(URI.create("http://127.0.0.1:9")), "test", Path.of("target/state-test"),
                Clock.systemUTC());
        ConfigException e = assertThrows(ConfigException.class,
                () -> ServiceRunner.build(Stages.all(), context).close());
        assertTrue(e.getMessage().contains("ingest.contactUrl"), e.getMessage());
    }
}
