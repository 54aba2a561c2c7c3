package io.vigie.analyze.detection.nab;

import io.vigie.analyze.detection.series.Observation;
import io.vigie.analyze.detection.series.SeriesDetector;
import io.vigie.analyze.detection.series.SeriesParams;
import io.vigie.analyze.detection.series.SeriesState;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Vigie's volume detector over a NAB corpus, and its NAB scores. Each series is streamed through a fresh
 * {@link SeriesState}, each point once and in order: the anomaly score of row i depends on rows 0..i only (and,
 * for a series that is not counts, on its minimum and maximum, which NAB gives every detector; see
 * {@link NabInput}).
 */
public final class NabRun {
    private final NabCorpus corpus;
    private final Map<String, double[]> anomalyScores = new LinkedHashMap<>();
    private final Map<String, NabInput> inputs = new LinkedHashMap<>();
    private final Map<String, Integer> skippedRows = new LinkedHashMap<>();

    private NabRun(NabCorpus corpus) {
        this.corpus = corpus;
    }

    /**
     * Runs the detector over every series of the corpus, each at its own step and with its values fed as
     * {@link NabInput} says; NAB timestamps are read as UTC.
     */
    public static NabRun detect(NabCorpus corpus, SeriesParams params) {
        return detect(corpus, params, NabInput.FLOAT_RANGE);
    }

    /** The same, non-count series mapped onto {@code [0, floatRange]} (see {@link NabInput#FLOAT_RANGE}). */
    public static NabRun detect(NabCorpus corpus, SeriesParams params, double floatRange) {
        NabRun run = new NabRun(corpus);
        for (NabSeries series : corpus.series()) {
            NabInput input = NabInput.of(series, params.interval(), floatRange);
            SeriesDetector detector = new SeriesDetector(params.withInterval(input.step()));
            SeriesState state = detector.newState();
            double[] scores = new double[series.size()];
            int skipped = 0;
            LocalDateTime last = null;
            for (int i = 0; i < series.size(); i++) {
                LocalDateTime t = series.timestamps().get(i);
                if (!NabInput.after(last, t)) {
                    skipped++; // score 0: the row is not observed, and said so in the summary
                    continue;
                }
                last = t;
                Observation o = detector.observe(state, t.toInstant(ZoneOffset.UTC).toEpochMilli(),
                        input.feed(series.values()[i]));
                scores[i] = o.onsetScore();
            }
            run.anomalyScores.put(series.file(), scores);
            run.inputs.put(series.file(), input);
            run.skippedRows.put(series.file(), skipped);
        }
        return run;
    }

    /** How each series was fed (step, counts or scaled). */
    public Map<String, NabInput> inputs() {
        return Collections.unmodifiableMap(inputs);
    }

    /** Rows not fed because their time was not after the previous row's, per series (0 for most). */
    public Map<String, Integer> skippedRows() {
        return Collections.unmodifiableMap(skippedRows);
    }

    public NabCorpus corpus() {
        return corpus;
    }

    /** The NAB anomaly score of every row of a series (the detector's onset score). */
    public double[] anomalyScores(String file) {
        return anomalyScores.get(file);
    }

    /** The swept rows of some series of the corpus under one profile. */
    public List<NabSweeper.SweptSeries> swept(NabProfile profile, List<NabSeries> which) {
        NabSweeper sweeper = new NabSweeper(profile.costs());
        List<NabSweeper.SweptSeries> out = new ArrayList<>();
        for (NabSeries s : which) {
            out.add(sweeper.sweep(s.file(), s.timestamps(), anomalyScores.get(s.file()), s.windows()));
        }
        return out;
    }

    /** NAB's optimised threshold over the whole corpus for one profile, and the raw score there. */
    public ThresholdScore optimise(NabProfile profile) {
        return new NabSweeper(profile.costs()).optimise(swept(profile, corpus.series()));
    }

    /** The raw score of the whole corpus at a given threshold. */
    public ThresholdScore scoreAt(NabProfile profile, double threshold) {
        return new NabSweeper(profile.costs()).scoreAt(swept(profile, corpus.series()), threshold);
    }

    /**
     * Leave-one-out: each series scored at the threshold optimised on the other series only; the sum of those
     * raw scores. A fairer view of how the threshold carries to series it was not chosen on.
     */
    public double leaveOneOutScore(NabProfile profile) {
        NabSweeper sweeper = new NabSweeper(profile.costs());
        double total = 0;
        List<NabSeries> all = corpus.series();
        for (NabSeries held : all) {
            List<NabSeries> others = all.stream().filter(s -> s != held).toList();
            double threshold = sweeper.optimise(swept(profile, others)).threshold();
            total += sweeper.scoreAt(swept(profile, List.of(held)), threshold).score();
        }
        return total;
    }

    /** The raw score of a detector that never detects: NAB's null baseline, {@code -fnWeight} per window. */
    public ThresholdScore nullScore(NabProfile profile) {
        return scoreAt(profile, Double.POSITIVE_INFINITY);
    }

    /** NAB's normalisation: {@code 100 (raw - null) / (perfect - null)}. */
    public static double normalise(double raw, double nullRaw, double perfect) {
        return 100.0 * (raw - nullRaw) / (perfect - nullRaw);
    }
}
