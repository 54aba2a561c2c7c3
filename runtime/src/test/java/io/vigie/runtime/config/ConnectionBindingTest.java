package io.vigie.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.runtime.connect.ElasticsearchConnection;
import io.vigie.runtime.connect.KafkaConnection;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionBindingTest {
    static final String YAML = """
            kafka:
              bootstrapServers: kafka-1.prod:9093,kafka-2.prod:9093
              properties:
                security.protocol: SASL_SSL
                sasl.mechanism: SCRAM-SHA-512
                sasl.jaas.config: org.apache.kafka.common.security.scram.ScramLoginModule required username="vigie" password="${KAFKA_PASSWORD}";
            elasticsearch:
              url: https://es.prod:9200
              apiKey: ${ES_API_KEY}
              caCertificate: /etc/vigie/es-ca.pem
            dashboards:
              title: Vigie
            """;
    static final Map<String, String> ENV = Map.of("KAFKA_PASSWORD", "s3cret", "ES_API_KEY", "a2V5OnNlY3JldA==");

    @Test
    void theKafkaSectionBindsBootstrapServersAndPassesClientPropertiesThrough() {
        KafkaConnection kafka = ConfigDocument.parse(YAML, "vigie.yml", ENV::get).bind("kafka", KafkaConnection.class);
        assertEquals("kafka-1.prod:9093,kafka-2.prod:9093", kafka.bootstrapServers());
        assertEquals("SASL_SSL", kafka.clientConfig().getProperty("security.protocol"));
        assertTrue(kafka.clientConfig().getProperty("sasl.jaas.config").contains("password=\"s3cret\""));
    }

    @Test
    void theElasticsearchSectionBindsUrlApiKeyAndCaCertificate() {
        ElasticsearchConnection es = ConfigDocument.parse(YAML, "vigie.yml", ENV::get)
                .bind("elasticsearch", ElasticsearchConnection.class);
        assertEquals(URI.create("https://es.prod:9200"), es.url());
        assertEquals("a2V5OnNlY3JldA==", es.apiKey());
        assertEquals(Path.of("/etc/vigie/es-ca.pem"), es.caCertificate());
        assertNull(es.username());
    }

    @Test
    void aMissingKafkaBootstrapIsAnErrorOnItsSection() {
        ConfigDocument doc = ConfigDocument.parse("kafka:\n  properties: {}\n", "vigie.yml", ENV::get);
        ConfigException e = assertThrows(ConfigException.class, () -> doc.bind("kafka", KafkaConnection.class));
        assertEquals("vigie.yml:1: kafka: kafka bootstrap servers are required", e.getMessage());
    }

    @Test
    void aMisspelledKeyInAConnectionIsRefused() {
        ConfigDocument doc = ConfigDocument.parse("elasticsearch:\n  url: http://es:9200\n  apikey: x\n", "vigie.yml",
                ENV::get);
        ConfigException e = assertThrows(ConfigException.class,
                () -> doc.bind("elasticsearch", ElasticsearchConnection.class));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("apikey"), e.getMessage());
    }

    @Test
    void aCommandLineValueOverridesTheFileWithoutTouchingIt() {
        ConfigDocument doc = ConfigDocument.parse(YAML, "vigie.yml", ENV::get);
        ConfigDocument overridden = doc.withValue("dashboards.http.port", 18080);
        assertEquals(18080, overridden.node("dashboards.http.port").intValue());
        assertEquals("Vigie", overridden.node("dashboards.title").textValue());
        assertFalse(doc.has("dashboards.http.port"));
        assertEquals(11, overridden.lineOf("dashboards.http.port"), "errors point at the nearest key in the file");
    }

    @Test
    void anEmptyDocumentHasNoSection() {
        ConfigDocument doc = ConfigDocument.empty("(no --config)");
        assertFalse(doc.has("kafka"));
        assertNull(doc.bind("kafka", KafkaConnection.class, null));
    }
}
