package io.vigie.model;

import java.time.Duration;

/**
 * One Kafka topic of Vigie: its name and how it is created. The README's topic table is this list.
 *
 * @param retention how long records are kept; null means forever (compacted topics keep the latest per key)
 */
public record TopicSpec(
        String name,
        int partitions,
        boolean compacted,
        Duration retention,
        String key,
        Class<?> valueType,
        String writers,
        String readers) {

    public String cleanupPolicy() {
        return compacted ? "compact" : "delete";
    }
}
