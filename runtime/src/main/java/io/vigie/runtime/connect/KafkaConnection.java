package io.vigie.runtime.connect;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

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

    /**
     * A consumer's configuration as every Vigie reader needs it: ingest and analyze write in transactions, so a
     * reader sees committed records only; offsets are committed by the reader once its work is done, never
     * automatically; a new group starts from the earliest record so nothing written before it is skipped.
     * Add the group id (if any) and role-specific keys to it.
     */
    public Properties consumerConfig() {
        Properties p = clientConfig();
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return p;
    }

    /** A producer's configuration: acknowledged by every in-sync replica, idempotent, so a retry never duplicates. */
    public Properties producerConfig() {
        Properties p = clientConfig();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return p;
    }
}
