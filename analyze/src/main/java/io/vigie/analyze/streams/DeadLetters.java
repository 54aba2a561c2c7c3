package io.vigie.analyze.streams;

import io.vigie.model.DeadLetter;
import io.vigie.model.Schema;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Builds the dead letter of a record a step could not process. */
final class DeadLetters {
    private DeadLetters() {}

    static DeadLetter of(String stage, String topic, Integer partition, Long offset, byte[] key, String reason,
            Throwable error, byte[] original, long nowMs) {
        return of(stage, topic, partition, offset, key == null ? null : new String(key, StandardCharsets.UTF_8), reason,
                error, original, nowMs);
    }

    static DeadLetter of(String stage, String topic, Integer partition, Long offset, String key, String reason,
            Throwable error, byte[] original, long nowMs) {
        return new DeadLetter(Schema.VERSION, stage, topic, partition, offset, key, reason,
                error == null ? null : error.getClass().getName(), original, Instant.ofEpochMilli(nowMs));
    }

    /** The reason of an unexpected failure: its message, else its type, with the first cause's message. */
    static String describe(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        if (t.getCause() != null && t.getCause().getMessage() != null && !message.contains(t.getCause().getMessage())) {
            message += ": " + t.getCause().getMessage();
        }
        return message;
    }
}
