package io.vigie.runtime.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaConnectionTest {
    private final KafkaConnection kafka =
            new KafkaConnection("broker:9093", Map.of("security.protocol", "SASL_SSL", "enable.auto.commit", "true"));

    @Test
    void everyReaderSeesOnlyCommittedRecordsAndCommitsItself() {
        Properties c = kafka.consumerConfig();
        assertEquals("read_committed", c.get("isolation.level"));
        assertEquals("false", c.get("enable.auto.commit"), "a reader commits only once its work is done");
        assertEquals("earliest", c.get("auto.offset.reset"));
        assertEquals("SASL_SSL", c.get("security.protocol"));
        assertEquals("broker:9093", c.get("bootstrap.servers"));
    }

    @Test
    void everyProducerIsIdempotentAndWaitsForAllReplicas() {
        Properties p = kafka.producerConfig();
        assertEquals("all", p.get("acks"));
        assertEquals("true", p.get("enable.idempotence"));
        assertEquals("SASL_SSL", p.get("security.protocol"));
    }
}
