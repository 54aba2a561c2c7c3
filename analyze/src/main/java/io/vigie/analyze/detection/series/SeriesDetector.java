package io.vigie.analyze.detection.series;

import io.vigie.model.Direction;
import io.vigie.model.SignalPhase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Online spike detector for one brand series (mention volume, negative volume, negative share, reach), one
 * observation per interval, each seen once, in order.
 *
 * <p>The model, in transformed units (see {@link Transform}): expected = local level + hour-of-day profile +
 * day-of-week profile, all learned from the series by exponential forgetting; the spread is a running mean
 * absolute residual, never below the transform's noise floor (Poisson for counts). A point's z-score
 * (residual / spread) is then compared with the series' own recent record z (a maximum that halves every
 * {@code recordHalfLife}, never below {@code recordFloorZ}): {@code r = z / record} maps to the anomaly score
 * {@code r / (r + zHalf)} in [0, 1). Residuals are clipped at
 * {@code clipZ} spreads before the model learns from them, so a spike is not absorbed as the new normal.
 *
 * <p>The lifecycle: an episode opens at {@code watchScore}, becomes an alarm (START) when its score reaches
 * {@code alertThreshold}, emits UPDATE as the score moves by {@code updateStep}, and ENDs once the score has stayed
 * below {@code endScore} for {@code quiet}: hysteresis, so a crisis neither flaps nor re-alarms every interval.
 *
 * <p>For counts, a second, independent trigger: the busiest-window record (the square root of the busiest one-hour
 * sum seen, learned from hours that ended {@code noveltyLag} ago or more). An hour that beats it by
 * {@code noveltyMargin} starts an alarm whatever its z-score (a slow rise over hours, never outstanding at any one
 * interval, still alarms once it is more than the brand ever had); and a z-score alarm needs the hour to reach
 * {@code materialShare} of it (a big brand is not woken for a few dozen mentions at night).
 *
 * <p>The detector holds only its parameters; all memory of a series is in a {@link SeriesState}, so one detector
 * serves every brand and the state can live in a key-value store.
 */
public final class SeriesDetector {
    private static final double MEAN_ABS_TO_SIGMA = Math.sqrt(Math.PI / 2);
    private static final long HOUR = 3_600_000L;
    private static final double MIN_LEVEL_STEPS = 12;
    private static final long DAY = 86_400_000L;
    /**
     * Cold start (a count series younger than its warm-up, so a brand added without history): an alarm when the
     * window's sum is at least this many times the highest sum of the block of one window before the last (so the
     * first judgement comes two windows after the series began). An ordinary day's ramp grows far
     * less from one hour to the next; a crisis multiplies it.
     */
    static final double COLD_START_FACTOR = 2.5;
    /**
     * ... and at least this many Poisson spreads above it (2 (sqrt(sum) - sqrt(baseline)) in Anscombe units): a
     * brand with a handful of mentions is not paged because ten arrived in an hour (six spreads: about 12 mentions
     * over an empty baseline, 30 over 5, 85 over 25).
     */
    static final double COLD_START_MIN_Z = 6.0;

    private final SeriesParams params;
    private final Transform transform;
    private final long intervalMillis;
    private final double levelAlpha;
    private final double scaleAlpha;
    private final double hourAlpha;
    private final double dayAlpha;
    private final double recordDecay;
    private final double longRecordDecay;
    private final double onsetDecay;
    private final long calmSteps;
    private final long warmUpMillis;
    private final long quietSteps;
    private final long maxFillSteps;
    private final int noveltySteps;
    private final int lagBlocks;
    private final double noveltyDecay;
    private final long noveltyWarmUpMillis;

