package io.vigie.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.ingest.IngestConfig;
import io.vigie.runtime.config.ConfigDocument;
import io.vigie.runtime.config.ConfigException;
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
    void withoutAConfigIngestAcceptsTheLocalContactUrl() {
        ConfigDocument doc = LocalCommand.localDefaults(ConfigDocument.empty("(no --config)"), 8080);
        assertEquals("http://127.0.0.1:8080/", IngestConfig.bind(doc).contactUrl());
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
        ConfigException e = assertThrows(ConfigException.class, () -> IngestConfig.bind(doc));
        assertTrue(e.getMessage().contains("ingest.contactUrl"), e.getMessage());
    }
}
