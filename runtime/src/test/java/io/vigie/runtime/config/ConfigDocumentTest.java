package io.vigie.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigDocumentTest {
    record Source(String name, String url, int pollSeconds) {
        Source {
            if (url == null || !url.startsWith("http")) {
                throw new IllegalArgumentException("must be an absolute http(s) URL");
            }
        }
    }

    record Ingest(String userAgent, List<Source> sources) {}

    static final String YAML = """
            kafka:
              bootstrapServers: broker:9092
              properties:
                sasl.password: ${KAFKA_PASSWORD}
            ingest:
              userAgent: Vigie (+https://example.org/vigie)
              sources:
                - name: blog
                  url: https://blog.example/feed
                  pollSeconds: 300
                - name: forum
                  url: ftp://forum.example/feed
                  pollSeconds: 60
            """;

    static final Map<String, String> ENV = Map.of("KAFKA_PASSWORD", "s3cret");

    @Test
    void aSectionBindsIntoRecords() {
        ConfigDocument doc = ConfigDocument.parse(YAML.replace("ftp:", "https:"), "vigie.yml", ENV::get);
        Ingest ingest = doc.bind("ingest", Ingest.class);
        assertEquals(2, ingest.sources().size());
        assertEquals(60, ingest.sources().get(1).pollSeconds());
    }

    @Test
    void aValueRefusedByItsRecordNamesTheKeyAndTheLine() {
        ConfigDocument doc = ConfigDocument.parse(YAML, "vigie.yml", ENV::get);
        ConfigException e = assertThrows(ConfigException.class, () -> doc.bind("ingest", Ingest.class));
        assertEquals("ingest.sources[1]", e.key().replaceAll("\\.url$", ""));
        assertTrue(e.line() >= 11 && e.line() <= 13, "line " + e.line());
        assertTrue(e.getMessage().contains("must be an absolute http(s) URL"), e.getMessage());
    }

    @Test
    void aWrongTypeNamesTheKeyAndItsLine() {
        ConfigDocument doc = ConfigDocument.parse(YAML.replace("pollSeconds: 60", "pollSeconds: often")
                .replace("ftp:", "https:"), "vigie.yml", ENV::get);
        ConfigException e = assertThrows(ConfigException.class, () -> doc.bind("ingest", Ingest.class));
        assertEquals("ingest.sources[1].pollSeconds", e.key());
        assertEquals(13, e.line());
        assertTrue(e.getMessage().startsWith("vigie.yml:13: ingest.sources[1].pollSeconds: "), e.getMessage());
    }

    @Test
    void anUnknownKeyIsRefused() {
        ConfigDocument doc = ConfigDocument.parse(YAML.replace("userAgent:", "userAgnet:").replace("ftp:", "https:"),
                "vigie.yml", ENV::get);
        ConfigException e = assertThrows(ConfigException.class, () -> doc.bind("ingest", Ingest.class));
        assertEquals(6, e.line());
        assertTrue(e.getMessage().contains("userAgnet"), e.getMessage());
    }

    @Test
    void secretsComeFromTheEnvironment() {
        ConfigDocument doc = ConfigDocument.parse(YAML, "vigie.yml", ENV::get);
        assertEquals("s3cret", doc.node("kafka.properties").get("sasl.password").textValue());
    }

    @Test
    void anUnsetVariableIsAnErrorOnItsLine() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigDocument.parse(YAML, "vigie.yml", name -> null));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("KAFKA_PASSWORD"), e.getMessage());
    }

    @Test
    void aVariableMayHaveADefault() {
        ConfigDocument doc = ConfigDocument.parse("a:\n  b: ${NOPE:-fallback}\n", "x.yml", name -> null);
        assertEquals("fallback", doc.node("a.b").textValue());
    }

    @Test
    void anAbsentOptionalSectionBindsToTheGivenDefault() {
        ConfigDocument doc = ConfigDocument.parse(YAML, "vigie.yml", ENV::get);
        assertNull(doc.bind("alerting", Ingest.class, null));
        assertFalse(doc.has("alerting"));
        assertEquals(0, doc.lineOf("alerting"));
    }

    @Test
    void invalidYamlIsRefusedWithALine() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigDocument.parse("a:\n  b: [1, 2\n", "x.yml", name -> null));
        assertTrue(e.line() > 0, e.getMessage());
    }
}