    public SeriesDetector(SeriesParams params) {
        this.params = params;
        this.transform = params.transform();
        this.intervalMillis = params.interval().toMillis();
        double step = intervalMillis;
        // At least MIN_LEVEL_STEPS observations per half-life: a level averaging fewer follows the noise and soaks
        // up the daily and weekly cycle the profiles should learn (hourly windows with a 4 h half-life alarmed on
        // every Monday morning). Five-minute windows are far above the floor.
        this.levelAlpha = alpha(Math.max(params.levelHalfLife().toMillis() / step, MIN_LEVEL_STEPS));
        this.scaleAlpha = alpha(params.scaleHalfLife().toMillis() / step);
        // Each hour bin is visited (1 h / interval) times a day: forget it over seasonHalfLifeDays days.
        this.hourAlpha = alpha(params.seasonHalfLifeDays() * Math.max(1.0, HOUR / step));
        // Each weekday is visited (1 day / interval) times a week: forget it over seasonHalfLifeDays weeks.
        this.dayAlpha = alpha(params.seasonHalfLifeDays() * Math.max(1.0, DAY / step));
        this.recordDecay = Math.pow(0.5, step / params.recordHalfLife().toMillis());
        this.longRecordDecay = Math.pow(0.5, step / params.longRecordHalfLife().toMillis());
        this.onsetDecay = Math.pow(0.5, step / params.onsetHalfLife().toMillis());
        this.calmSteps = Math.max(1, Math.round(params.calm().toMillis() / step));
        this.warmUpMillis = params.warmUp().toMillis();
        this.quietSteps = Math.max(1, Math.round(params.quiet().toMillis() / step));
        this.maxFillSteps = params.maxGapFill().toMillis() / intervalMillis;
        boolean novelty = params.noveltyWindow() != null && transform == Transform.COUNT;
        this.noveltySteps = novelty ? (int) Math.max(1, Math.min(SeriesState.MAX_RING,
                Math.round(params.noveltyWindow().toMillis() / step))) : 0;
        this.lagBlocks = novelty ? (int) Math.max(1, Math.min(SeriesState.MAX_RING,
                Math.round(params.noveltyLag().toMillis() / (step * noveltySteps)))) : 0;
        this.noveltyDecay = novelty ? Math.pow(0.5, step / params.noveltyHalfLife().toMillis()) : 1.0;
        this.noveltyWarmUpMillis = novelty ? params.noveltyWarmUp().toMillis() : 0;
    }

    /** Weight of a new value for an exponential average whose memory halves every {@code halfLifeSteps}. */
    private static double alpha(double halfLifeSteps) {
        return 1.0 - Math.pow(0.5, 1.0 / Math.max(halfLifeSteps, 1e-9));
    }

    public SeriesParams params() {
        return params;
    }

    public SeriesState newState() {
        return new SeriesState();
    }

    /**
     * Learns from one observation and says how unusual it was.
     *
     * @param time the start of the observation's interval, epoch milliseconds
     * @param value the series' value over that interval (mentions, share, reach)
     * @throws IllegalArgumentException when the value is not a finite number (negative, for counts and reach),
     *     or the time is not after the last observation's: the caller dead-letters it, the state is unchanged
     */
    public Observation observe(SeriesState state, long time, double value) {
        if (!Double.isFinite(value) || (value < 0 && transform != Transform.IDENTITY)) {
            throw new IllegalArgumentException("value " + value + " at " + Instant.ofEpochMilli(time)
                    + " is not a finite " + (transform == Transform.IDENTITY ? "number" : "non-negative number"));
        }
        if (state.count == 0) {
            state.firstTime = time;
            state.lastTime = time;
            state.count = 1;
            state.level = transform.forward(value);
            return new Observation(time, value, value, 0, 0, 0, List.of());
        }
        if (time <= state.lastTime) {
            throw new IllegalArgumentException("observation at " + Instant.ofEpochMilli(time)
                    + " is not after the last one, at " + Instant.ofEpochMilli(state.lastTime));
        }
        List<SeriesEvent> events = null;
        long steps = Math.round((time - state.lastTime) / (double) intervalMillis);
        if (steps > 1 && params.gapPolicy() == GapPolicy.ZERO) {
            long fill = Math.min(steps - 1, maxFillSteps);
            long from = state.lastTime;
            for (long k = 1; k <= fill; k++) {
                events = step(state, from + k * intervalMillis, 0.0, 0, events, null);
            }
        }
        double[] out = new double[4];
        events = step(state, time, value, 0, events, out);
        return new Observation(time, value, out[0], out[1], out[2], out[3], events == null ? List.of() : events);
    }

