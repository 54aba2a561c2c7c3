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
import java.util.Locale;
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
    void explanationsReadInFrenchForAFrenchSpeakingUserWithTheSameFacts() {
        SeriesEvent start = new SeriesEvent(SignalPhase.START, Direction.RISE, 3, SINCE, SINCE.plusSeconds(300), 1412,
                38, 0.83, 0.83, 1e-9);
        assertEquals("Les mentions de Kryptonite sont montées à 1\u202f412 alors que la valeur attendue était"
                + " d'environ 38 (37,2 fois plus) (p < 1e-6), inhabituel depuis le 02/03/2026 à 14:05 UTC.",
                SpikeSignals.explainSeries(start, "Kryptonite", SignalKind.VOLUME, Locale.FRENCH));
        SeriesEvent share = new SeriesEvent(SignalPhase.START, Direction.RISE, 1, SINCE, SINCE, 0.4, 0.12, 0.7, 0.7,
                0.003);
        assertEquals("La part de mentions négatives de Kryptonite est montée à 40\u00a0% alors que la valeur attendue"
                + " était d'environ 12\u00a0% (3,3 fois plus) (p = 0,0030), inhabituel depuis le 02/03/2026 à 14:05"
                + " UTC.", SpikeSignals.explainSeries(share, "Kryptonite", SignalKind.NEGATIVE_SHARE, Locale.FRENCH));
        SeriesEvent end = new SeriesEvent(SignalPhase.END, Direction.RISE, 3, SINCE, SINCE.plusSeconds(9000), 40,
                38.5, 0.1, 0.83, 0.4);
        assertEquals("Les mentions négatives de Kryptonite : retour à la normale (40, valeur attendue d'environ 38,5)"
                + " après un épisode commencé le 02/03/2026 à 14:05 UTC.",
                SpikeSignals.explainSeries(end, "Kryptonite", SignalKind.NEGATIVE_VOLUME, Locale.FRENCH));
        SeriesEvent busiest = new SeriesEvent(SignalPhase.START, Direction.RISE, 4, SINCE, SINCE.plusSeconds(600), 9,
                7.5, 1.0, 1.0, 0.3, true, 1412, 1046);
        assertTrue(SpikeSignals.explainSeries(busiest, "Kryptonite", SignalKind.VOLUME, Locale.FRENCH)
                .startsWith("Les mentions de Kryptonite : 1\u202f412 sur la dernière heure, plus qu'en aucune heure"
                        + " précédente (record jusqu'ici : 1\u202f046)"));
        ViralityEvent copy = new ViralityEvent(SignalKind.COPY_SPREAD, SignalPhase.START, "cluster-42", null, SINCE,
                SINCE.plusSeconds(3600), 6, 1.5, 0.55, 1e-4, 9, 0);
        assertEquals("Un texte sur Kryptonite a été copié 9 fois sur 6 sites distincts depuis le 02/03/2026 à 14:05"
                + " UTC, alors que les textes en atteignent d'habitude environ 1,5 (p = 0,00010).",
                SpikeSignals.explainVirality(copy, "Kryptonite", Locale.FRENCH));
        assertEquals(SpikeSignals.explainSeries(start, "Kryptonite", SignalKind.VOLUME),
                SpikeSignals.explainSeries(start, "Kryptonite", SignalKind.VOLUME, Locale.ENGLISH),
                "English stays the sentence the signal carries");
        assertEquals(SpikeSignals.explainVirality(copy, "Kryptonite"),
                SpikeSignals.explainVirality(copy, "Kryptonite", Locale.ENGLISH));
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
