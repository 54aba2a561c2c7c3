package io.vigie.model;

import java.time.Instant;
import java.util.List;

/**
 * A time-bounded mute of the incidents that match every matcher: the value of the compacted {@code silences}
 * topic, keyed by silence id. A tombstone (null value) deletes it; an expired one stays for the record.
 *
 * @param matchers Alertmanager-style matchers, e.g. {@code brand="kryptonite"}, {@code severity=~"info|warning"}
 * @param author who created it, required
 * @param reason why, required: the next on-call person reads it
 */
public record Silence(
        int schemaVersion,
        String silenceId,
        List<String> matchers,
        Instant startsAt,
        Instant endsAt,
        String author,
        String reason,
        Instant createdAt) {

    public Silence {
        schemaVersion = Schema.version(schemaVersion);
        Schema.required(silenceId, "silenceId");
        Schema.required(startsAt, "startsAt");
        Schema.required(endsAt, "endsAt");
        Schema.required(author, "author");
        Schema.required(reason, "reason");
        Schema.required(createdAt, "createdAt");
        matchers = Schema.list(matchers);
        if (matchers.isEmpty()) {
            throw new IllegalArgumentException("a silence needs at least one matcher");
        }
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("a silence must end after it starts");
        }
    }

    public boolean activeAt(Instant now) {
        return !now.isBefore(startsAt) && now.isBefore(endsAt);
    }
}
