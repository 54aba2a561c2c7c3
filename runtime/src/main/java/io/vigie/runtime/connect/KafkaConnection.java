package io.vigie.runtime.connect;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * How to reach a Kafka cluster: bootstrap servers plus any client properties (SASL, TLS) passed through
 * unchanged, so every security setup Kafka's clients support works without Vigie knowing about it.
 */
public record KafkaConnection(String bootstrapServers, Map<String, String> properties) {

    public KafkaConnection {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("kafka bootstrap servers are required");
        }
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    public static KafkaConnection plaintext(String bootstrapServers) {
        return new KafkaConnection(bootstrapServers, Map.of());
    }

    /** Client configuration shared by producers, consumers, admin clients and Streams; add role-specific keys to it. */
    public Properties clientConfig() {
        Properties p = new Properties();
        p.putAll(properties);
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return p;
    }
}
