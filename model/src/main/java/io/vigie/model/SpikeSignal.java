package io.vigie.model;

import java.time.Instant;
import java.util.List;

/**
 * An explainable alarm from a detector: the value of {@code signals}.
 *
 * @param signalId stable across the START, UPDATE and END of one episode
 * @param subject what the series is about besides the brand: null for brand series, the item id or cluster id
 *     for virality
 * @param since when the unusual behaviour began
 * @param at the time of the observation that produced this event
 * @param observed the value seen, in the series' unit (mentions per interval, share, views per hour…)
 * @param expected what the detector expected at that time
 * @param anomalyScore how unusual, in [0, 1]
 * @param pValue probability of a value at least this extreme under the learned model, when the detector has one
 * @param explanation one sentence an on-call person can read
 * @param mentionIds the mentions that drove it, most significant first
 */
public record SpikeSignal(
        int schemaVersion,
        String signalId,
        String brand,
        SignalKind kind,
        SignalPhase phase,
        Direction direction,
        String subject,
        Instant since,
        Instant at,
        double observed,
        double expected,
        double anomalyScore,
        Double pValue,
        String explanation,
        List<String> mentionIds) {

    public SpikeSignal {
        schemaVersion = Schema.version(schemaVersion);
        Schema.required(signalId, "signalId");
        Schema.required(brand, "brand");
        Schema.required(kind, "kind");
        Schema.required(phase, "phase");
        Schema.required(at, "at");
        direction = direction == null ? Direction.RISE : direction;
        explanation = Schema.text(explanation);
        mentionIds = Schema.list(mentionIds);
    }

    /** How many times the expected value was observed; infinite when nothing was expected. */
    public double ratio() {
        return expected <= 0 ? Double.POSITIVE_INFINITY : observed / expected;
    }
}
