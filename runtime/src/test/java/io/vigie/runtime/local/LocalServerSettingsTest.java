package io.vigie.runtime.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalServerSettingsTest {
    private static final Path DATA = Path.of("/var/lib/vigie");

    @Test
    void theBrokerIsOneKraftNodeOnLoopbackWithEveryReplicationFactorAtOne() {
        Map<String, String> p = LocalKafka.serverProperties(new LocalKafka.Settings(DATA.resolve("kafka"), 19092, 19093,
                "512m"));
        assertEquals("broker,controller", p.get("process.roles"));
        assertEquals("1", p.get("node.id"));
        assertEquals("127.0.0.1:19093", p.get("controller.quorum.bootstrap.servers"));
        assertEquals("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093", p.get("listeners"));
        assertEquals("PLAINTEXT://127.0.0.1:19092", p.get("advertised.listeners"));
        assertEquals("CONTROLLER", p.get("controller.listener.names"));
        assertEquals("/var/lib/vigie/kafka/data", p.get("log.dirs"));
        for (String key : new String[] {"offsets.topic.replication.factor", "transaction.state.log.replication.factor",
                "transaction.state.log.min.isr", "share.coordinator.state.topic.replication.factor",
                "share.coordinator.state.topic.min.isr", "default.replication.factor", "min.insync.replicas"}) {
            assertEquals("1", p.get(key), key);
        }
        assertEquals("0", p.get("group.initial.rebalance.delay.ms"));
        assertFalse(p.containsKey("controller.quorum.voters"), "a standalone-formatted quorum is dynamic: no static voters");
    }

    @Test
    void theBrokerLogsToAFileInItsDirectory() {
        String log4j = LocalKafka.log4jProperties(DATA.resolve("kafka"));
        assertTrue(log4j.contains("appender.file.fileName = /var/lib/vigie/kafka/broker.log"), log4j);
        assertTrue(log4j.contains("rootLogger.appenderRef.file.ref = file"), log4j);
    }

    @Test
    void elasticsearchIsOneLocalNodeWithSecurityOffAndDataUnderTheDataDirectory() {
        var settings = new LocalElasticsearch.Settings(DATA.resolve("elasticsearch"), 19200, 19300, "512m");
        Map<String, String> yml = LocalElasticsearch.elasticsearchYml(settings);
        assertEquals("single-node", yml.get("discovery.type"));
        assertEquals("127.0.0.1", yml.get("network.host"));
        assertEquals("19200", yml.get("http.port"));
        assertEquals("19300", yml.get("transport.port"));
        assertEquals("/var/lib/vigie/elasticsearch/data", yml.get("path.data"));
        assertEquals("/var/lib/vigie/elasticsearch/logs", yml.get("path.logs"));
        assertEquals("false", yml.get("xpack.security.enabled"));
        assertEquals("false", yml.get("cluster.routing.allocation.disk.threshold_enabled"));
        assertEquals("http://127.0.0.1:19200", settings.url().toString());
    }

    @Test
    void elasticsearchYmlQuotesEveryValue() {
        String text = LocalElasticsearch.render(Map.of("path.data", "/tmp/a \"b\"\\c"));
        assertTrue(text.contains("path.data: \"/tmp/a \\\"b\\\"\\\\c\"\n"), text);
    }

    @Test
    void twoServersOnOnePortAreRefusedWithTheOptionToChange() {
        var clash = new LocalCluster.Settings(DATA, 9092, 9093, 9092, 9300, "512m", "512m");
        LocalServerException e = assertThrows(LocalServerException.class, () -> LocalCluster.start(clash));
        assertEquals("--kafka-port and --es-port are both 9092: give each server its own port", e.getMessage());
    }

    @Test
    void theKafkaAndControllerPortsMustDiffer() {
        LocalServerException e = assertThrows(LocalServerException.class,
                () -> new LocalKafka.Settings(DATA, 9092, 9092, "512m"));
        assertTrue(e.getMessage().contains("--controller-port"), e.getMessage());
    }

    @Test
    void anUnreachableElasticsearchDirectoryMovesToAPlaceNamedAfterIt() {
        Path moved = LocalElasticsearch.relocationOf(Path.of("/root/vigie/.vigie/elasticsearch"));
        assertEquals(Path.of("/var/lib/vigie"), moved.getParent());
        assertTrue(moved.getFileName().toString().matches("elasticsearch-[0-9a-f]{12}"), moved.toString());
        assertEquals(moved, LocalElasticsearch.relocationOf(Path.of("/root/vigie/.vigie/../.vigie/elasticsearch")),
                "the same directory, however written, moves to the same place");
        assertFalse(moved.equals(LocalElasticsearch.relocationOf(Path.of("/root/other/.vigie/elasticsearch"))));
    }

    @Test
    void defaultsAreTheUsualPorts() {
        var d = LocalCluster.Settings.defaults(DATA);
        assertEquals(9092, d.kafkaPort());
        assertEquals(9200, d.elasticsearchPort());
        assertEquals("/var/lib/vigie/kafka", d.kafka().directory().toString());
        assertEquals("/var/lib/vigie/elasticsearch", d.elasticsearch().directory().toString());
    }
}
