package io.vigie.analyze.detection.nab;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * NAB's scoring rules (numenta/NAB {@code nab/sweeper.py}, the version that produced the published results),
 * rewritten in Java: every row gets a sweep score from its position relative to the labelled windows, then a
 * threshold turns anomaly scores into detections and the score is the sum of
 * <ul>
 *   <li>per window: the best sweep score among its detected rows, or {@code -fnWeight} when none is detected;
 *       a row at relative position {@code p = -(right - i + 1) / width} scores
 *       {@code tpWeight * scaledSigmoid(p) / scaledSigmoid(-1)}, so the earliest detection counts most;</li>
 *   <li>per detected row outside every window: {@code fpWeight * scaledSigmoid(|prevRight - i| / (prevWidth - 1))}
 *       after a window, {@code -fpWeight} before the first one.</li>
 * </ul>
 * Rows of the probationary period ({@code min(floor(0.15 n), 0.15 * 5000)} first rows) are ignored, windows
 * included. A row is detected when its anomaly score is {@code >= threshold}.
 */
public final class NabSweeper {
    /** NAB's {@code probationaryPercent}. */
    public static final double DEFAULT_PROBATION_PERCENT = 0.15;

    private final double probationPercent;
    private final CostMatrix costs;

    public NabSweeper(double probationPercent, CostMatrix costs) {
        if (!(probationPercent >= 0 && probationPercent < 1)) {
            throw new IllegalArgumentException("probationPercent must be in [0, 1): " + probationPercent);
        }
        this.probationPercent = probationPercent;
        this.costs = costs;
    }

    public NabSweeper(CostMatrix costs) {
        this(DEFAULT_PROBATION_PERCENT, costs);
    }

    /**
     * One row as the sweep sees it.
     *
     * @param window index of the window (in the series' window list) the row lies in, -1 outside every window
     */
    public record SweptRow(double anomalyScore, double sweepScore, int window, boolean probationary) {}

    /** One series after the sweep: its rows and how many windows it has. */
    public record SweptSeries(String name, List<SweptRow> rows, int windowCount) {}

    /** NAB's scaled sigmoid: 0.98661 at -1 (window start), 0 at 0 (window end), -1 from 3 on. */
    public static double scaledSigmoid(double relativePosition) {
        if (relativePosition >= 3.0) {
            return -1.0;
        }
        return 2.0 / (1.0 + Math.exp(5.0 * relativePosition)) - 1.0;
    }

    /** How many first rows of a series of {@code rows} rows are probationary (compared as {@code i < length}). */
    public double probationaryLength(int rows) {
        return Math.min(Math.floor(probationPercent * rows), probationPercent * 5000);
    }

    /**
     * Sweep scores of one series.
     *
     * @throws IllegalArgumentException when a window end is not a row's timestamp, windows overlap or are out of
     *     order, or an anomaly score is not a finite number
     */
    public SweptSeries sweep(String name, List<LocalDateTime> timestamps, double[] anomalyScores,
            List<LabelledWindow> windows) {
        if (timestamps.size() != anomalyScores.length) {
            throw new IllegalArgumentException(name + ": " + timestamps.size() + " timestamps but "
                    + anomalyScores.length + " anomaly scores");
        }
        Map<LocalDateTime, Integer> indexOf = new HashMap<>();
        for (int i = timestamps.size() - 1; i >= 0; i--) {
            indexOf.put(timestamps.get(i), i); // first occurrence wins, as list.index does
        }
        int[] left = new int[windows.size()];
        int[] right = new int[windows.size()];
        for (int w = 0; w < windows.size(); w++) {
            LabelledWindow window = windows.get(w);
            Integer l = indexOf.get(window.start());
            Integer r = indexOf.get(window.end());
            if (l == null || r == null) {
                throw new IllegalArgumentException(name + ": window " + window.start() + " .. " + window.end()
                        + " does not start and end on timestamps of the series");
            }
            if (w > 0 && l <= right[w - 1]) {
                throw new IllegalArgumentException(name + ": windows overlap or are out of order at " + window.start());
            }
            left[w] = l;
            right[w] = r;
        }
        double maxTp = scaledSigmoid(-1.0);
        double probation = probationaryLength(timestamps.size());
        List<SweptRow> rows = new ArrayList<>(timestamps.size());
        int next = 0;
        int current = -1;
        int previous = -1;
        for (int i = 0; i < timestamps.size(); i++) {
            double anomaly = anomalyScores[i];
            if (!Double.isFinite(anomaly)) {
                throw new IllegalArgumentException(name + ": anomaly score at row " + i + " is " + anomaly);
            }
            if (current < 0 && next < windows.size() && i == left[next]) {
                current = next++;
            }
            double sweepScore;
            if (current >= 0) {
                double width = right[current] - left[current] + 1;
                double position = -(right[current] - i + 1) / width;
                sweepScore = scaledSigmoid(position) * costs.tpWeight() / maxTp;
            } else {
                double position;
                if (previous < 0) {
                    position = 3.0;
                } else {
                    double previousWidth = right[previous] - left[previous] + 1;
                    // NAB divides by zero after a one-row window; such a window gives no proximity credit here.
                    position = previousWidth <= 1 ? 3.0 : Math.abs(right[previous] - i) / (previousWidth - 1);
                }
                sweepScore = scaledSigmoid(position) * costs.fpWeight();
            }
            rows.add(new SweptRow(anomaly, sweepScore, current, i < probation));
            if (current >= 0 && i == right[current]) {
                previous = current;
                current = -1;
            }
        }
        return new SweptSeries(name, List.copyOf(rows), windows.size());
    }

