package io.vigie.analyze.streams;

import io.vigie.analyze.signals.BrandSeriesSignals;
import io.vigie.analyze.signals.BrandSeriesState;
import io.vigie.analyze.signals.MinuteFigures;
import io.vigie.analyze.stats.BrandObservation;
import io.vigie.analyze.stats.WindowAccumulator;
import io.vigie.model.SpikeSignal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The statistics application's step, on the partitions of the brand observations topic: the brand's open 1-minute and 1-hour windows,
 * emitted to {@code brand.stats} every {@code emitInterval} while they change and once more, final, when they close
 * (stream time or wall clock past their end plus grace); the spike detector runs on each closed minute and on the
 * open minute (whose counts only grow), so a spike can start before its minute ends. The open minutes that received
 * mentions are judged every {@link #JUDGE_INTERVAL}, not only at the emission interval, and a START is committed at
 * once: the alarm waits for its evidence, not for the next emission.
 */
final class StatsSignalsStep implements Processor<String, BrandObservation, String, Emit> {
    private static final Logger LOG = LoggerFactory.getLogger(StatsSignalsStep.class);
    static final String STAGE = "analyze.stats";
    static final List<Duration> WINDOWS = List.of(Duration.ofMinutes(1), Duration.ofHours(1));
    private static final long MINUTE = 60_000;
    /**
     * How often the open minutes that received mentions are judged. Judging costs a few microseconds per brand, so it
     * runs far more often than the 1 s emission: measured in {@code bench pipeline}, waiting for the emission tick was
     * 0.5 s at p50 and 1 s at p99 of the time from a crisis' deciding mention to the webhook.
     */
    static final Duration JUDGE_INTERVAL = Duration.ofMillis(100);
    /**
     * How much of a brand's minute history is kept to rebuild its detectors from: the retention of
     * {@code mentions.raw}, and more than the detector needs to judge at once (48 h: the busiest-hour record's
     * warm-up; 12 h for the z-score).
     */
    static final Duration HISTORY = Duration.ofDays(7);
    private static final long HOUR = 3_600_000;

    private final AnalyzeConfig config;
    private final BrandSeriesSignals detectors;
    private ProcessorContext<String, Emit> context;
    private KeyValueStore<String, WindowAccumulator> windows;
    private KeyValueStore<String, BrandSeriesState> series;
    private KeyValueStore<String, MinuteFigures> history;
    /** Brands that received backfill since the last emission: their rebuild waits until the backfill pauses. */
    private final Set<String> historyArriving = new LinkedHashSet<>();
    private long late;
    private long backfill;
    /** Keys of the open minute windows that received a mention since the last judgement (in memory: a lost set only
     * delays a judgement to the next emission, which judges every changed minute again). */
    private final Set<String> touchedMinutes = new LinkedHashSet<>();

    StatsSignalsStep(AnalyzeConfig config) {
        this.config = config;
        this.detectors = new BrandSeriesSignals(config.spikes().warmUp(), config.spikes().quiet());
    }

    @Override
    public void init(ProcessorContext<String, Emit> context) {
        this.context = context;
        this.windows = context.getStateStore(AnalyzeTopology.STATS_WINDOWS_STORE);
        this.series = context.getStateStore(AnalyzeTopology.SIGNAL_SERIES_STORE);
        this.history = context.getStateStore(AnalyzeTopology.MINUTE_HISTORY_STORE);
        context.schedule(config.emitInterval(), PunctuationType.WALL_CLOCK_TIME, this::emit);
        context.schedule(JUDGE_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::judgeTouchedMinutes);
    }

    @Override
    public void process(Record<String, BrandObservation> record) {
        BrandObservation o = record.value();
        try {
            if (o.backfill()) {
                // Indexed through mentions.scored, never part of live figures nor signalled: it is the brand's past,
                // learned by its detectors once the backfill pauses.
                backfill++;
                learnBackfill(o);
                return;
            }
            long closeClock = closeClock();
            for (Duration size : WINDOWS) {
                long start = Math.floorDiv(o.eventTimeMs(), size.toMillis()) * size.toMillis();
                long end = start + size.toMillis();
                if (end + config.grace().toMillis() <= closeClock) {
                    late++;
                    if (Long.bitCount(late) == 1) {
                        LOG.info("event=late-mention-not-counted brand={} window={} windowStart={} lateSoFar={}", o.brand(),
                                size, Instant.ofEpochMilli(start), late);
                    }
                    continue;
                }
                String key = key(o.brand(), size, start);
                WindowAccumulator a = windows.get(key);
                if (a == null) {
                    a = WindowAccumulator.open(o.brand(), size, start);
                }
                a.add(o);
                windows.put(key, a);
                if (size.toMillis() == MINUTE) {
                    touchedMinutes.add(key);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("event=step-failed stage={} brand={} id={} error={}", STAGE, o.brand(), o.mentionId(), DeadLetters.describe(e));
            context.forward(new Record<>(o.mentionId(), Emit.dead(DeadLetters.of(STAGE, null, null, null, o.mentionId(),
                    "statistics failed: " + DeadLetters.describe(e), e,
                    InternalSerdes.observation().encode(o), context.currentSystemTimeMs())), record.timestamp()));
        }
    }

    private void learnBackfill(BrandObservation o) {
        long minute = Math.floorDiv(o.eventTimeMs(), MINUTE) * MINUTE;
        String key = historyKey(o.brand(), minute);
        MinuteFigures f = history.get(key);
        long volume = f == null ? 0 : f.volume();
        long negative = f == null ? 0 : f.negative();
        long reach = (f == null ? 0 : f.reach()) + o.reach();
        if (o.counts()) {
            volume++;
        } else if (o.previousLabel() == io.vigie.model.SentimentLabel.NEGATIVE) {
            negative = Math.max(0, negative - 1);
        }
        if ((o.counts() || o.previousLabel() != null) && o.label() == io.vigie.model.SentimentLabel.NEGATIVE) {
            negative++;
        }
        history.put(key, new MinuteFigures(volume, negative, reach, List.of(), List.of()));
        BrandSeriesState s = seriesOf(o.brand());
        if (!s.historyPending) {
            s.historyPending = true;
            series.put(o.brand(), s);
        }
        historyArriving.add(o.brand());
    }

    static String historyKey(String brand, long minuteStartMs) {
        return brand + "|" + String.format("%015d", minuteStartMs);
    }

    /**
     * Rebuilds the detectors of the brands whose backfill has paused (none arrived since the last emission) from
     * their minute history, in event-time order, and forgets history older than {@link #HISTORY}.
     */
    private void learnPendingHistory(long closeClock) {
        List<String> pending = new ArrayList<>();
        try (KeyValueIterator<String, BrandSeriesState> it = series.all()) {
            it.forEachRemaining(kv -> {
                if (kv.value.historyPending && !historyArriving.contains(kv.key)) {
                    pending.add(kv.key);
                }
            });
        }
        historyArriving.clear();
        long lastClosable = Math.floorDiv(closeClock - config.grace().toMillis(), MINUTE) * MINUTE - MINUTE;
        for (String brand : pending) {
            pruneHistory(brand, lastClosable);
            List<java.util.Map.Entry<Long, MinuteFigures>> minutes = new ArrayList<>();
            try (KeyValueIterator<String, MinuteFigures> it = history.range(historyKey(brand, 0),
                    historyKey(brand, Math.max(0, lastClosable)))) {
                it.forEachRemaining(kv -> minutes.add(java.util.Map.entry(
                        Long.parseLong(kv.key.substring(kv.key.lastIndexOf('|') + 1)), kv.value)));
            }
            BrandSeriesState s = seriesOf(brand);
            long since = minutes.isEmpty() ? 0 : minutes.get(0).getKey();
            detectors.learnHistory(s, brand, minutes).forEach(sig -> forward(brand, Emit.signal(sig), closeClock));
            series.put(brand, s);
            LOG.info("event=history-learned brand={} minutesWithMentions={} from={}", brand, minutes.size(),
                    Instant.ofEpochMilli(since));
        }
    }

    /** Forgets a brand's minutes older than {@link #HISTORY} before {@code latestMs}. */
    private void pruneHistory(String brand, long latestMs) {
        long before = latestMs - HISTORY.toMillis();
        if (before <= 0) {
            return;
        }
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, MinuteFigures> it = history.range(historyKey(brand, 0), historyKey(brand, before - 1))) {
            it.forEachRemaining(kv -> old.add(kv.key));
        }
        old.forEach(history::delete);
    }

    /** Windows whose end plus grace is before this are final. */
    private long closeClock() {
        return Math.max(context.currentStreamTimeMs(), context.currentSystemTimeMs());
    }

    static String key(String brand, Duration size, long startMs) {
        // Zero-padded start so a brand's windows iterate in time order.
        return brand + "|" + size + "|" + String.format("%015d", startMs);
    }

    private void emit(long wallClockMs) {
        long closeClock = Math.max(context.currentStreamTimeMs(), wallClockMs);
        List<KeyValue<String, WindowAccumulator>> all = new ArrayList<>();
        try (KeyValueIterator<String, WindowAccumulator> it = windows.all()) {
            it.forEachRemaining(all::add);
        }
        all.sort(Comparator.comparingLong((KeyValue<String, WindowAccumulator> kv) -> kv.value.startMs));
        Instant now = Instant.ofEpochMilli(wallClockMs);
        for (KeyValue<String, WindowAccumulator> kv : all) {
            WindowAccumulator a = kv.value;
            boolean minute = a.endMs - a.startMs == MINUTE;
            try {
                if (a.endMs + config.grace().toMillis() <= closeClock) {
                    forward(a.brand, Emit.stats(a.toStats(true, now)), wallClockMs);
                    windows.delete(kv.key);
                    if (minute) {
                        closeMinute(a);
                    }
                } else if (a.dirty) {
                    a.dirty = false;
                    windows.put(kv.key, a);
                    forward(a.brand, Emit.stats(a.toStats(false, now)), wallClockMs);
                    if (minute) {
                        openMinute(a, now);
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("event=step-failed stage={} window={} error={}", STAGE, kv.key, DeadLetters.describe(e));
                windows.delete(kv.key);
                forward(a.brand, Emit.dead(DeadLetters.of(STAGE, null, null, null, kv.key,
                        "window emission failed, window dropped: " + DeadLetters.describe(e), e,
                        InternalSerdes.window().encode(a), wallClockMs)), wallClockMs);
            }
        }
        learnPendingHistory(closeClock);
        endQuietEpisodes(closeClock);
        // This application commits at the emission interval; asking now makes what was just emitted visible to
        // read_committed readers at once instead of up to one interval later.
        context.commit();
    }

    /** Judges the open minutes that received mentions since the last call, and commits at once if one started an alarm. */
    private void judgeTouchedMinutes(long wallClockMs) {
        if (touchedMinutes.isEmpty()) {
            return;
        }
        long closeClock = Math.max(context.currentStreamTimeMs(), wallClockMs);
        Instant now = Instant.ofEpochMilli(wallClockMs);
        boolean started = false;
        for (String key : touchedMinutes) {
            WindowAccumulator a = windows.get(key);
            if (a == null || a.endMs + config.grace().toMillis() <= closeClock) {
                continue; // gone, or closing: the emission judges it as a closed minute
            }
            try {
                started |= openMinute(a, now);
            } catch (RuntimeException e) {
                // The emission judges this minute again and dead-letters the window if it still fails.
                LOG.warn("event=judge-failed stage={} window={} error={}", STAGE, key, DeadLetters.describe(e));
            }
        }
        touchedMinutes.clear();
        if (started) {
            context.commit();
        }
    }

    private void closeMinute(WindowAccumulator a) {
        BrandSeriesState s = seriesOf(a.brand);
        MinuteFigures figures = new MinuteFigures(a.volume, a.negative, a.reach, a.driverIds(false), a.driverIds(true));
        detectors.closeMinute(s, a.brand, a.startMs, figures)
                .forEach(sig -> forward(a.brand, Emit.signal(sig), context.currentSystemTimeMs()));
        series.put(a.brand, s);
        // The live minutes join the history, so a backfill that comes later is learned with them, in order.
        if (a.volume > 0 || a.reach > 0) {
            history.put(historyKey(a.brand, a.startMs), new MinuteFigures(a.volume, a.negative, a.reach, List.of(), List.of()));
        }
        if (a.startMs % HOUR == 0) {
            pruneHistory(a.brand, a.startMs);
        }
    }

    /** @return whether an alarm started */
    private boolean openMinute(WindowAccumulator a, Instant now) {
        BrandSeriesState s = seriesOf(a.brand);
        MinuteFigures soFar = new MinuteFigures(a.volume, a.negative, a.reach, a.driverIds(false), a.driverIds(true));
        List<io.vigie.model.SpikeSignal> started = detectors.openMinute(s, a.brand, a.startMs, soFar);
        if (!started.isEmpty()) {
            started.forEach(sig -> forward(a.brand, Emit.signal(sig), now.toEpochMilli()));
            series.put(a.brand, s);
        }
        return !started.isEmpty();
    }

    /**
     * A brand gone silent while alarmed gets its last closable minute fed as zero (the detector fills the minutes
     * between with zeros itself), so an episode can end without a new mention.
     */
    private void endQuietEpisodes(long closeClock) {
        List<KeyValue<String, BrandSeriesState>> all = new ArrayList<>();
        try (KeyValueIterator<String, BrandSeriesState> it = series.all()) {
            it.forEachRemaining(all::add);
        }
        long lastClosable = Math.floorDiv(closeClock - config.grace().toMillis(), MINUTE) * MINUTE - MINUTE;
        for (KeyValue<String, BrandSeriesState> kv : all) {
            BrandSeriesState s = kv.value;
            long last = s.lastMinuteOf("VOLUME");
            if (last == Long.MIN_VALUE || lastClosable <= last || !s.anyAlarm()) {
                continue;
            }
            boolean pending = false;
            for (long t = last + MINUTE; t <= lastClosable && !pending; t += MINUTE) {
                pending = windows.get(key(kv.key, WINDOWS.get(0), t)) != null;
            }
            if (pending) {
                continue;
            }
            detectors.closeMinute(s, kv.key, lastClosable, MinuteFigures.empty())
                    .forEach(sig -> forward(kv.key, Emit.signal(sig), closeClock));
            series.put(kv.key, s);
        }
    }

    private BrandSeriesState seriesOf(String brand) {
        BrandSeriesState s = series.get(brand);
        return s == null ? new BrandSeriesState() : s;
    }

    private void forward(String key, Emit emit, long timestamp) {
        context.forward(new Record<>(key, emit, timestamp));
    }

}
