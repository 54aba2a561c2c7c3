package io.vigie.analyze.detection.nab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NabSweeperTest {
    private static final CostMatrix STANDARD = new CostMatrix(1.0, 0.11, 1.0);
    private static final LocalDateTime T0 = LocalDateTime.of(2015, 1, 1, 0, 0);

    private static List<LocalDateTime> times(int n) {
        List<LocalDateTime> t = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            t.add(T0.plusMinutes(5L * i));
        }
        return t;
    }

    private static double score(double[] scores, int windowStart, int windowEnd) {
        NabSweeper sweeper = new NabSweeper(0.0, STANDARD);
        List<LocalDateTime> t = times(scores.length);
        return sweeper.scoreAt(sweeper.sweep("s", t, scores, List.of(new LabelledWindow(t.get(windowStart),
                t.get(windowEnd)))), 0.5).score();
    }

    @Test
    void aMissedWindowCostsTheFalseNegativeWeight() {
        assertEquals(-1.0, score(new double[100], 40, 49), 1e-12);
    }

    @Test
    void theEarliestDetectionInAWindowScoresNearlyOneAndALateOneLess() {
        double[] early = new double[100];
        early[40] = 1;
        double[] late = new double[100];
        late[48] = 1;
        double e = score(early, 40, 49);
        double l = score(late, 40, 49);
        assertEquals(NabSweeper.scaledSigmoid(-1.0) / NabSweeper.scaledSigmoid(-1.0), e, 1e-12);
        assertTrue(l < e && l > 0, "late " + l + " < early " + e);
    }

    @Test
    void aFalsePositiveBeforeAnyWindowCostsTheFullWeightAndOneJustAfterAWindowLess() {
        double[] before = new double[100];
        before[10] = 1;
        double[] after = new double[100];
        after[51] = 1;
        assertEquals(-1.0 - 0.11, score(before, 40, 49), 1e-12);
        double justAfter = score(after, 40, 49);
        assertTrue(justAfter > -1.11 && justAfter < -1.0, "FP right after the window costs less: " + justAfter);
    }

    @Test
    void theOptimiserPicksTheThresholdWithTheBestScore() {
        double[] scores = new double[100];
        scores[40] = 0.9; // a hit
        scores[10] = 0.7; // a false positive with a lower score
        NabSweeper sweeper = new NabSweeper(0.0, STANDARD);
        List<LocalDateTime> t = times(100);
        ThresholdScore best = sweeper.optimise(List.of(sweeper.sweep("s", t, scores,
                List.of(new LabelledWindow(t.get(40), t.get(49))))));
        assertEquals(0.9, best.threshold());
        assertEquals(1, best.tp());
        assertEquals(0, best.fp());
    }

    @Test
    void aWindowThatIsNotOnTheSeriesTimestampsIsAnError() {
        NabSweeper sweeper = new NabSweeper(STANDARD);
        List<LocalDateTime> t = times(10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sweeper.sweep("s", t,
                new double[10], List.of(new LabelledWindow(T0.plusSeconds(7), t.get(5)))));
        assertTrue(e.getMessage().contains("does not start and end on timestamps"), e.getMessage());
    }
}
