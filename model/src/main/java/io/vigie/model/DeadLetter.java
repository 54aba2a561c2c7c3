package io.vigie.model;

import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record Vigie could not process, kept with the reason and its original bytes: the value of {@code deadletter}.
 *
 * @param stage the step that refused it ("indexer", "analyze.decode", "ingest.parse"…)
 * @param sourceTopic where it was read from, or null when it never was on a topic (a feed item)
 * @param original the original bytes, exactly as read (base64 in JSON)
 */
public record DeadLetter(
        int schemaVersion,
        String stage,
        String sourceTopic,
        Integer partition,
        Long offset,
        String key,
        String reason,
        String errorType,
        byte[] original,
        Instant at) {

    public DeadLetter {
        schemaVersion = Schema.version(schemaVersion);
        Schema.required(stage, "stage");
        Schema.required(reason, "reason");
        Schema.required(at, "at");
        original = original == null ? new byte[0] : original.clone();
    }

    /** The dead letter of a record read from a topic that {@code stage} could not process. */
    public static DeadLetter ofRecord(String stage, ConsumerRecord<String, byte[]> record, Throwable error, Instant at) {
        String reason = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return new DeadLetter(Schema.VERSION, stage, record.topic(), record.partition(), record.offset(), record.key(),
                reason, error.getClass().getSimpleName(), record.value(), at);
    }

    @Override
    public byte[] original() {
        return original.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeadLetter d
                && schemaVersion == d.schemaVersion
                && stage.equals(d.stage)
                && java.util.Objects.equals(sourceTopic, d.sourceTopic)
                && java.util.Objects.equals(partition, d.partition)
                && java.util.Objects.equals(offset, d.offset)
                && java.util.Objects.equals(key, d.key)
                && reason.equals(d.reason)
                && java.util.Objects.equals(errorType, d.errorType)
                && java.util.Arrays.equals(original, d.original)
                && at.equals(d.at);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(stage, sourceTopic, partition, offset, key, reason, at)
                + 31 * java.util.Arrays.hashCode(original);
    }

    @Override
    public String toString() {
        return "DeadLetter[stage=" + stage + ", sourceTopic=" + sourceTopic + ", partition=" + partition
                + ", offset=" + offset + ", key=" + key + ", reason=" + reason + ", bytes=" + original.length + "]";
    }
}
