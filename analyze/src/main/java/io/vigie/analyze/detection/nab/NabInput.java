package io.vigie.analyze.detection.nab;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;

/**
 * How one NAB series is fed to Vigie's volume detector, which is built for brand series: mention counts per
 * interval at the brand's own step. NAB's series differ in two ways, and both are handled here, by rules that
 * read only the series (no per-series tuning):
 * <ul>
 *   <li>Step: the detector's parameters are durations turned into per-observation rates through its
 *       {@code interval}, so each series runs at its own step, the median of its positive time differences (five
 *       minutes for the tweets, an hour for the ad exchange, thirty minutes for the taxi counts), as a brand's
 *       series runs at its window length. Longer differences are gaps ({@code GapPolicy.UNKNOWN}: not recorded).</li>
 *   <li>Values: a series of non-negative integers is fed as it is, as counts (the tweets, request counts, taxi
 *       passengers). Anything else (CPU percentages, temperatures, bytes, costs per click, negative values) has no
 *       Poisson noise to speak of, so it is mapped linearly onto {@code [0, FLOAT_RANGE]} with the series' minimum
 *       and maximum, which NAB hands every detector ({@code inputMin}, {@code inputMax}), and fed as counts of
 *       that scale: the count transform's noise floor of one Poisson spread is then a fixed share of the range.</li>
 *   <li>A row whose time is not after the previous fed row's (NAB has a few duplicated timestamps and one that
 *       goes back an hour) cannot be fed to an online detector: it is skipped, its anomaly score is 0, and
 *       {@code eval nab} prints how many.</li>
 * </ul>
 *
 * @param step the series' step (median positive time difference)
 * @param counts whether the values are fed as they are (non-negative integers)
 * @param min the series' minimum (NAB's inputMin)
 * @param max the series' maximum (NAB's inputMax)
 * @param range the count scale a non-count series is mapped onto ({@link #FLOAT_RANGE} in {@code eval nab})
 */
public record NabInput(Duration step, boolean counts, double min, double max, double range) {
    /**
     * The count scale a non-count series is mapped onto: the count transform's floor (one Poisson spread,
     * {@code sqrt(x)}) is then 0.3 % of the range at a tenth of it and 3 % at its top. Chosen, not tuned: 100 and
     * 10,000 score within three points of it on NAB's non-tweet series (analyze README).
     */
    public static final double FLOAT_RANGE = 1000.0;

    public NabInput {
        if (!(range > 0)) {
            throw new IllegalArgumentException("range must be > 0, got " + range);
        }
    }

    public static NabInput of(NabSeries series, Duration fallbackStep, double range) {
        double[] v = series.values();
        boolean counts = true;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            counts &= x >= 0 && x == Math.rint(x);
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        return new NabInput(medianStep(series, fallbackStep), counts, min, max, range);
    }

    /** The median of the positive time differences between consecutive rows; the fallback for one row. */
    static Duration medianStep(NabSeries series, Duration fallback) {
        long[] diffs = new long[Math.max(0, series.size() - 1)];
        int n = 0;
        for (int i = 1; i < series.size(); i++) {
            long d = Duration.between(series.timestamps().get(i - 1), series.timestamps().get(i)).toMillis();
            if (d > 0) {
                diffs[n++] = d;
            }
        }
        if (n == 0) {
            return fallback;
        }
        Arrays.sort(diffs, 0, n);
        return Duration.ofMillis(diffs[n / 2]);
    }

    /** The value the detector sees for a row's value. */
    public double feed(double value) {
        if (counts) {
            return value;
        }
        return max > min ? range * (value - min) / (max - min) : 0.0;
    }

    /** Whether a row at {@code time} can be fed after the last fed row, at {@code last} (null before the first). */
    static boolean after(LocalDateTime last, LocalDateTime time) {
        return last == null || time.isAfter(last);
    }
}
