package io.vigie.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.runtime.connect.ElasticsearchConnection;
import io.vigie.runtime.connect.KafkaConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example configuration at the repository root parses, and its connection sections bind. */
class ExampleConfigurationTest {
    static final Map<String, String> ENV = Map.of(
            "VIGIE_KAFKA_PASSWORD", "kafka-secret",
            "VIGIE_ES_API_KEY", "a2V5OnNlY3JldA==",
            "VIGIE_ALERT_SECRET", "alert-secret",
            "VIGIE_SLACK_WEBHOOK", "https://hooks.slack.example/T0/B0/x",
            "VIGIE_SMTP_PASSWORD", "smtp-secret");

    static Path exampleFile() {
        String root = System.getProperty("vigie.repo.root");
        if (root == null) {
            throw new IllegalStateException("system property vigie.repo.root is not set: run the tests through Maven");
        }
        Path file = Path.of(root, "vigie.example.yml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: the example configuration lives at the repository root");
        }
        return file;
    }

    @Test
    void theExampleParsesWithItsSecretsFromTheEnvironment() {
        ConfigDocument doc = ConfigDocument.read(exampleFile(), ENV::get);
        for (String section : new String[] {"kafka", "elasticsearch", "topics", "ingest", "brands", "alerting", "dashboards"}) {
            assertTrue(doc.has(section), "section " + section);
        }
        assertEquals("alert-secret", doc.node("alerting.signingSecret").textValue());
    }

    @Test
    void theKafkaSectionBindsWithSaslAndTlsPropertiesPassedThrough() {
        KafkaConnection kafka = ConfigDocument.read(exampleFile(), ENV::get).bind("kafka", KafkaConnection.class);
        assertEquals("kafka-1.example.net:9093,kafka-2.example.net:9093,kafka-3.example.net:9093",
                kafka.bootstrapServers());
        assertEquals("SASL_SSL", kafka.clientConfig().getProperty("security.protocol"));
        assertEquals("SCRAM-SHA-512", kafka.clientConfig().getProperty("sasl.mechanism"));
        assertTrue(kafka.clientConfig().getProperty("sasl.jaas.config").endsWith("password=\"kafka-secret\";"));
        assertEquals("/etc/vigie/kafka-ca.pem", kafka.clientConfig().getProperty("ssl.truststore.location"));
    }

    @Test
    void theElasticsearchSectionBindsWithAnApiKeyAndACaCertificate() {
        ElasticsearchConnection es =
                ConfigDocument.read(exampleFile(), ENV::get).bind("elasticsearch", ElasticsearchConnection.class);
        assertEquals(URI.create("https://es.example.net:9200"), es.url());
        assertEquals("a2V5OnNlY3JldA==", es.apiKey());
        assertNull(es.username());
        assertEquals(Path.of("/etc/vigie/es-ca.pem"), es.caCertificate());
    }

    @Test
    void withoutTheApiKeyInTheEnvironmentTheErrorNamesTheKeyAndItsLine() {
        Map<String, String> noKey = new java.util.HashMap<>(ENV);
        noKey.remove("VIGIE_ES_API_KEY");
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> ConfigDocument.read(exampleFile(), noKey::get));
        assertEquals("elasticsearch.apiKey", e.key());
        assertTrue(e.line() > 0);
        assertTrue(e.getMessage().contains("VIGIE_ES_API_KEY"), e.getMessage());
    }
}
