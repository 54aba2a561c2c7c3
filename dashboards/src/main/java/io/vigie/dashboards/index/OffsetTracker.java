package io.vigie.dashboards.index;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets of each assigned partition are handled (indexed, or dead-lettered), and so how far the consumer
 * group may commit: up to the first offset still waiting for Elasticsearch, never past it.
 *
 * <p>Offsets are not contiguous on a topic written transactionally (commit markers take offsets), so the commit
 * point is the first unhandled offset among those actually read, or the one after the last read when all are
 * handled. Each assignment of a partition gets a new generation: an acknowledgement that arrives for an earlier
 * assignment (the partition was revoked meanwhile) is ignored, because the new owner reads those offsets again.
 *
 * <p>Not thread-safe: the consumer thread alone uses it.
 */
final class OffsetTracker {
    private final Map<TopicPartition, Progress> partitions = new HashMap<>();
    private int nextGeneration = 1;

    /** One read record, as the tracker knows it. */
    record Position(TopicPartition partition, long offset, int generation) {}

    private static final class Progress {
        final int generation;
        final TreeSet<Long> unhandled = new TreeSet<>();
        long lastRead = -1;
        long committed = -1;

        Progress(int generation) {
            this.generation = generation;
        }

        long commitPoint() {
            return unhandled.isEmpty() ? lastRead + 1 : unhandled.first();
        }
    }

    /** Starts tracking a newly assigned partition; a partition assigned again starts a new generation. */
    void assign(TopicPartition partition) {
        partitions.put(partition, new Progress(nextGeneration++));
    }

    /** Stops tracking a revoked or lost partition; later acknowledgements for it are ignored. */
    void revoke(TopicPartition partition) {
        partitions.remove(partition);
    }

    boolean isAssigned(TopicPartition partition) {
        return partitions.containsKey(partition);
    }

    /** Records that an offset was read and is not handled yet. */
    Position read(TopicPartition partition, long offset) {
        Progress p = partitions.get(partition);
        if (p == null) {
            throw new IllegalStateException("record read from " + partition + " which is not assigned");
        }
        if (offset <= p.lastRead) {
            // The consumer was repositioned backwards (a seek): what was read after it will be read again.
            p.unhandled.tailSet(offset, true).clear();
        }
        p.unhandled.add(offset);
        p.lastRead = offset;
        return new Position(partition, offset, p.generation);
    }

    /** True when the position belongs to the current assignment of its partition and is still waiting. */
    boolean isCurrent(Position position) {
        Progress p = partitions.get(position.partition());
        return p != null && p.generation == position.generation();
    }

    /** Marks a read offset handled; returns false (and changes nothing) for a position of an earlier assignment. */
    boolean handled(Position position) {
        Progress p = partitions.get(position.partition());
        if (p == null || p.generation != position.generation()) {
            return false;
        }
        return p.unhandled.remove(position.offset());
    }

    /** Offsets still waiting for Elasticsearch or for their dead letter, over every partition. */
    int unhandledCount() {
        int n = 0;
        for (Progress p : partitions.values()) {
            n += p.unhandled.size();
        }
        return n;
    }

    int unhandledCount(TopicPartition partition) {
        Progress p = partitions.get(partition);
        return p == null ? 0 : p.unhandled.size();
    }

    /** The offset to commit for a partition when it moved since the last commit; the next offset to read. */
    Optional<Long> commitPoint(TopicPartition partition) {
        Progress p = partitions.get(partition);
        if (p == null || p.lastRead < 0) {
            return Optional.empty();
        }
        long point = p.commitPoint();
        return point > p.committed ? Optional.of(point) : Optional.empty();
    }

    /** Commit points of every partition that moved since its last commit. */
    Map<TopicPartition, Long> commitPoints() {
        Map<TopicPartition, Long> points = new HashMap<>();
        for (TopicPartition tp : partitions.keySet()) {
            commitPoint(tp).ifPresent(point -> points.put(tp, point));
        }
        return points;
    }

    /** Records that the group now has this offset committed for the partition. */
    void committed(TopicPartition partition, long offset) {
        Progress p = partitions.get(partition);
        if (p != null) {
            p.committed = Math.max(p.committed, offset);
        }
    }
}
