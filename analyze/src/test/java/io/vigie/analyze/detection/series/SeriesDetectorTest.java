package io.vigie.analyze.detection.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.model.Direction;
import io.vigie.model.SignalKind;
import io.vigie.model.SignalPhase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesDetectorTest {
    private static final long FIVE_MIN = Duration.ofMinutes(5).toMillis();
    private static final long HOUR = Duration.ofHours(1).toMillis();

    /** Every START of a run with the time it was raised. */
    private record Run(List<SeriesEvent> events, List<Observation> observations) {
        List<SeriesEvent> phase(SignalPhase phase) {
            return events.stream().filter(e -> e.phase() == phase).toList();
        }
    }

    private static Run run(SeriesDetector detector, SeriesState state, long[] times, double[] values) {
        List<SeriesEvent> events = new ArrayList<>();
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            Observation o = detector.observe(state, times[i], values[i]);
            events.addAll(o.events());
            observations.add(o);
        }
        return new Run(events, observations);
    }

    private static long[] grid(int n, long step) {
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = SyntheticSeries.START + i * step;
        }
        return t;
    }

    private static SeriesDetector volume5min() {
        return new SeriesDetector(SeriesParams.forKind(SignalKind.VOLUME, Duration.ofMinutes(5)));
    }

    @Test
    void aStepUpInMentionsStartsOneAlarmAtTheStepAndNotBefore() {
        SyntheticSeries rnd = new SyntheticSeries(1);
        int n = 288 * 6;
        int onset = 288 * 4;
        long[] t = grid(n, FIVE_MIN);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.poisson(i < onset ? 20 : 120);
        }
        Run r = run(volume5min(), new SeriesState(), t, v);
        List<SeriesEvent> starts = r.phase(SignalPhase.START);
        assertTrue(starts.stream().noneMatch(e -> e.at().toEpochMilli() < t[onset]), "no alarm before the step: " + starts);
        SeriesEvent first = starts.get(0);
        assertTrue(first.at().toEpochMilli() <= t[onset + 1], "alarm within one interval of the step: " + first);
        assertEquals(Direction.RISE, first.direction());
        assertTrue(first.observed() > 3 * first.expected(), "observed vs expected explains it: " + first);
        assertTrue(first.pValue() < 1e-6, "a six-fold jump is very unlikely: p=" + first.pValue());
        assertEquals(1, starts.size(), "a lasting step is one episode, not many: " + starts);
    }

    @Test
    void aRampIsCaughtWhileItIsStillRising() {
        SyntheticSeries rnd = new SyntheticSeries(2);
        int n = 288 * 6;
        int onset = 288 * 4;
        long[] t = grid(n, FIVE_MIN);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double mean = i < onset ? 30 : 30 + 6.0 * (i - onset); // +6 mentions per interval each interval
            v[i] = rnd.poisson(mean);
        }
        Run r = run(volume5min(), new SeriesState(), t, v);
        List<SeriesEvent> starts = r.phase(SignalPhase.START);
        assertTrue(starts.stream().noneMatch(e -> e.at().toEpochMilli() < t[onset]), "no alarm before the ramp");
        long delay = (starts.get(0).at().toEpochMilli() - t[onset]) / FIVE_MIN;
        assertTrue(delay <= 12, "ramp caught within an hour, at +" + delay + " intervals");
        assertTrue(!starts.get(0).since().isAfter(starts.get(0).at()), "the episode opened at or before its alarm");
    }

    @Test
    void aSpikeOnADailyAndWeeklyCycleIsFoundWhileTheCycleItselfRaisesNoAlarm() {
        for (long seed = 3; seed <= 7; seed++) {
            spikeOnACycle(seed);
        }
    }

    private static void spikeOnACycle(long seed) {
        SyntheticSeries rnd = new SyntheticSeries(seed);
        int n = 24 * 7 * 4; // four weeks of hourly counts
        int spike = 24 * 7 * 3 + 30; // a weekday afternoon of the fourth week
        SeriesDetector detector = new SeriesDetector(SeriesParams.forKind(SignalKind.VOLUME, Duration.ofHours(1)));
        long[] t = grid(n, HOUR);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double mean = SyntheticSeries.seasonalMean(200, t[i]);
            v[i] = rnd.poisson(i >= spike && i < spike + 3 ? 2.5 * mean : mean);
        }
        Run r = run(detector, new SeriesState(), t, v);
        List<SeriesEvent> starts = r.phase(SignalPhase.START);
        long falseStarts = starts.stream()
                .filter(e -> e.at().toEpochMilli() >= t[24 * 7] && e.at().toEpochMilli() < t[spike]).count();
        assertEquals(0, falseStarts, "seed " + seed + ": the learned cycle raises no alarm in weeks 2 to 4: " + starts);
        assertTrue(starts.stream().anyMatch(e -> e.at().toEpochMilli() == t[spike]),
                "seed " + seed + ": the spike is alarmed at once");
        Observation atSpike = r.observations().get(spike);
        assertTrue(atSpike.expected() > 0.5 * SyntheticSeries.seasonalMean(200, t[spike]),
                "the expected value follows the cycle: " + atSpike);
    }

    @Test
    void aLowVolumeBrandIsJudgedOnPoissonCountsWithEmptyHoursAsZeros() {
        SyntheticSeries rnd = new SyntheticSeries(4);
        // About five mentions a day; hours without a mention send nothing (no BrandStats record).
        SeriesDetector detector = new SeriesDetector(SeriesParams.forKind(SignalKind.VOLUME, Duration.ofHours(1)));
        SeriesState state = new SeriesState();
        List<SeriesEvent> events = new ArrayList<>();
        long burst = SyntheticSeries.START + 20L * 24 * HOUR + 15 * HOUR;
        detector.observe(state, SyntheticSeries.START, 0);
        for (long h = 1; h < 22 * 24; h++) {
            long time = SyntheticSeries.START + h * HOUR;
            long count = time == burst ? 14 : rnd.poisson(5.0 / 24);
            if (count > 0) {
                events.addAll(detector.observe(state, time, count).events());
            }
        }
        List<SeriesEvent> starts = events.stream().filter(e -> e.phase() == SignalPhase.START).toList();
        assertTrue(starts.stream().anyMatch(e -> e.at().toEpochMilli() == burst), "14 mentions in an hour alarm: " + starts);
        assertTrue(starts.stream().filter(e -> e.at().toEpochMilli() != burst).count() <= 1,
                "one or two mentions in an hour are not a crisis: " + starts);
        SeriesEvent start = starts.stream().filter(e -> e.at().toEpochMilli() == burst).findFirst().orElseThrow();
        assertTrue(start.expected() < 1, "expected well under one mention an hour: " + start.expected());
        assertTrue(start.pValue() < 1e-6, "Poisson tail of 14 at a mean under 1: " + start.pValue());
        assertTrue(state.count() > 21 * 24, "empty hours were learned as zeros: " + state.count());
    }

    @Test
    void aSlowRiseThatNoSingleIntervalMakesOutstandingAlarmsOnceTheHourBeatsTheBusiestHourSeen() {
        SeriesParams params = SeriesParams.forKind(SignalKind.VOLUME, Duration.ofMinutes(5));
        for (long seed = 1; seed <= 5; seed++) {
            int n = 288 * 8;
            int onset = 288 * 7 + 120; // day 8, 10:00
            long[] t = grid(n, FIVE_MIN);
            double[] v = new double[n];
            SyntheticSeries rnd = new SyntheticSeries(seed);
            for (int i = 0; i < n; i++) {
                double hour = (t[i] / 3_600_000.0) % 24;
                double mean = 20 * (1 + 0.5 * Math.sin(2 * Math.PI * (hour - 9) / 24));
                // Up to three times the usual volume, a little more every interval, over twelve hours.
                v[i] = rnd.poisson(i < onset ? mean : mean * Math.min(3.0, 1 + (i - onset) / 72.0));
            }
            List<SeriesEvent> zOnly = run(new SeriesDetector(params.withoutNovelty()), new SeriesState(), t, v)
                    .phase(SignalPhase.START).stream().filter(e -> e.at().toEpochMilli() >= t[onset]
                            && e.at().toEpochMilli() <= t[onset + 48]).toList();
            assertEquals(List.of(), zOnly, "seed " + seed + ": in the four hours the record is given, no single"
                    + " interval of the rise is outstanding enough for the z-score alone");
            List<SeriesEvent> starts = run(new SeriesDetector(params), new SeriesState(), t, v).phase(SignalPhase.START)
                    .stream().filter(e -> e.at().toEpochMilli() >= t[onset]).toList();
            assertEquals(1, starts.size(), "seed " + seed + ": one alarm for the rise: " + starts);
            SeriesEvent start = starts.get(0);
            assertTrue(start.busiestWindow(), "raised by the busiest-hour record: " + start);
            assertEquals(Direction.RISE, start.direction());
            assertEquals(1.0, start.anomalyScore(), "a START by the record reports the onset score that raised it");
            long delay = (start.at().toEpochMilli() - t[onset]) / FIVE_MIN;
            assertTrue(delay >= 0 && delay <= 48, "seed " + seed + ": within four hours of the rise, at +" + delay);
            assertTrue(start.windowSum() > 1.25 * start.previousBusiest(),
                    "the hour beat the busiest hour seen by a quarter: " + start);
        }
    }

    @Test
    void aBigBrandIsNotWokenForANightBurstOfAFewDozenMentions() {
        SeriesParams params = SeriesParams.forKind(SignalKind.VOLUME, Duration.ofMinutes(5));
        for (long seed = 1; seed <= 5; seed++) {
            int n = 288 * 8;
            int burst = 288 * 7 + 36; // day 8, 03:00, for fifteen minutes
            long[] t = grid(n, FIVE_MIN);
            double[] v = new double[n];
            SyntheticSeries rnd = new SyntheticSeries(seed);
            for (int i = 0; i < n; i++) {
                double hour = (t[i] / 3_600_000.0) % 24;
                double day = Math.max(0, Math.cos(2 * Math.PI * (hour - 14) / 24));
                // About 5 mentions per interval at night, 400 in the afternoon.
                double mean = 5 + 400 * day * day * day * day;
                v[i] = rnd.poisson(i >= burst && i < burst + 3 ? 50 : mean);
            }
            List<SeriesEvent> zOnly = run(new SeriesDetector(params.withoutNovelty()), new SeriesState(), t, v)
                    .phase(SignalPhase.START);
            assertTrue(zOnly.stream().anyMatch(e -> e.at().toEpochMilli() == t[burst]),
                    "seed " + seed + ": ten times the night's volume is unusual for the hour: " + zOnly);
            List<SeriesEvent> starts = run(new SeriesDetector(params), new SeriesState(), t, v).phase(SignalPhase.START);
            assertTrue(starts.stream().noneMatch(e -> e.at().toEpochMilli() >= t[burst - 1]
                    && e.at().toEpochMilli() <= t[burst + 12]),
                    "seed " + seed + ": a few dozen mentions are under 6 % of the brand's busiest hour: " + starts);
        }
    }

    @Test
    void aBrandWithAHandfulOfMentionsADayRaisesNoAlarmInNinetyDaysOfNoiseButOneForABurst() {
        for (Duration step : List.of(Duration.ofMinutes(5), Duration.ofHours(1))) {
            SeriesDetector detector = new SeriesDetector(SeriesParams.forKind(SignalKind.VOLUME, step));
            for (double perDay : new double[] {3, 5, 20}) {
                for (long seed = 1; seed <= 3; seed++) {
                    SyntheticSeries rnd = new SyntheticSeries(seed);
                    SeriesState state = new SeriesState();
                    long steps = Duration.ofDays(90).dividedBy(step);
                    long burst = steps / 2;
                    double mean = perDay * step.toMinutes() / 1440.0;
                    List<SeriesEvent> starts = new ArrayList<>();
                    detector.observe(state, SyntheticSeries.START, 0);
                    for (long i = 1; i < steps; i++) {
                        long count = i == burst ? 14 : rnd.poisson(mean);
                        if (count > 0) { // an empty window sends no record: the detector fills the gap with zeros
                            detector.observe(state, SyntheticSeries.START + i * step.toMillis(), count).events()
                                    .stream().filter(e -> e.phase() == SignalPhase.START).forEach(starts::add);
                        }
                    }
                    long burstTime = SyntheticSeries.START + burst * step.toMillis();
                    String what = step + ", " + perDay + " a day, seed " + seed + ": ";
                    assertEquals(1, starts.size(), what + "one alarm in ninety days, for the burst: " + starts);
                    assertEquals(burstTime, starts.get(0).at().toEpochMilli(), what + "at the burst: " + starts);
                }
            }
        }
    }

    @Test
    void anAlarmThatHoversAroundTheThresholdStartsOnceAndEndsOnceWithoutFlapping() {
        SyntheticSeries rnd = new SyntheticSeries(5);
        int n = 288 * 6;
        int onset = 288 * 4;
        long[] t = grid(n, FIVE_MIN);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            boolean crisis = i >= onset && i < onset + 36;
            // During the crisis the volume alternates between very high and near normal every interval.
            v[i] = rnd.poisson(crisis ? (i % 2 == 0 ? 300 : 45) : 30);
        }
        Run r = run(volume5min(), new SeriesState(), t, v);
        List<SeriesEvent> inCrisis = r.events().stream()
                .filter(e -> e.at().toEpochMilli() >= t[onset]).toList();
        assertEquals(1, inCrisis.stream().filter(e -> e.phase() == SignalPhase.START).count(), "one START: " + inCrisis);
        assertEquals(1, inCrisis.stream().filter(e -> e.phase() == SignalPhase.END).count(), "one END: " + inCrisis);
        SeriesEvent end = inCrisis.stream().filter(e -> e.phase() == SignalPhase.END).findFirst().orElseThrow();
        assertTrue(end.at().toEpochMilli() >= t[onset + 36], "the END comes after the crisis, not inside it");
        long signalId = inCrisis.get(0).episode();
        assertTrue(inCrisis.stream().allMatch(e -> e.episode() == signalId), "one episode throughout");
    }

    @Test
    void aDropIsAlarmedAsAFallWhenFallsAreWatched() {
        SyntheticSeries rnd = new SyntheticSeries(6);
        int n = 288 * 6;
        int onset = 288 * 4;
        long[] t = grid(n, FIVE_MIN);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.poisson(i < onset ? 200 : 5);
        }
        SeriesDetector detector = new SeriesDetector(
                SeriesParams.forKind(SignalKind.VOLUME, Duration.ofMinutes(5)).withWatchFalls(true));
        Run r = run(detector, new SeriesState(), t, v);
        SeriesEvent start = r.phase(SignalPhase.START).stream()
                .filter(e -> e.at().toEpochMilli() >= t[onset]).findFirst().orElseThrow();
        assertEquals(Direction.FALL, start.direction());
        assertTrue(start.at().toEpochMilli() <= t[onset + 1]);
    }

    @Test
    void stateSurvivesARoundTripThroughBytesAndStaysSmall() {
        SeriesDetector detector = volume5min();
        SyntheticSeries rnd = new SyntheticSeries(7);
        SeriesState live = new SeriesState();
        long[] t = grid(3000, FIVE_MIN);
        for (int i = 0; i < 2000; i++) {
            detector.observe(live, t[i], rnd.poisson(40));
        }
        byte[] bytes = live.toBytes();
        assertTrue(bytes.length < 16 * 1024, "constant state well under 16 KiB: " + bytes.length);
        SeriesState restored = SeriesState.fromBytes(bytes);
        assertArrayEquals(bytes, restored.toBytes());
        for (int i = 2000; i < 3000; i++) {
            double value = rnd.poisson(i == 2500 ? 400 : 40);
            Observation a = detector.observe(live, t[i], value);
            Observation b = detector.observe(restored, t[i], value);
            assertEquals(a, b, "a restored state behaves exactly like the live one at point " + i);
        }
        assertThrows(IllegalArgumentException.class, () -> SeriesState.fromBytes(new byte[] {9, 9}));
    }

    @Test
    void aStateStoredInFormatOneIsReadWithAnEmptyLongRecordAndKeepsDetecting() {
        // Format 1 (383 bytes) was format 2 without the trailing long record.
        migrateFrom(1, 383, migrated -> assertEquals(0.0, migrated.longRecordZ, "format 1 had no long record"));
    }

    @Test
    void aStateStoredInFormatTwoKeepsItsLongRecordAndStartsTheBusiestWindowRecordOver() {
        // Format 2 (391 bytes) was format 3 without the busiest-window record and its ring.
        migrateFrom(2, 391, migrated -> assertTrue(migrated.longRecordZ > 0, "format 2's long record is kept"));
    }

    /**
     * Writes a live state in an older format (a prefix of the current layout), reads it back and checks it keeps
     * its model, is written back in the current format, raises no busiest-window alarm before that record's own
     * warm-up, and still alarms on a spike.
     */
    private static void migrateFrom(int format, int length, java.util.function.Consumer<SeriesState> justRead) {
        SeriesDetector detector = volume5min();
        SyntheticSeries rnd = new SyntheticSeries(8);
        SeriesState live = new SeriesState();
        long[] t = grid(1400, FIVE_MIN);
        for (int i = 0; i < 1000; i++) {
            detector.observe(live, t[i], rnd.poisson(40));
        }
        byte[] current = live.toBytes();
        byte[] old = java.util.Arrays.copyOf(current, length);
        old[0] = (byte) format;
        SeriesState migrated = SeriesState.fromBytes(old);
        justRead.accept(migrated);
        assertEquals(live.count(), migrated.count());
        assertEquals(live.level, migrated.level, "the learned level survives");
        assertEquals(SeriesState.BYTES, migrated.toBytes().length, "written back in the current format");
        List<SeriesEvent> events = new ArrayList<>();
        for (int i = 1000; i < 1400; i++) {
            // A slow doubling from point 1300 on: a new busiest hour, but within the record's warm-up (48 h).
            double mean = i == 1100 ? 400 : i >= 1300 ? 80 : 40;
            events.addAll(detector.observe(migrated, t[i], rnd.poisson(mean)).events());
        }
        assertTrue(events.stream().anyMatch(e -> e.phase() == SignalPhase.START && e.at().toEpochMilli() == t[1100]),
                "the migrated state still alarms on a spike: " + events);
        assertTrue(events.stream().noneMatch(SeriesEvent::busiestWindow),
                "the busiest-window record is warming up again after the upgrade: " + events);
        assertEquals(SeriesState.BYTES + 8 * (12 + 3), migrated.toBytes().length,
                "now with its rings: a one-hour window of five-minute steps and three hourly peaks");
        byte[] wrongFormat = current.clone();
        wrongFormat[0] = (byte) format;
        assertThrows(IllegalArgumentException.class, () -> SeriesState.fromBytes(wrongFormat),
                "format " + format + " with the current format's length is refused");
    }

    @Test
    void aStateStoredInFormatThreeKeepsItsBusiestWindowRecordAndStartsTheColdStartBaselineAtZero() {
        SeriesDetector detector = volume5min();
        SyntheticSeries rnd = new SyntheticSeries(9);
        SeriesState live = new SeriesState();
        long[] t = grid(1100, FIVE_MIN);
        for (int i = 0; i < 1000; i++) {
            detector.observe(live, t[i], rnd.poisson(40));
        }
        byte[] current = live.toBytes();
        // Format 3 was format 4 without the two cold-start sums, which sat just before the rings.
        int fixed3 = SeriesState.BYTES - 16;
        byte[] old = new byte[current.length - 16];
        System.arraycopy(current, 0, old, 0, fixed3);
        System.arraycopy(current, SeriesState.BYTES, old, fixed3, current.length - SeriesState.BYTES);
        old[0] = 3;
        SeriesState migrated = SeriesState.fromBytes(old);
        assertEquals(live.busiest, migrated.busiest, "the busiest-window record survives");
        assertArrayEquals(live.recentValues, migrated.recentValues);
        assertEquals(0.0, migrated.coldPeak);
        assertEquals(current.length, migrated.toBytes().length, "written back in the current format");
        boolean alarmed = false;
        for (int i = 1000; i < 1100; i++) {
            alarmed |= detector.observe(migrated, t[i], i == 1050 ? 400 : rnd.poisson(40)).events().stream()
                    .anyMatch(e -> e.phase() == SignalPhase.START);
        }
        assertTrue(alarmed, "the migrated state still alarms on a spike");
    }

    private static SeriesDetector volume1min() {
        return new SeriesDetector(SeriesParams.forKind(SignalKind.VOLUME, Duration.ofMinutes(1)));
    }

    @Test
    void aBrandWithoutHistoryIsNotPagedOnItsFirstOrdinaryDay() {
        long minute = Duration.ofMinutes(1).toMillis();
        for (double perMinute : new double[] {0.005, 0.05, 0.5, 5, 50}) {
            for (long seed = 1; seed <= 3; seed++) {
                for (long startHour : new long[] {0, 6}) {
                    SyntheticSeries rnd = new SyntheticSeries(seed);
                    SeriesDetector detector = volume1min();
                    SeriesState state = new SeriesState();
                    long start = SyntheticSeries.START + startHour * HOUR;
                    List<SeriesEvent> starts = new ArrayList<>();
                    for (long t = start; t < start + 24 * HOUR; t += minute) {
                        detector.observe(state, t, rnd.poisson(SyntheticSeries.seasonalMean(perMinute, t))).events()
                                .stream().filter(e -> e.phase() == SignalPhase.START).forEach(starts::add);
                    }
                    assertTrue(starts.isEmpty(), perMinute + " a minute, seed " + seed + ", from " + startHour
                            + " h: " + starts);
                }
            }
        }
    }

    @Test
    void aBrandWithoutHistoryGetsACautiousAlarmForABurstOnceItHasTwoHoursOfItsOwnSeries() {
        long minute = Duration.ofMinutes(1).toMillis();
        for (double perMinute : new double[] {0.05, 0.5, 5, 50}) {
            for (long seed = 1; seed <= 3; seed++) {
                SyntheticSeries rnd = new SyntheticSeries(seed);
                SeriesDetector detector = volume1min();
                SeriesState state = new SeriesState();
                long burst = SyntheticSeries.START + 3 * HOUR;
                List<SeriesEvent> starts = new ArrayList<>();
                for (long t = SyntheticSeries.START; t < burst + HOUR; t += minute) {
                    double mean = SyntheticSeries.seasonalMean(perMinute, t);
                    if (t >= burst) {
                        mean += Math.max(9 * mean, 3); // ten times the volume, and at least three more a minute
                    }
                    detector.observe(state, t, rnd.poisson(mean)).events().stream()
                            .filter(e -> e.phase() == SignalPhase.START).forEach(starts::add);
                }
                String what = perMinute + " a minute, seed " + seed + ": " + starts;
                assertEquals(1, starts.size(), what);
                SeriesEvent start = starts.get(0);
                assertTrue(start.busiestWindow(), what);
                long after = start.at().toEpochMilli() - burst;
                assertTrue(after >= 0 && after <= 20 * minute, "within 20 minutes of the burst: " + what);
            }
        }
    }

    @Test
    void anAlarmedEpisodeRaisesNoFurtherOnsetWhileItsBurstKeepsClimbing() {
        SyntheticSeries rnd = new SyntheticSeries(9);
        int n = 288 * 5;
        int onset = 288 * 4;
        long[] t = grid(n, FIVE_MIN);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            // A burst that climbs for an hour: each interval higher than the last.
            v[i] = rnd.poisson(i < onset || i >= onset + 12 ? 30 : 150 + 100.0 * (i - onset));
        }
        Run r = run(volume5min(), new SeriesState(), t, v);
        double threshold = volume5min().params().alertThreshold();
        List<Integer> onsets = new ArrayList<>();
        for (int i = onset; i < onset + 12; i++) {
            if (r.observations().get(i).onsetScore() >= threshold) {
                onsets.add(i - onset);
            }
        }
        assertEquals(1, onsets.size(), "one onset at the threshold for the climbing burst, not one per step: " + onsets);
        assertEquals(1, r.phase(SignalPhase.START).size(), "and one START");
    }

    @Test
    void aCrisisWeeksAgoStillRaisesTheBarForOrdinaryBurstsAfterTheRecentRecordFaded() {
        // Identical series and ordinary burst; only one of them had a big crisis 16 days before the burst.
        SeriesParams params = SeriesParams.forKind(SignalKind.VOLUME, Duration.ofMinutes(5));
        SeriesDetector detector = new SeriesDetector(params);
        SeriesDetector forgetful = new SeriesDetector(new SeriesParams(params.transform(), params.interval(),
                params.levelHalfLife(), params.seasonHalfLifeDays(), params.scaleHalfLife(), params.warmUp(),
                params.clipZ(), params.recordHalfLife(), params.recordFloorZ(), params.zHalf(),
                params.onsetHalfLife(), params.calmScore(), params.calm(), params.watchScore(), params.endScore(),
                params.quiet(), params.updateStep(), params.watchFalls(), params.gapPolicy(), params.maxGapFill(),
                params.longRecordHalfLife(), 0.0, params.noveltyWindow(), params.noveltyMargin(),
                params.noveltyMinZ(), params.noveltyLag(), params.noveltyHalfLife(), params.noveltyWarmUp(), params.materialShare(), params.alertThreshold()));
        int crisis = 288 * 4;
        int burst = 288 * 20;
        long[] t = grid(burst + 10, FIVE_MIN);
        double[] withCrisis = new double[t.length];
        SyntheticSeries rnd = new SyntheticSeries(10);
        for (int i = 0; i < t.length; i++) {
            double mean = i >= crisis && i < crisis + 6 ? 3000 : i >= burst && i < burst + 2 ? 400 : 30;
            withCrisis[i] = rnd.poisson(mean);
        }
        Observation remembered = run(detector, new SeriesState(), t, withCrisis).observations().get(burst);
        Observation forgotten = run(forgetful, new SeriesState(), t, withCrisis).observations().get(burst);
        assertTrue(remembered.anomalyScore() < forgotten.anomalyScore(),
                "the long record lowers an ordinary burst's score: " + remembered.anomalyScore() + " vs "
                        + forgotten.anomalyScore());
        assertTrue(remembered.z() > 10, "the burst itself is far above normal: z=" + remembered.z());
    }

    @Test
    void badInputIsRefusedWithAReasonAndLeavesTheStateUnchanged() {
        SeriesDetector detector = volume5min();
        SeriesState state = new SeriesState();
        detector.observe(state, SyntheticSeries.START, 10);
        detector.observe(state, SyntheticSeries.START + FIVE_MIN, 12);
        byte[] before = state.toBytes();
        IllegalArgumentException late = assertThrows(IllegalArgumentException.class,
                () -> detector.observe(state, SyntheticSeries.START, 3));
        assertTrue(late.getMessage().contains("not after the last one"), late.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> detector.observe(state, SyntheticSeries.START + 2 * FIVE_MIN, Double.NaN));
        assertTrue(nan.getMessage().contains("not a finite"), nan.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> detector.observe(state, SyntheticSeries.START + 2 * FIVE_MIN, -1));
        assertArrayEquals(before, state.toBytes());
    }

    @Test
    void aGapOfUnknownDataIsSkippedWhileAGapOfZeroMentionsIsLearned() {
        SeriesParams base = SeriesParams.forKind(SignalKind.VOLUME, Duration.ofMinutes(5));
        SeriesDetector unknown = new SeriesDetector(base.withGapPolicy(GapPolicy.UNKNOWN));
        SeriesDetector zero = new SeriesDetector(base.withGapPolicy(GapPolicy.ZERO));
        SeriesState u = new SeriesState();
        SeriesState z = new SeriesState();
        for (int i = 0; i < 300; i++) {
            unknown.observe(u, SyntheticSeries.START + i * FIVE_MIN, 50);
            zero.observe(z, SyntheticSeries.START + i * FIVE_MIN, 50);
        }
        long after = SyntheticSeries.START + 400 * FIVE_MIN; // a 100-interval gap
        Observation ou = unknown.observe(u, after, 50);
        Observation oz = zero.observe(z, after, 50);
        assertEquals(301, u.count(), "the unknown gap is skipped");
        assertEquals(401, z.count(), "the 100 empty intervals are learned as zeros");
        assertTrue(ou.expected() > 40, "after an unknown gap the level is where it was: " + ou.expected());
        assertTrue(oz.expected() < ou.expected(), "after 99 zeros less is expected: " + oz.expected());
    }

    @Test
    void theNegativeShareOfAFewMentionsIsNoiseButOfManyMentionsIsACrisis() {
        SeriesDetector detector = new SeriesDetector(SeriesParams.forKind(SignalKind.NEGATIVE_SHARE, Duration.ofHours(1)));
        SeriesState state = new SeriesState();
        java.util.SplittableRandom random = new java.util.SplittableRandom(8);
        List<SeriesEvent> events = new ArrayList<>();
        int crisis = 24 * 12;
        for (int h = 0; h < 24 * 14; h++) {
            long time = SyntheticSeries.START + h * HOUR;
            boolean inCrisis = h >= crisis && h < crisis + 4;
            long total = inCrisis ? 80 : 1 + random.nextInt(4); // one to four mentions an hour, 80 in the crisis
            long negative = 0;
            for (int i = 0; i < total; i++) {
                negative += random.nextDouble() < (inCrisis ? 0.9 : 0.2) ? 1 : 0;
            }
            Observation o = detector.observeShare(state, time, negative, total);
            events.addAll(o.events());
        }
        List<SeriesEvent> starts = events.stream().filter(e -> e.phase() == SignalPhase.START).toList();
        assertTrue(starts.stream().noneMatch(e -> e.at().toEpochMilli() < SyntheticSeries.START + crisis * HOUR),
                "shares of one to four mentions swing from 0 to 100 % without alarm: " + starts);
        assertTrue(starts.stream().anyMatch(e -> e.at().toEpochMilli() == SyntheticSeries.START + crisis * HOUR),
                "90 % negative out of 80 mentions alarms at once: " + starts);
        assertEquals(null, detector.observeShare(state, SyntheticSeries.START + 10_000 * HOUR, 0, 0),
                "an hour without mentions says nothing about the share");
        assertThrows(IllegalArgumentException.class,
                () -> detector.observeShare(state, SyntheticSeries.START + 20_000 * HOUR, 5, 3));
    }
}
