package io.vigie.analyze.detection.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.analyze.detection.series.SeriesEvent;
import io.vigie.analyze.detection.virality.ViralityEvent;
import io.vigie.model.Direction;
import io.vigie.model.SignalKind;
import io.vigie.model.SignalPhase;
import io.vigie.model.SpikeSignal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpikeSignalsTest {
    private static final Instant SINCE = Instant.parse("2026-03-02T14:05:00Z");

    private static SeriesEvent event(SignalPhase phase, Instant at) {
        return new SeriesEvent(phase, Direction.RISE, 3, SINCE, at, 412, 38, 0.83, 0.83, 1e-9);
    }

    @Test
    void theStartUpdateAndEndOfOneEpisodeShareOneSignalIdAndExplainThemselves() {
        SpikeSignal start = SpikeSignals.fromSeries(event(SignalPhase.START, SINCE.plusSeconds(300)), "Kryptonite",
                SignalKind.VOLUME, List.of("m1", "m2"));
        SpikeSignal end = SpikeSignals.fromSeries(event(SignalPhase.END, SINCE.plusSeconds(9000)), "Kryptonite",
                SignalKind.VOLUME, List.of());
        assertEquals(start.signalId(), end.signalId());
        assertEquals(SignalPhase.START, start.phase());
        assertEquals(412, start.observed());
        assertEquals(38, start.expected());
        assertEquals(1e-9, start.pValue());
        assertEquals(List.of("m1", "m2"), start.mentionIds());
        assertEquals(SINCE, start.since());
        assertTrue(start.explanation().startsWith("Mentions of Kryptonite rose to 412 where about 38 was expected (10.8x)"),
                start.explanation());
        assertTrue(start.explanation().contains("2026-03-02 14:05 UTC"), start.explanation());
        assertTrue(end.explanation().contains("back to normal"), end.explanation());
        SpikeSignal negative = SpikeSignals.fromSeries(event(SignalPhase.START, SINCE), "Kryptonite",
                SignalKind.NEGATIVE_VOLUME, List.of());
        assertNotEquals(start.signalId(), negative.signalId(), "each series kind has its own signals");
        assertTrue(SpikeSignals.wakesSomeone(SignalPhase.START));
        assertTrue(!SpikeSignals.wakesSomeone(SignalPhase.UPDATE));
    }

    @Test
    void anAlarmRaisedByTheBusiestHourSaysWhichRecordItBeat() {
        SeriesEvent e = new SeriesEvent(SignalPhase.START, Direction.RISE, 4, SINCE, SINCE.plusSeconds(600), 9, 7.5,
                1.0, 1.0, 0.3, true, 1412, 1046);
        SpikeSignal s = SpikeSignals.fromSeries(e, "Kryptonite", SignalKind.VOLUME, List.of());
        assertEquals("Mentions of Kryptonite reached 1,412 in the last hour, more than in any earlier hour (busiest so"
                + " far 1,046); 9 in the last interval where about 7.5 was expected, unusual since 2026-03-02 14:05 UTC.",
                s.explanation());
        assertEquals(1.0, s.anomalyScore());
    }

    @Test
    void viralityEventsCarryTheirItemOrClusterAsSubject() {
        ViralityEvent copy = new ViralityEvent(SignalKind.COPY_SPREAD, SignalPhase.START, "cluster-42", null, SINCE,
                SINCE.plusSeconds(3600), 6, 1.5, 0.55, 1e-4, 9, 0);
        SpikeSignal s = SpikeSignals.fromVirality(copy, "Kryptonite", List.of("m9"));
        assertEquals("cluster-42", s.subject());
        assertEquals(SignalKind.COPY_SPREAD, s.kind());
        assertTrue(s.explanation().contains("copied 9 times on 6 distinct sites"), s.explanation());
        assertThrows(IllegalArgumentException.class, () -> SpikeSignals.fromSeries(event(SignalPhase.START, SINCE),
                "K", SignalKind.COPY_SPREAD, List.of()));
    }
}
