package io.vigie.app;

import io.vigie.model.JsonSerde;
import io.vigie.runtime.local.LocalCluster;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads a topic from its beginning (read_committed, no group) on a thread of its own, keeping what it decodes. */
final class TopicTail<T> implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<T> values = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    TopicTail(LocalCluster cluster, String topic, Class<T> type) {
        Properties p = cluster.kafka().clientConfig();
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(i -> new TopicPartition(topic, i.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        JsonSerde<T> serde = JsonSerde.of(type);
        thread = new Thread(() -> {
            try {
                while (running) {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                        if (r.value() != null) {
                            values.add(serde.decode(r.value()));
                        }
                    }
                }
            } catch (WakeupException stopping) {
                // close() woke the poll up
            } finally {
                consumer.close();
            }
        }, "tail-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    List<T> values() {
        return List.copyOf(values);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5_000);
    }
}
