package io.vigie.analyze.detection.series;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.model.SignalKind;
import io.vigie.model.VigieJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * Everything a {@link SeriesDetector} is configured with: one parameter set serves every brand (the model learns
 * each series' level, seasonality and noise itself). Durations, not interval counts, so the same set works on
 * one-minute and one-hour windows.
 *
 * @param transform how values are made homoscedastic ({@link Transform#COUNT} for mention counts)
 * @param interval the series' step: one observation per interval is expected
 * @param levelHalfLife how fast the local level follows the series
 * @param seasonHalfLifeDays how fast the hour-of-day and day-of-week profiles forget, in days
 * @param scaleHalfLife how fast the noise estimate follows the series
 * @param warmUp how long a new series is only learned from, never alarmed on
 * @param clipZ residuals beyond this many spreads are clipped before the model learns from them, so a spike does
 *     not become the new normal at once (a lasting shift still does, a little per interval)
 * @param recordHalfLife how fast the series' record z-score is forgotten
 * @param recordFloorZ the record z-score is never taken below this (a calm series still needs a real deviation)
 * @param zHalf the z-score relative to the record that maps to an anomaly score of 0.5
 *     ({@code r = z / record}, {@code score = r / (r + zHalf)})
 * @param onsetHalfLife how fast the memory of recent peaks fades: a point is an onset when its score beats that
 *     fading peak, so a crisis alarms once at its start, and again only for a stronger or later wave
 * @param calmScore a score under this is calm
 * @param calm once the score has been calm this long, the memory of past peaks is wiped: the next surge is an
 *     onset however it compares with the last crisis
 * @param watchScore an episode opens when the score reaches this; it is watched, not yet alarmed
 * @param endScore an open episode ends once the score has stayed below this for {@code quiet}
 * @param quiet how long the score must stay low before an episode ends (hysteresis: no flapping)
 * @param updateStep an alarmed episode emits UPDATE when its score moved this much since the last report
 * @param watchFalls whether drops below the expected value are alarms too
 * @param gapPolicy what a missing interval means
 * @param maxGapFill at most this much of a gap is filled with zeros ({@link GapPolicy#ZERO}); beyond, it is an
 *     outage and skipped
 * @param longRecordHalfLife how fast the long record z-score (weeks of memory) is forgotten
 * @param longRecordShare the z-score is compared with at least this share of the long record: a brand whose
 *     last crisis was a month ago must still beat a fraction of it, so its ordinary bursts do not all alarm once
 *     the recent record has faded (0 turns the long record off)
 * @param noveltyWindow counts only ({@link Transform#COUNT}): the span of the moving sum the busiest-window record
 *     is kept for (one hour). Null turns the novelty part off (parameter files written before it existed)
 * @param noveltyMargin a moving sum whose square root beats the record of earlier, disjoint sums by this share is
 *     a volume not seen before: it starts an alarm whatever its z-score (0.12 on square roots: about 25 % more
 *     mentions than the busiest window seen)
 * @param noveltyMinZ and by at least this many Poisson spreads (2 (sqrt(sum) - sqrt(record)) in Anscombe units), so
 *     a brand with a handful of mentions a day is not alarmed because three arrived in one hour
 * @param noveltyLag the record learns only from windows that ended at least this long ago (three hours), so a
 *     rise over a few hours is compared with the time before it and not with its own last hour
 * @param noveltyHalfLife how fast the busiest-window record is forgotten (a year: "the busiest hour of the year")
 * @param noveltyWarmUp how long the record is only learned, never alarmed on (a new brand beats its own record
 *     every hour of its first day)
 * @param materialShare a z-score alarm also needs the window's sum to reach this share of the busiest-window record
 *     (on square roots: 0.25 is about 6 % of the busiest window's mentions); a brand that had thousands of
 *     mentions an hour is not woken for a burst of a few dozen at night, however unusual for the hour
 * @param alertThreshold the anomaly score at which an episode becomes an alarm (START); chosen by NAB's threshold
 *     optimisation, see {@code vigie eval nab}
 */
public record SeriesParams(
        Transform transform,
        Duration interval,
        Duration levelHalfLife,
        double seasonHalfLifeDays,
        Duration scaleHalfLife,
        Duration warmUp,
        double clipZ,
        Duration recordHalfLife,
        double recordFloorZ,
        double zHalf,
        Duration onsetHalfLife,
        double calmScore,
        Duration calm,
        double watchScore,
        double endScore,
        Duration quiet,
        double updateStep,
        boolean watchFalls,
        GapPolicy gapPolicy,
        Duration maxGapFill,
        Duration longRecordHalfLife,
        double longRecordShare,
        Duration noveltyWindow,
        double noveltyMargin,
        double noveltyMinZ,
        Duration noveltyLag,
        Duration noveltyHalfLife,
        Duration noveltyWarmUp,
        double materialShare,
        double alertThreshold) {

    /** The resource holding the volume detector's parameters and the threshold NAB's optimisation chose. */
    public static final String VOLUME_RESOURCE = "/io/vigie/analyze/detection/series/volume-detector.json";

    public SeriesParams {
        positive(interval, "interval");
        positive(levelHalfLife, "levelHalfLife");
        positive(scaleHalfLife, "scaleHalfLife");
        positive(recordHalfLife, "recordHalfLife");
        positive(onsetHalfLife, "onsetHalfLife");
        positive(calm, "calm");
        positive(longRecordHalfLife, "longRecordHalfLife");
        if (!(longRecordShare >= 0 && longRecordShare <= 1)) {
            throw new IllegalArgumentException("longRecordShare must be in [0, 1], got " + longRecordShare);
        }
        if (transform == null || gapPolicy == null || warmUp == null || warmUp.isNegative() || maxGapFill == null
                || quiet == null || quiet.isNegative()) {
            throw new IllegalArgumentException("transform, gapPolicy, warmUp, quiet and maxGapFill are required");
        }
        if (!(seasonHalfLifeDays > 0) || !(clipZ > 0) || !(zHalf > 0) || !(recordFloorZ > 0)) {
            throw new IllegalArgumentException("seasonHalfLifeDays, clipZ, recordFloorZ and zHalf must be > 0");
        }
        if (!(endScore >= 0 && endScore <= watchScore && watchScore <= alertThreshold && alertThreshold <= 1)) {
            throw new IllegalArgumentException("need 0 <= endScore <= watchScore <= alertThreshold <= 1, got "
                    + endScore + ", " + watchScore + ", " + alertThreshold);
        }
        if (noveltyWindow != null) {
            positive(noveltyWindow, "noveltyWindow");
            positive(noveltyHalfLife, "noveltyHalfLife");
            positive(noveltyLag, "noveltyLag");
            if (noveltyWarmUp == null || noveltyWarmUp.isNegative()) {
                throw new IllegalArgumentException("noveltyWarmUp is required with noveltyWindow");
            }
            if (!(noveltyMargin >= 0) || !(noveltyMinZ >= 0) || !(materialShare >= 0 && materialShare <= 1)) {
                throw new IllegalArgumentException("need noveltyMargin >= 0, noveltyMinZ >= 0 and materialShare in"
                        + " [0, 1], got " + noveltyMargin + ", " + noveltyMinZ + ", " + materialShare);
            }
        }
        if (!(updateStep > 0)) {
            throw new IllegalArgumentException("updateStep must be > 0");
        }
    }

    private static void positive(Duration d, String name) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
        }
    }

    /** The volume detector's committed parameters (the NAB-tuned set), for mention-count series. */
    public static SeriesParams volume() {
        try (InputStream in = SeriesParams.class.getResourceAsStream(VOLUME_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + VOLUME_RESOURCE + " is missing from the classpath");
            }
            ObjectMapper json = VigieJson.newMapper();
            return json.treeToValue(json.readTree(in).get("params"), SeriesParams.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + VOLUME_RESOURCE, e);
        }
    }

    /**
     * Parameters for one kind of brand series at a given step: the committed volume set, with the transform that
     * fits the kind (counts, reach, share) and the window length of the stats feeding it.
     */
    public static SeriesParams forKind(SignalKind kind, Duration interval) {
        SeriesParams base = volume().withInterval(interval).withGapPolicy(GapPolicy.ZERO);
        return switch (kind) {
            case VOLUME, NEGATIVE_VOLUME -> base;
            case REACH -> base.withTransform(Transform.LOG);
            case NEGATIVE_SHARE -> base.withTransform(Transform.IDENTITY).withGapPolicy(GapPolicy.UNKNOWN);
            case ITEM_VIRALITY, COPY_SPREAD -> throw new IllegalArgumentException(
                    kind + " is not a brand series: use the virality detectors");
        };
    }

    public SeriesParams withInterval(Duration value) {
        return new SeriesParams(transform, value, levelHalfLife, seasonHalfLifeDays, scaleHalfLife, warmUp, clipZ,
                recordHalfLife, recordFloorZ, zHalf, onsetHalfLife, calmScore, calm, watchScore, endScore, quiet, updateStep, watchFalls, gapPolicy, maxGapFill, longRecordHalfLife, longRecordShare, noveltyWindow, noveltyMargin, noveltyMinZ, noveltyLag, noveltyHalfLife, noveltyWarmUp, materialShare, alertThreshold);
    }

    public SeriesParams withTransform(Transform value) {
        return new SeriesParams(value, interval, levelHalfLife, seasonHalfLifeDays, scaleHalfLife, warmUp, clipZ,
                recordHalfLife, recordFloorZ, zHalf, onsetHalfLife, calmScore, calm, watchScore, endScore, quiet, updateStep, watchFalls, gapPolicy, maxGapFill, longRecordHalfLife, longRecordShare, noveltyWindow, noveltyMargin, noveltyMinZ, noveltyLag, noveltyHalfLife, noveltyWarmUp, materialShare, alertThreshold);
    }

    public SeriesParams withGapPolicy(GapPolicy value) {
        return new SeriesParams(transform, interval, levelHalfLife, seasonHalfLifeDays, scaleHalfLife, warmUp, clipZ,
                recordHalfLife, recordFloorZ, zHalf, onsetHalfLife, calmScore, calm, watchScore, endScore, quiet, updateStep, watchFalls, value, maxGapFill, longRecordHalfLife, longRecordShare, noveltyWindow, noveltyMargin, noveltyMinZ, noveltyLag, noveltyHalfLife, noveltyWarmUp, materialShare, alertThreshold);
    }

    public SeriesParams withAlertThreshold(double value) {
        return new SeriesParams(transform, interval, levelHalfLife, seasonHalfLifeDays, scaleHalfLife, warmUp, clipZ,
                recordHalfLife, recordFloorZ, zHalf, onsetHalfLife, calmScore, calm, Math.min(watchScore, value), Math.min(endScore, value), quiet, updateStep, watchFalls, gapPolicy,
                maxGapFill, longRecordHalfLife, longRecordShare, noveltyWindow, noveltyMargin, noveltyMinZ, noveltyLag, noveltyHalfLife,
                noveltyWarmUp, materialShare, value);
    }

    /** The same parameters without the novelty part (busiest-window record and material share): the z-score alone. */
    public SeriesParams withoutNovelty() {
        return new SeriesParams(transform, interval, levelHalfLife, seasonHalfLifeDays, scaleHalfLife, warmUp, clipZ,
                recordHalfLife, recordFloorZ, zHalf, onsetHalfLife, calmScore, calm, watchScore, endScore, quiet,
                updateStep, watchFalls, gapPolicy, maxGapFill, longRecordHalfLife, longRecordShare, null, 0, 0, null, null, null,
                0, alertThreshold);
    }

    public SeriesParams withWatchFalls(boolean value) {
        return new SeriesParams(transform, interval, levelHalfLife, seasonHalfLifeDays, scaleHalfLife, warmUp, clipZ,
                recordHalfLife, recordFloorZ, zHalf, onsetHalfLife, calmScore, calm, watchScore, endScore, quiet, updateStep, value, gapPolicy, maxGapFill, longRecordHalfLife, longRecordShare, noveltyWindow, noveltyMargin, noveltyMinZ, noveltyLag, noveltyHalfLife, noveltyWarmUp, materialShare, alertThreshold);
    }
}
