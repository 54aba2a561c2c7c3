package io.vigie.runtime.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.GetResponse;
import io.vigie.model.TopicSpec;
import io.vigie.runtime.connect.TopicAdmin;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** A cluster of its own (not the shared one), started twice on one data directory. */
class LocalClusterRestartIT {
    record Note(String text) {}

    private static Path dataDirectory(String name) {
        Path base = Path.of(System.getProperty(SharedLocalCluster.DATA_DIR_PROPERTY, "target/it-servers"));
        Path dir = base.resolveSibling(base.getFileName() + "-" + name).toAbsolutePath();
        DataDirectories.clearServerData(dir);
        return dir;
    }

    /**
     * Under a parent closed to others (mode 700, like a checkout in /root) so that, run as root, the test also covers
     * Elasticsearch's directory moving to where its account can reach it.
     */
    private static Path closedDataDirectory(String name) throws Exception {
        Path closedParent = dataDirectory("closed");
        Files.createDirectories(closedParent);
        Files.setPosixFilePermissions(closedParent, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        Path dir = closedParent.resolve(name);
        DataDirectories.clearServerData(dir);
        return dir;
    }

    @Test
    void aRestartOnTheSameDataDirectoryKeepsTopicRecordsAndIndexedDocumentsAndLeavesNoProcessBehind()
            throws Exception {
        Path data = closedDataDirectory("restart");
        boolean relocates = UnprivilegedAccount.currentUserIsRoot();
        String topic = "restart-check";
        List<Long> firstPids;
        try (LocalCluster first = LocalCluster.start(LocalCluster.Settings.onFreePorts(data))) {
            firstPids = first.pids();
            assertEquals(3, firstPids.size(), "broker, Elasticsearch CLI and server: " + firstPids);
            TopicAdmin.ensure(first.kafka(), List.of(new TopicSpec(topic, 2, false, Duration.ofDays(1), "k",
                    String.class, "this test", "this test")));
            Properties p = first.kafka().clientConfig();
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
                for (int i = 0; i < 5; i++) {
                    producer.send(new ProducerRecord<>(topic, "k" + i, "before restart " + i)).get(10, TimeUnit.SECONDS);
                }
            }
            ElasticsearchClient es = first.elasticsearch().newClient();
            try {
                es.index(i -> i.index("restart-check").id("kept").document(new Note("indexed before the restart"))
                        .refresh(Refresh.True));
            } finally {
                es._transport().close();
            }
        }
        assertAllGone(firstPids);
        if (relocates) {
            assertTrue(Files.isSymbolicLink(data.resolve("elasticsearch")), "the Elasticsearch directory moved");
            assertEquals(LocalElasticsearch.relocationOf(data.resolve("elasticsearch")),
                    Files.readSymbolicLink(data.resolve("elasticsearch")));
        }

        // New ports on purpose: a restart must not depend on the ports of the first run.
        try (LocalCluster second = LocalCluster.start(LocalCluster.Settings.onFreePorts(data))) {
            ElasticsearchClient es = second.elasticsearch().newClient();
            try {
                GetResponse<Note> kept = es.get(g -> g.index("restart-check").id("kept"), Note.class);
                assertTrue(kept.found(), "the document indexed before the restart is still there");
                assertEquals("indexed before the restart", kept.source().text());
            } finally {
                es._transport().close();
            }
            assertEquals(List.of("before restart 0", "before restart 1", "before restart 2", "before restart 3",
                    "before restart 4"), readAll(second, topic, 5).stream().sorted().toList());
            firstPids = second.pids();
        }
        assertAllGone(firstPids);
        if (relocates) {
            // The moved directory holds a 120 MB distribution: do not leave one behind per test run.
            DataDirectories.deleteTree(LocalElasticsearch.relocationOf(data.resolve("elasticsearch")));
        }
    }

    @Test
    void aTakenPortIsRefusedInOneLineBeforeAnyServerStarts() throws Exception {
        Path data = dataDirectory("taken-port");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int[] free = Ports.free(3);
            var settings = LocalCluster.Settings.onFreePorts(data).withPorts(free[0], free[1], taken.getLocalPort(),
                    free[2]);
            LocalServerException e = assertThrows(LocalServerException.class, () -> LocalCluster.start(settings));
            assertEquals("port " + taken.getLocalPort() + " is taken: stop what uses it or pass --es-port",
                    e.getMessage());
            assertFalse(Files.exists(data.resolve("kafka")), "nothing was started or written");
        }
    }

    private static List<String> readAll(LocalCluster cluster, String topic, int expected) {
        Properties c = cluster.kafka().clientConfig();
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "restart-reader");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }

    private static void assertAllGone(List<Long> pids) {
        for (long pid : pids) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                    "process " + pid + " is gone after close");
        }
    }
}
