package io.vigie.analyze.detection.nab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.analyze.detection.series.SeriesParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NabInputTest {
    private static final LocalDateTime T0 = LocalDateTime.of(2015, 3, 1, 0, 0);

    private static NabSeries series(List<LocalDateTime> times, double[] values) {
        return new NabSeries("s.csv", times, values, List.of(), 0);
    }

    private static List<LocalDateTime> hourly(int n) {
        List<LocalDateTime> times = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            times.add(T0.plusHours(i));
        }
        return times;
    }

    @Test
    void aSeriesOfNonNegativeIntegersIsFedAsCountsAtItsOwnStep() {
        NabInput input = NabInput.of(series(hourly(4), new double[] {3, 0, 12, 7}), Duration.ofMinutes(5), 1000);
        assertTrue(input.counts());
        assertEquals(Duration.ofHours(1), input.step());
        assertEquals(12.0, input.feed(12.0));
    }

    @Test
    void aFloatSeriesIsMappedOntoTheRangeFromItsMinimumAndMaximum() {
        NabInput input = NabInput.of(series(hourly(4), new double[] {-2.0, 0.5, 3.0, 1.0}), Duration.ofMinutes(5), 1000);
        assertFalse(input.counts());
        assertEquals(0.0, input.feed(-2.0), 1e-12);
        assertEquals(1000.0, input.feed(3.0), 1e-12);
        assertEquals(500.0, input.feed(0.5), 1e-12);
    }

    @Test
    void theStepIsTheMedianTimeDifferenceSoGapsDoNotChangeIt() {
        List<LocalDateTime> times = new ArrayList<>(List.of(T0, T0.plusMinutes(10), T0.plusMinutes(20),
                T0.plusMinutes(30), T0.plusMinutes(90), T0.plusMinutes(100)));
        assertEquals(Duration.ofMinutes(10),
                NabInput.of(series(times, new double[6]), Duration.ofMinutes(5), 1000).step());
        assertEquals(Duration.ofMinutes(5),
                NabInput.of(series(List.of(T0), new double[1]), Duration.ofMinutes(5), 1000).step());
    }

    /** A float series at hourly steps with one duplicated timestamp, run through the detector as eval nab does. */
    @Test
    void aRowWhoseTimeIsNotAfterThePreviousIsSkippedWithScoreZeroAndCounted(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("nab");
        Files.createDirectories(dir.resolve("data"));
        StringBuilder csv = new StringBuilder("timestamp,value\n");
        for (int i = 0; i < 300; i++) {
            LocalDateTime t = T0.plusHours(i == 151 ? 150 : i); // row 151 repeats row 150's time
            double v = 0.05 + 0.01 * Math.sin(i / 3.0) + (i >= 250 && i < 253 ? 0.5 : 0.0);
            csv.append(NabFiles.format(t)).append(',').append(v).append('\n');
        }
        Files.writeString(dir.resolve("data/s.csv"), csv);
        Files.writeString(dir.resolve("windows.json"), "{\"s.csv\": [[\"" + NabFiles.format(T0.plusHours(240))
                + "\", \"" + NabFiles.format(T0.plusHours(260)) + "\"]]}");
        NabRun run = NabRun.detect(NabCorpus.load(dir), SeriesParams.volume());
        assertEquals(1, run.skippedRows().get("s.csv"));
        assertEquals(Duration.ofHours(1), run.inputs().get("s.csv").step());
        assertFalse(run.inputs().get("s.csv").counts());
        double[] scores = run.anomalyScores("s.csv");
        assertEquals(0.0, scores[151]);
        double burst = Math.max(scores[250], Math.max(scores[251], scores[252]));
        assertTrue(burst >= SavedNabThresholds.load().get("standard"), "the burst of a float series is found: " + burst);
    }
}