    /**
     * The score at every distinct threshold over one or several series (NAB's {@code calcScoreByThreshold}),
     * highest threshold first; the first row, at 1.1, detects nothing.
     */
    public List<ThresholdScore> scoresByThreshold(List<SweptSeries> corpus) {
        Scorable scorable = new Scorable(corpus);
        int n = scorable.size;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // Stable, like Python's sorted(reverse=True): equal scores keep row order.
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scorable.anomaly[i]).reversed());
        Tally tally = new Tally(scorable);
        List<ThresholdScore> out = new ArrayList<>();
        double current = 1.1;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (scorable.anomaly[i] != current) {
                out.add(tally.at(current));
                current = scorable.anomaly[i];
            }
            tally.detect(i);
        }
        out.add(tally.at(current));
        return out;
    }

    /** The score at one threshold: rows whose anomaly score is {@code >= threshold} are detections. */
    public ThresholdScore scoreAt(List<SweptSeries> corpus, double threshold) {
        Scorable scorable = new Scorable(corpus);
        Tally tally = new Tally(scorable);
        for (int i = 0; i < scorable.size; i++) {
            if (scorable.anomaly[i] >= threshold) {
                tally.detect(i);
            }
        }
        return tally.at(threshold);
    }

    /** The score of one series at one threshold. */
    public ThresholdScore scoreAt(SweptSeries series, double threshold) {
        return scoreAt(List.of(series), threshold);
    }

    /**
     * NAB's threshold optimisation: the best score over every distinct threshold of the corpus; on a tie the
     * highest threshold wins (Python's stable sort keeps the first).
     */
    public ThresholdScore optimise(List<SweptSeries> corpus) {
        ThresholdScore best = null;
        for (ThresholdScore s : scoresByThreshold(corpus)) {
            if (best == null || s.score() > best.score()) {
                best = s;
            }
        }
        return best;
    }

    /** Non-probationary rows of a corpus flattened, windows numbered across series. */
    private static final class Scorable {
        final double[] anomaly;
        final double[] sweep;
        final int[] window;
        final int size;
        final boolean[] windowScorable;

        Scorable(List<SweptSeries> corpus) {
            int total = 0;
            int windows = 0;
            for (SweptSeries s : corpus) {
                total += s.rows().size();
                windows += s.windowCount();
            }
            anomaly = new double[total];
            sweep = new double[total];
            window = new int[total];
            windowScorable = new boolean[windows];
            int n = 0;
            int offset = 0;
            for (SweptSeries s : corpus) {
                for (SweptRow row : s.rows()) {
                    if (row.probationary()) {
                        continue;
                    }
                    anomaly[n] = row.anomalyScore();
                    sweep[n] = row.sweepScore();
                    window[n] = row.window() < 0 ? -1 : offset + row.window();
                    if (window[n] >= 0) {
                        windowScorable[window[n]] = true;
                    }
                    n++;
                }
                offset += s.windowCount();
            }
            size = n;
        }

    }

    /** Running counts and score parts while the threshold goes down. */
    private final class Tally {
        final Scorable rows;
        final double[] windowPart;
        double fpPart;
        int tp;
        int tn;
        int fp;
        int fn;

        Tally(Scorable rows) {
            this.rows = rows;
            windowPart = new double[rows.windowScorable.length];
            for (int w = 0; w < windowPart.length; w++) {
                windowPart[w] = rows.windowScorable[w] ? -costs.fnWeight() : 0.0;
            }
            for (int i = 0; i < rows.size; i++) {
                if (rows.window[i] < 0) {
                    tn++;
                } else {
                    fn++;
                }
            }
        }

        void detect(int i) {
            int w = rows.window[i];
            if (w < 0) {
                fp++;
                tn--;
                fpPart += rows.sweep[i];
            } else {
                tp++;
                fn--;
                windowPart[w] = Math.max(windowPart[w], rows.sweep[i]);
            }
        }

        ThresholdScore at(double threshold) {
            double score = fpPart;
            for (double part : windowPart) {
                score += part;
            }
            return new ThresholdScore(threshold, score, tp, tn, fp, fn);
        }
    }
}