    /**
     * Learns from one interval's share (negative mentions among all) and says how unusual it was. The share's
     * noise is binomial: with three mentions a share of 100 % is nothing, with three hundred it is a crisis; the
     * spread assumed is never below {@code sqrt(p (1 - p) / total)}. An interval with no mention says nothing
     * about the share and is skipped (return value null). Use with {@link Transform#IDENTITY} parameters
     * ({@code SeriesParams.forKind(NEGATIVE_SHARE, …)}).
     *
     * @throws IllegalArgumentException when {@code negative} is not in [0, total], or time goes back
     */
    public Observation observeShare(SeriesState state, long time, long negative, long total) {
        if (negative < 0 || total < 0 || negative > total) {
            throw new IllegalArgumentException("negative " + negative + " of " + total + " mentions at "
                    + Instant.ofEpochMilli(time) + " is not a share");
        }
        if (transform != Transform.IDENTITY) {
            throw new IllegalStateException("observeShare needs IDENTITY parameters, this detector uses " + transform);
        }
        if (total == 0) {
            return null;
        }
        double share = (double) negative / total;
        if (state.count == 0) {
            return observe(state, time, share);
        }
        if (time <= state.lastTime) {
            throw new IllegalArgumentException("observation at " + Instant.ofEpochMilli(time)
                    + " is not after the last one, at " + Instant.ofEpochMilli(state.lastTime));
        }
        double[] out = new double[4];
        List<SeriesEvent> events = step(state, time, share, total, null, out);
        return new Observation(time, share, out[0], out[1], out[2], out[3], events == null ? List.of() : events);
    }

    /** One interval: score, learn, track the episode. {@code out} receives expected, z, score, onset score. */
    private List<SeriesEvent> step(SeriesState s, long time, double x, long trials, List<SeriesEvent> events,
            double[] out) {
        double y = transform.forward(x);
        int hour = (int) Math.floorMod(time / HOUR, 24L);
        int day = (int) Math.floorMod(Math.floorDiv(time, DAY) + 3, 7L); // epoch day 0 was a Thursday; 0 = Monday
        double seasonal = s.hourly[hour] + s.weekly[day];
        double expectedY = s.level + seasonal;
        double floor = transform.noiseFloor();
        if (trials > 0) {
            // A share of n mentions cannot be known better than the binomial spread sqrt(p (1 - p) / n).
            double p = Math.max(0.05, Math.min(0.95, s.level + seasonal));
            floor = Math.max(floor, Math.sqrt(p * (1 - p) / trials));
        }
        double sigma = Math.max(s.scale * MEAN_ABS_TO_SIGMA, floor);
        double residual = y - expectedY;
        double z = residual / sigma;
        boolean warm = time - s.firstTime >= warmUpMillis;
        double directed = params.watchFalls() ? Math.abs(z) : Math.max(z, 0.0);
        // Rarity: z against the series' own recent record (a slowly forgetting maximum). A bursty series must
        // beat its usual bursts; a calm one alarms at a smaller deviation. This is what lets one threshold serve
        // every brand.
        // The recent record forgets within days; a share of the long record (weeks) keeps a brand that had a real
        // crisis last month from alarming on every ordinary burst once the recent record has faded.
        double record = Math.max(s.recordZ, params.longRecordShare() * s.longRecordZ);
        double relative = directed / Math.max(record, params.recordFloorZ());
        double score = warm && directed > 0 ? relative / (relative + params.zHalf()) : 0.0;
        s.recordZ = Math.max(directed, s.recordZ * recordDecay);
        if (warm) {
            // Only after warm-up: the first hours' z-scores rest on a model that has not learned the series yet.
            s.longRecordZ = Math.max(directed, s.longRecordZ * longRecordDecay);
        }

        double limit = params.clipZ() * sigma;
        double clipped = Math.max(-limit, Math.min(limit, residual));
        double learned = expectedY + clipped;
        s.level += levelAlpha * (learned - seasonal - s.level);
        double deviation = learned - s.level;
        s.hourly[hour] += hourAlpha * (deviation - s.weekly[day] - s.hourly[hour]);
        s.weekly[day] += dayAlpha * (deviation - s.hourly[hour] - s.weekly[day]);
        s.scale += scaleAlpha * (Math.abs(clipped) - s.scale);
        s.count++;
        s.lastTime = time;
        int novelty = noveltySteps > 0 ? busiestWindow(s, time, x) : NOT_JUDGED;

        double expected = transform.inverse(expectedY);
        int direction = z >= 0 ? 1 : -1;
        // Onset: a score above the fading memory of recent peaks. One high value at a crisis' onset (and again
        // at a later, stronger wave), not one per interval while it lasts.
        // The memory is wiped once the series has been calm (score under calmScore) for a while.
        s.calmSteps = score < params.calmScore() ? s.calmSteps + 1 : 0;
        if (s.calmSteps >= calmSteps) {
            s.onsetPeak = 0.0;
        }
        double remembered = s.onsetPeak * onsetDecay;
        // Once an episode is alarmed, its later peaks are UPDATEs, not new onsets: one alarm per crisis.
        double onset = score > remembered && !s.alerted && novelty != SMALL ? score : 0.0;
        boolean windowAlarm = novelty == NEW_RECORD || novelty == COLD_BURST;
        if (windowAlarm && !s.alerted) {
            // More mentions in the window than in any earlier one: an alarm whatever the z-score, which a
            // brand's slow, hours-long rise never makes outstanding at any single point.
            onset = 1.0;
        }
        s.onsetPeak = Math.max(score, remembered);

        if (s.alerted && direction != s.direction && score >= params.watchScore()) {
            // The series swung hard the other way: that alarm is over.
            events = add(events, event(s, SignalPhase.END, time, x, expected, z, sigma, score));
            s.alerted = false;
            s.active = false;
        }
        // Watching: since when the score has been unusual, for the alarm's "since".
        if (score >= params.watchScore()) {
            if (!s.active || s.direction != direction) {
                s.active = true;
                s.since = time;
                s.direction = direction;
            }
        } else if (score < params.endScore() && !s.alerted) {
            s.active = false;
        }
        if (!s.alerted) {
            if (onset >= params.alertThreshold()) {
                if (!s.active) {
                    s.since = time;
                }
                s.active = true;
                s.alerted = true;
                // A busiest-window record is a rise even when its last interval dipped under the expected value.
                s.direction = windowAlarm ? 1 : direction;
                s.episodes++;
                // A START raised by the busiest-window record reports its onset score, 1: what started it.
                s.peakScore = windowAlarm ? onset : score;
                s.peakObserved = x;
                s.peakExpected = expected;
                s.reportedScore = score;
                s.quietSteps = 0;
                events = add(events, event(s, SignalPhase.START, time, x, expected, z, sigma, s.peakScore,
                        windowAlarm, novelty == COLD_BURST ? s.coldPeak : previousBusiest(s)));
            }
        } else {
            if (score > s.peakScore) {
                s.peakScore = score;
                s.peakObserved = x;
                s.peakExpected = expected;
            }
            if (Math.abs(score - s.reportedScore) >= params.updateStep()) {
                s.reportedScore = score;
                events = add(events, event(s, SignalPhase.UPDATE, time, x, expected, z, sigma, score));
            }
            s.quietSteps = score < params.endScore() ? s.quietSteps + 1 : 0;
            if (s.quietSteps >= quietSteps) {
                events = add(events, event(s, SignalPhase.END, time, x, expected, z, sigma, score));
                s.alerted = false;
                s.active = false;
            }
        }
        s.lastScore = score;
        if (out != null) {
            out[0] = expected;
            out[1] = z;
            out[2] = score;
            out[3] = onset;
        }
        return events;
    }

