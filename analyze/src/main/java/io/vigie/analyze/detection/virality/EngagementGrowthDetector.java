package io.vigie.analyze.detection.virality;

import io.vigie.analyze.detection.series.Probabilities;
import io.vigie.model.SignalKind;
import io.vigie.model.SignalPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Item virality: an item whose engagement grows much faster than its source's items usually do.
 *
 * <p>Growth is measured as the log-engagement gained per hour between two polls of the same item,
 * {@code g = (ln(1 + e2) - ln(1 + e1)) / hours}, which compares a video at 100 views and one at 100,000 on the same
 * footing. Each source keeps a running mean and spread of g over all its items' polls (clipped, so one viral
 * item does not redefine normal); an item's score maps {@code z = (g - mean) / spread} to [0, 1). Items gaining
 * fewer than {@code minGainPerHour} engagement an hour are never alarmed: tripling 3 views is not a crisis.
 *
 * <p>State lives in two plain objects, {@link SourceGrowth} per source and {@link ItemGrowth} per item, both
 * serialisable with {@code VigieJson.newMapper()}; the caller keeps them in stores keyed by source and item id.
 */
public final class EngagementGrowthDetector {
    /** Upper bound of a {@link SourceGrowth} serialised as JSON by {@code VigieJson.newMapper()}. */
    public static final int MAX_SOURCE_STATE_BYTES = 256;
    /** Upper bound of an {@link ItemGrowth} serialised as JSON, ids excluded (they are the store key). */
    public static final int MAX_ITEM_STATE_BYTES = 512;

    /**
     * @param sourceHalfLife how many polls of a source's items the baseline's memory halves over
     * @param minSpread the smallest spread of log growth per hour assumed (a source whose items all grow alike
     *     still needs a real difference)
     * @param zHalf the z that maps to score 0.5
     * @param alertScore an item becomes an alarm (START) at this score
     * @param endScore an alarmed item ends (END) once its score stayed below this for {@code quietPolls} polls
     * @param minGainPerHour engagement gained per hour below which an item is never alarmed
     * @param minSourcePolls polls of a source needed before its baseline is trusted
     */
    public record Params(double sourceHalfLife, double minSpread, double zHalf, double alertScore, double endScore,
            int quietPolls, double minGainPerHour, int minSourcePolls, Duration minPollGap) {
        public static Params defaults() {
            return new Params(200, 0.05, 3.0, 0.6, 0.4, 2, 200, 20, Duration.ofMinutes(1));
        }
    }

    /** A source's usual growth (mean and mean absolute deviation of log growth per hour). */
    public static final class SourceGrowth {
        public long polls;
        public double meanGrowth;
        public double meanAbsDeviation;
    }

    /** One item's last reading and alarm state. */
    public static final class ItemGrowth {
        public long lastAt;
        public long lastEngagement = -1;
        public boolean alerted;
        public long since;
        public double reportedScore;
        public int quietPolls;
    }

    /** What one poll made of the item. */
    public record Result(double growthPerHour, double gainPerHour, double expectedGainPerHour, double score,
            List<ViralityEvent> events) {}

    private final Params params;
    private final double alpha;

    public EngagementGrowthDetector(Params params) {
        this.params = params;
        this.alpha = 1.0 - Math.pow(0.5, 1.0 / params.sourceHalfLife());
    }

    /**
     * Learns from one poll and says whether the item is going viral.
     *
     * @throws IllegalArgumentException when the poll has no engagement figure or goes back in time; the caller
     *     dead-letters it and both states are unchanged
     */
    public Result observe(SourceGrowth source, ItemGrowth item, EngagementPoll poll) {
        long e = poll.engagement();
        if (e < 0) {
            throw new IllegalArgumentException("item " + poll.itemId() + " at " + poll.at()
                    + " has no views, likes or comments");
        }
        long at = poll.at().toEpochMilli();
        if (item.lastEngagement < 0) {
            item.lastAt = at;
            item.lastEngagement = e;
            return new Result(0, 0, 0, 0, List.of());
        }
        if (at <= item.lastAt) {
            throw new IllegalArgumentException("poll of item " + poll.itemId() + " at " + poll.at()
                    + " is not after the previous one, at " + Instant.ofEpochMilli(item.lastAt));
        }
        if (at - item.lastAt < params.minPollGap().toMillis()) {
            return new Result(0, 0, 0, 0, List.of()); // too close to measure a rate; wait for the next poll
        }
        double hours = (at - item.lastAt) / 3_600_000.0;
        double growth = (Math.log1p(e) - Math.log1p(item.lastEngagement)) / hours;
        double gain = (e - item.lastEngagement) / hours;
        double spread = Math.max(source.meanAbsDeviation * Math.sqrt(Math.PI / 2), params.minSpread());
        double z = (growth - source.meanGrowth) / spread;
        double expectedGain = (1 + item.lastEngagement) * Math.expm1(source.meanGrowth * hours) / hours;
        boolean trusted = source.polls >= params.minSourcePolls();
        double score = trusted && z > 0 && gain >= params.minGainPerHour() ? z / (z + params.zHalf()) : 0.0;

        // Learn, clipped at 4 spreads so one viral item does not become the source's normal.
        double clipped = source.meanGrowth + Math.max(-4 * spread, Math.min(4 * spread, growth - source.meanGrowth));
        if (source.polls == 0) {
            source.meanGrowth = growth;
        } else {
            double d = clipped - source.meanGrowth;
            source.meanGrowth += alpha * d;
            source.meanAbsDeviation += alpha * (Math.abs(d) - source.meanAbsDeviation);
        }
        source.polls++;

        List<ViralityEvent> events = List.of();
        SignalPhase phase = null;
        if (!item.alerted && score >= params.alertScore()) {
            item.alerted = true;
            item.since = item.lastAt;
            item.reportedScore = score;
            item.quietPolls = 0;
            phase = SignalPhase.START;
        } else if (item.alerted) {
            if (score < params.endScore()) {
                item.quietPolls++;
            } else {
                item.quietPolls = 0;
            }
            if (item.quietPolls >= params.quietPolls()) {
                item.alerted = false;
                phase = SignalPhase.END;
            } else if (Math.abs(score - item.reportedScore) >= 0.1) {
                item.reportedScore = score;
                phase = SignalPhase.UPDATE;
            }
        }
        if (phase != null) {
            double p = Probabilities.normalUpperTail(z);
            events = List.of(new ViralityEvent(SignalKind.ITEM_VIRALITY, phase, poll.itemId(), poll.source(),
                    Instant.ofEpochMilli(item.since), poll.at(), gain, Math.max(expectedGain, 0), score, p, 0, e));
        }
        item.lastAt = at;
        item.lastEngagement = e;
        return new Result(growth, gain, expectedGain, score, events);
    }
}
