package io.vigie.analyze.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.model.SignalKind;
import io.vigie.model.SignalPhase;
import io.vigie.model.SpikeSignal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EwmaSpikeDetectorTest {
    private final EwmaSpikeDetector detector = new EwmaSpikeDetector(new SpikeRule(5, 4.0, 2.0, 2, 10, 0.1));

    @Test
    void aSeriesStartsUpdatesAndEndsAnEpisodeWithHysteresis() {
        SeriesState s = new SeriesState();
        long t = 0;
        for (int i = 0; i < 10; i++, t += 60_000) {
            assertTrue(detector.closeMinute(s, "b", SignalKind.VOLUME, t, 4 + i % 3, 5, List.of()).isEmpty());
        }
        SpikeSignal start = detector.closeMinute(s, "b", SignalKind.VOLUME, t, 60, 60, List.of("m1")).orElseThrow();
        assertEquals(SignalPhase.START, start.phase());
        assertEquals(List.of("m1"), start.mentionIds());
        t += 60_000;
        assertEquals(SignalPhase.UPDATE, detector.closeMinute(s, "b", SignalKind.VOLUME, t, 40, 40, List.of()).orElseThrow().phase());
        t += 60_000;
        assertEquals(SignalPhase.UPDATE, detector.closeMinute(s, "b", SignalKind.VOLUME, t, 5, 5, List.of()).orElseThrow().phase(),
                "one calm minute is not enough to end");
        t += 60_000;
        SpikeSignal end = detector.closeMinute(s, "b", SignalKind.VOLUME, t, 5, 5, List.of()).orElseThrow();
        assertEquals(SignalPhase.END, end.phase());
        assertEquals(start.signalId(), end.signalId());
    }

    @Test
    void nothingStartsDuringWarmupOrBelowTheMinimumCount() {
        SeriesState s = new SeriesState();
        assertTrue(detector.closeMinute(s, "b", SignalKind.VOLUME, 0, 100, 100, List.of()).isEmpty());
        SeriesState quiet = new SeriesState();
        for (int i = 0; i < 10; i++) {
            detector.closeMinute(quiet, "b", SignalKind.VOLUME, i * 60_000L, 0, 0, List.of());
        }
        assertTrue(detector.closeMinute(quiet, "b", SignalKind.VOLUME, 600_000, 8, 8, List.of()).isEmpty(),
                "8 mentions after silence are under the minimum count");
    }

    @Test
    void anOpenMinuteCanStartAnEpisodeEarly() {
        SeriesState s = new SeriesState();
        for (int i = 0; i < 10; i++) {
            detector.closeMinute(s, "b", SignalKind.VOLUME, i * 60_000L, 2, 2, List.of());
        }
        Optional<SpikeSignal> early = detector.openMinute(s, "b", SignalKind.VOLUME, 600_000, 30, 30, List.of("x"),
                Instant.ofEpochMilli(605_000));
        assertEquals(SignalPhase.START, early.orElseThrow().phase());
        assertTrue(s.active());
    }
}
