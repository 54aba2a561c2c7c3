package io.vigie.runtime.connect;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Positions a group-less consumer to re-read a topic's recent past, for services that rebuild an in-memory view
 * at start (recent mentions for alert messages, brands under an open signal) instead of owning offsets.
 */
public final class TopicReplay {
    private TopicReplay() {}

    /**
     * Assigns every partition of {@code topic} to {@code consumer} and positions each at its first record written at
     * or after {@code since}, or at its end when it has none.
     *
     * @return the assigned partitions
     */
    public static List<TopicPartition> assignSince(Consumer<?, ?> consumer, String topic, Instant since, Duration timeout) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(tp -> query.put(tp, since.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(query, timeout);
        for (TopicPartition tp : partitions) {
            OffsetAndTimestamp first = offsets.get(tp);
            if (first == null) {
                consumer.seekToEnd(List.of(tp));
            } else {
                consumer.seek(tp, first.offset());
            }
        }
        return partitions;
    }
}
