package io.vigie.runtime.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class TopicReplayTest {
    private static final Node NODE = new Node(1, "localhost", 9092);

    @Test
    void eachPartitionStartsAtItsFirstRecordSinceTheInstantOrAtItsEnd() {
        MockConsumer<String, byte[]> consumer = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name()) {
            @Override
            public synchronized Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(
                    Map<TopicPartition, Long> query, Duration timeout) {
                // Partition 0 has a record at offset 7 after the instant; partition 1 has none.
                return Map.of(new TopicPartition("signals", 0), new OffsetAndTimestamp(7, query.values().iterator().next()));
            }
        };
        consumer.updatePartitions("signals", List.of(
                new PartitionInfo("signals", 0, NODE, new Node[] {NODE}, new Node[] {NODE}),
                new PartitionInfo("signals", 1, NODE, new Node[] {NODE}, new Node[] {NODE})));
        consumer.updateEndOffsets(Map.of(new TopicPartition("signals", 0), 20L, new TopicPartition("signals", 1), 42L));

        List<TopicPartition> assigned =
                TopicReplay.assignSince(consumer, "signals", Instant.parse("2026-11-23T10:00:00Z"), Duration.ofSeconds(1));

        assertEquals(2, assigned.size());
        assertEquals(7, consumer.position(new TopicPartition("signals", 0)));
        assertEquals(42, consumer.position(new TopicPartition("signals", 1)));
    }
}