    /** The busiest earlier window's sum, in mentions (the record is kept as a square root). */
    private static double previousBusiest(SeriesState s) {
        return Math.max(0.0, s.busiest * s.busiest - 0.375);
    }

    private static final int NOT_JUDGED = 0;
    private static final int NEW_RECORD = 1;
    private static final int SMALL = 2;
    private static final int COLD_BURST = 3;

    /**
     * Moves the window's sum on by one observation and compares it with the busiest earlier window: NEW_RECORD
     * when its square root beats that record by {@code noveltyMargin} and by {@code noveltyMinZ} Poisson spreads
     * (the Anscombe transform's unit), SMALL when it is under {@code materialShare}
     * of it (too few mentions to wake anyone, however unusual for the hour), else NOT_JUDGED. The record only
     * learns from sums that ended {@code noveltyLag} ago or more (in blocks of one window: between the lag and the
     * lag plus one window), so a burst that rises over a few hours is compared with the time before it, not with its
     * own rise. Constant memory: one window of values and one peak per window of lag.
     */
    private int busiestWindow(SeriesState s, long time, double x) {
        if (s.noveltySteps != noveltySteps || s.lagBlocks != lagBlocks) {
            // A new state, one read from an older format or one kept under another window: start the record over.
            s.noveltySteps = noveltySteps;
            s.lagBlocks = lagBlocks;
            s.recentValues = new double[noveltySteps];
            s.blockPeaks = new double[lagBlocks];
            s.noveltyTick = 0;
            s.noveltySum = 0;
            s.busiest = 0;
            s.blockPeak = 0;
            s.noveltyStart = time;
        }
        long tick = s.noveltyTick++;
        int valuePos = (int) (tick % noveltySteps);
        s.noveltySum = Math.max(0.0, s.noveltySum - s.recentValues[valuePos] + x);
        s.recentValues[valuePos] = x;
        s.busiest *= noveltyDecay;
        s.blockPeak = Math.max(s.blockPeak, s.noveltySum);
        if (valuePos == noveltySteps - 1) {
            // A block of one window ends. The block it replaces in the ring ended lagBlocks windows ago: its sums
            // are old enough to be the record a new hour is compared with.
            int blockPos = (int) ((tick / noveltySteps) % lagBlocks);
            s.busiest = Math.max(s.busiest, Math.sqrt(s.blockPeaks[blockPos] + 0.375));
            s.blockPeaks[blockPos] = s.blockPeak;
            // The cold-start baseline is the block before the last: the window being judged (the last block and the
            // current one at most) is never its own baseline, and a brand's quiet night is not judged against its
            // busy evening.
            s.coldPeak = s.coldPending;
            s.coldPending = s.blockPeak;
            s.blockPeak = 0;
        }
        if (!s.alerted && time - s.firstTime < warmUpMillis && tick >= 2L * noveltySteps && coldBurst(s)) {
            return COLD_BURST;
        }
        boolean full = tick >= (long) noveltySteps * (lagBlocks + 1);
        if (!full) {
            return NOT_JUDGED;
        }
        double root = Math.sqrt(s.noveltySum + 0.375);
        if (s.alerted) {
            // An alarmed episode's volume is known already: the record takes it in at once, not after the lag, so
            // a lasting step is one alarm and does not alarm again as "new" once its first alarm has ended.
            s.busiest = Math.max(s.busiest, root);
            return NOT_JUDGED;
        }
        if (time - s.noveltyStart >= noveltyWarmUpMillis && root > s.busiest * (1 + params.noveltyMargin())
                && 2 * (root - s.busiest) >= params.noveltyMinZ()) {
            return NEW_RECORD;
        }
        return root < params.materialShare() * s.busiest ? SMALL : NOT_JUDGED;
    }

