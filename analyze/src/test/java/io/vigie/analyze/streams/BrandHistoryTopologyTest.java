package io.vigie.analyze.streams;

import static io.vigie.analyze.streams.TopologyFixture.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.analyze.detection.series.SeriesState;
import io.vigie.analyze.signals.BrandSeriesState;
import io.vigie.model.Provenance;
import io.vigie.model.RawMention;
import io.vigie.model.ScoredMention;
import io.vigie.model.SignalKind;
import io.vigie.model.SignalPhase;
import io.vigie.model.SpikeSignal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A new brand is watched from its first hour: its history (mentions marked as backfill) is learned by its detectors
 * without a signal, so a burst right after it was added STARTs within minutes; a brand with no history gets the
 * detector's cautious cold-start rule and is not paged on an ordinary first day. The committed detector
 * parameters (no warm-up override), as in production.
 */
class BrandHistoryTopologyTest {
    private static final long MINUTE = 60_000;
    private TopologyFixture t;

    /** The production detector settings; emissions every 10 s only to keep a simulated day fast. */
    private static AnalyzeConfig config() {
        return new AnalyzeConfig("analyze-history-test", 1, 100, 4096, Duration.ofMinutes(2), Duration.ofHours(6),
                Duration.ofHours(1), Duration.ofSeconds(10), null);
    }

    @AfterEach
    void stop() {
        if (t != null) {
            t.close();
        }
    }

    /** Mentions a minute for a brand with about {@code perHour} an hour, a daily cycle peaking mid-afternoon. */
    private static double perMinute(double perHour, long timeMs) {
        double hour = (timeMs / 3_600_000.0) % 24;
        return perHour / 60 * (1 + 0.6 * Math.sin(2 * Math.PI * (hour - 9) / 24));
    }

    private static long poisson(SplittableRandom random, double mean) {
        double limit = Math.exp(-mean);
        double p = 1;
        long k = 0;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > limit);
        return k - 1;
    }

    // Texts of two words: never near-duplicates of each other, so copy spread stays out of these tests.

    /** A mention loaded as history: published in the past, read now, marked by its producer. */
    private static RawMention history(String id, Instant published, Instant loadedAt) {
        RawMention m = TopologyFixture.mention(id, 1, "archive.example", "Kryptonite " + id, published, loadedAt);
        return new RawMention(m.schemaVersion(), m.id(), m.version(), m.source(), m.sourceHost(), m.kind(), m.url(),
                m.parentUrl(), m.threadUrl(), m.author(), m.title(), m.text(), m.safeHtml(), m.categories(), m.media(),
                m.publishedAt(), m.fetchedAt(), m.languageHint(), m.engagement(),
                new Provenance(Provenance.BACKFILL, "archive", null, "h1"));
    }

    /** Live minutes from {@code from} for {@code minutes}, the wall clock following; returns the next minute. */
    private Instant live(SplittableRandom random, Instant from, int minutes, double perHour, double extraPerMinute,
            String prefix) {
        Instant at = from;
        for (int m = 0; m < minutes; m++) {
            long n = poisson(random, perMinute(perHour, at.toEpochMilli()) + extraPerMinute);
            for (int i = 0; i < n; i++) {
                Instant when = at.plusMillis(i * (MINUTE / (n + 1)));
                String id = prefix + at.toEpochMilli() + "-" + i;
                t.send(id, "site" + i + ".example", "Kryptonite " + id, when);
            }
            t.advance(Duration.ofMinutes(1));
            at = at.plusSeconds(60);
        }
        return at;
    }

    @Test
    void aBrandAddedWithSevenDaysOfHistoryStartsWithinMinutesOfABurstRightAfterItWasAdded() {
        t = new TopologyFixture(config());
        t.brand("kryptonite", "kryptonite");
        SplittableRandom random = new SplittableRandom(7);
        long sent = 0;
        for (long m = T0.minus(Duration.ofDays(7)).toEpochMilli(); m < T0.toEpochMilli(); m += MINUTE) {
            long n = poisson(random, perMinute(30, m));
            for (int i = 0; i < n; i++) {
                t.send(history("h" + m + "-" + i, Instant.ofEpochMilli(m + i * 1000L), T0));
                sent++;
            }
        }
        List<ScoredMention> scored = t.scored.readValuesToList();
        assertEquals(sent, scored.size(), "every history mention is scored and indexed");
        assertTrue(scored.stream().allMatch(ScoredMention::backfill), "flagged as backfill");
        // The backfill has stopped: the next emissions rebuild the detectors from it.
        t.advance(Duration.ofSeconds(30));
        assertTrue(t.signals.isEmpty(), "the past raises no signal: " + t.signals.readValuesToList());
        BrandSeriesState s = t.statsDriver.<String, BrandSeriesState>getKeyValueStore(AnalyzeTopology.SIGNAL_SERIES_STORE)
                .get("kryptonite");
        assertFalse(s.historyPending);
        SeriesState volume = SeriesState.fromBytes(s.detector.get(SignalKind.VOLUME.name()));
        assertTrue(volume.count() > 7 * 1440 - 60, "seven days of minutes learned, got " + volume.count());
        assertFalse(volume.alarmed());

        Instant burst = live(random, T0.plusSeconds(30), 15, 30, 0, "ordinary");
        assertTrue(t.signals.isEmpty(), "ordinary live minutes after the history raise nothing: "
                + t.signals.readValuesToList());
        live(random, burst, 5, 30, 6, "burst"); // six more a minute: about twelve times the hour's usual rate
        List<SpikeSignal> signals = t.signals.readValuesToList();
        SpikeSignal start = signals.stream().filter(x -> x.kind() == SignalKind.VOLUME && x.phase() == SignalPhase.START)
                .findFirst().orElseThrow(() -> new AssertionError("no VOLUME START for the burst: " + signals));
        assertTrue(!start.at().isBefore(burst) && start.at().isBefore(burst.plus(Duration.ofMinutes(3))),
                "START within three minutes of the burst at " + burst + ": " + start);
    }

    @Test
    void aBrandWithNoHistoryIsNotPagedOnItsFirstOrdinaryDay() {
        t = new TopologyFixture(config());
        t.brand("kryptonite", "kryptonite");
        SplittableRandom random = new SplittableRandom(11);
        live(random, T0.plusSeconds(30), 24 * 60, 60, 0, "day");
        List<SpikeSignal> signals = t.signals.readValuesToList();
        assertTrue(signals.isEmpty(), "no signal on an ordinary first day: " + signals);
        SeriesState volume = SeriesState.fromBytes(t.statsDriver.<String, BrandSeriesState>getKeyValueStore(
                AnalyzeTopology.SIGNAL_SERIES_STORE).get("kryptonite").detector.get(SignalKind.VOLUME.name()));
        assertTrue(volume.count() >= 24 * 60 - 5, "a whole day judged, got " + volume.count() + " minutes");
    }
}
