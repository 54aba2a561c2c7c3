package io.vigie.analyze.streams;

import io.vigie.analyze.normalize.Lateness;
import java.time.Duration;

/**
 * The {@code analyze:} section of the configuration. Every field is optional; absent ones take the defaults below.
 *
 * @param applicationId Kafka Streams application id: instances with the same id share the partitions
 * @param threads stream threads per instance
 * @param commitIntervalMs how often transactions commit; with exactly-once, records become visible to read_committed
 *     readers only at commit, so this bounds the latency added per hop
 * @param maxMentionBytes a {@code mentions.raw} value above this size goes to the dead letters
 * @param grace how long after its end a window still accepts late mentions; it is final after that
 * @param backfillAfter a mention read this long after its publication is a backfill
 * @param dedupeLifetime how long ids and copy fingerprints are remembered (bounds the dedupe stores)
 * @param emitInterval how often open windows that changed are emitted to {@code brand.stats}
 * @param spikes overrides of the spike detectors' parameters
 */
public record AnalyzeConfig(
        String applicationId,
        Integer threads,
        Integer commitIntervalMs,
        Integer maxMentionBytes,
        Duration grace,
        Duration backfillAfter,
        Duration dedupeLifetime,
        Duration emitInterval,
        Spikes spikes) {

    public static final AnalyzeConfig DEFAULT = new AnalyzeConfig(null, null, null, null, null, null, null, null, null);

    public AnalyzeConfig {
        applicationId = applicationId == null || applicationId.isBlank() ? "vigie-analyze" : applicationId;
        threads = positive(threads, 1, "threads");
        commitIntervalMs = positive(commitIntervalMs, 100, "commitIntervalMs");
        maxMentionBytes = positive(maxMentionBytes, 256 * 1024, "maxMentionBytes");
        if (maxMentionBytes > 400 * 1024) {
            // The repartitioned mention carries its original bytes too and must stay under the broker's 1 MB limit.
            throw new IllegalArgumentException("maxMentionBytes must be at most 409600 (400 KiB), got " + maxMentionBytes);
        }
        grace = grace == null ? Lateness.DEFAULT.grace() : grace;
        backfillAfter = backfillAfter == null ? Lateness.DEFAULT.backfillAfter() : backfillAfter;
        dedupeLifetime = dedupeLifetime == null ? Duration.ofDays(2) : dedupeLifetime;
        emitInterval = emitInterval == null ? Duration.ofSeconds(1) : emitInterval;
        spikes = spikes == null ? new Spikes(null, null) : spikes;
        if (dedupeLifetime.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("dedupeLifetime must be at least PT1M, got " + dedupeLifetime);
        }
        if (emitInterval.compareTo(Duration.ofMillis(100)) < 0 || emitInterval.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("emitInterval must be between PT0.1S and PT1M, got " + emitInterval);
        }
        lateness(grace, backfillAfter);
    }

    public Lateness lateness() {
        return lateness(grace, backfillAfter);
    }

    private static Lateness lateness(Duration grace, Duration backfillAfter) {
        return new Lateness(grace, backfillAfter);
    }

    public AnalyzeConfig withApplicationId(String id) {
        return new AnalyzeConfig(id, threads, commitIntervalMs, maxMentionBytes, grace, backfillAfter, dedupeLifetime,
                emitInterval, spikes);
    }

    public AnalyzeConfig withSpikes(Spikes s) {
        return new AnalyzeConfig(applicationId, threads, commitIntervalMs, maxMentionBytes, grace, backfillAfter,
                dedupeLifetime, emitInterval, s);
    }

    public AnalyzeConfig withCommitIntervalMs(int ms) {
        return new AnalyzeConfig(applicationId, threads, ms, maxMentionBytes, grace, backfillAfter, dedupeLifetime,
                emitInterval, spikes);
    }

    private static int positive(Integer value, int absent, String key) {
        if (value == null) {
            return absent;
        }
        if (value < 1) {
            throw new IllegalArgumentException(key + " must be at least 1, got " + value);
        }
        return value;
    }

    /**
     * The {@code analyze.spikes:} subsection: overrides of the detection part's committed series parameters, which
     * were tuned on 5-minute NAB series. {@code warmUp}: how long a new brand series is only learned from;
     * {@code quiet}: how long a score must stay low before an episode ends. Absent: the committed values.
     */
    public record Spikes(Duration warmUp, Duration quiet) {
        public Spikes {
            if (warmUp != null && warmUp.isNegative() || quiet != null && (quiet.isNegative() || quiet.isZero())) {
                throw new IllegalArgumentException("warmUp must be zero or positive and quiet positive");
            }
        }
    }
}