    /** The cautious rule of a series still in its warm-up: a window far above the busiest earlier one. */
    private static boolean coldBurst(SeriesState s) {
        double excess = 2 * (Math.sqrt(s.noveltySum + 0.375) - Math.sqrt(s.coldPeak + 0.375));
        return s.noveltySum >= COLD_START_FACTOR * s.coldPeak && excess >= COLD_START_MIN_Z;
    }

    private static List<SeriesEvent> add(List<SeriesEvent> events, SeriesEvent e) {
        List<SeriesEvent> list = events == null ? new ArrayList<>(2) : events;
        list.add(e);
        return list;
    }

    private SeriesEvent event(SeriesState s, SignalPhase phase, long time, double x, double expected, double z,
            double sigma, double score) {
        return event(s, phase, time, x, expected, z, sigma, score, false, Double.NaN);
    }

    private SeriesEvent event(SeriesState s, SignalPhase phase, long time, double x, double expected, double z,
            double sigma, double score, boolean busiestWindow, double recordBeaten) {
        Direction direction = s.direction > 0 ? Direction.RISE : Direction.FALL;
        return new SeriesEvent(phase, direction, s.episodes, Instant.ofEpochMilli(s.since), Instant.ofEpochMilli(time),
                x, expected, score, s.peakScore, pValue(x, expected, z, sigma, direction), busiestWindow,
                busiestWindow ? s.noveltySum : Double.NaN, busiestWindow ? recordBeaten : Double.NaN);
    }

    /**
     * For counts with a small expected value, a quasi-Poisson tail (Poisson scaled by the learned
     * over-dispersion, sigma² in Anscombe units), exact where a normal approximation is poor; else the normal tail
     * of the z-score.
     */
    private double pValue(double x, double expected, double z, double sigma, Direction direction) {
        if (transform == Transform.COUNT && expected < 50) {
            double dispersion = Math.max(1.0, sigma * sigma);
            return direction == Direction.RISE
                    ? Probabilities.poissonUpperTail(x / dispersion, expected / dispersion)
                    : Probabilities.poissonLowerTail(x / dispersion, expected / dispersion);
        }
        return Probabilities.normalUpperTail(Math.abs(z));
    }
}
