package io.vigie.analyze.streams;

import io.vigie.analyze.signals.EwmaSpikeDetector;
import io.vigie.analyze.signals.SeriesState;
import io.vigie.analyze.stats.BrandObservation;
import io.vigie.analyze.stats.WindowAccumulator;
import io.vigie.analyze.streams.InternalSerdes.BrandSeries;
import io.vigie.model.SignalKind;
import io.vigie.model.SpikeSignal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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
 * Third step, on the partitions of the by-brand repartition topic: the brand's open 1-minute and 1-hour windows,
 * emitted to {@code brand.stats} every {@code emitInterval} while they change and once more, final, when they close
 * (stream time or wall clock past their end plus grace); the spike detector runs on each closed minute and on the
 * open minute (whose counts only grow), so a spike can start before its minute ends.
 */
final class StatsSignalsStep implements Processor<String, BrandObservation, String, Emit> {
    private static final Logger LOG = LoggerFactory.getLogger(StatsSignalsStep.class);
    static final String STAGE = "analyze.stats";
    static final List<Duration> WINDOWS = List.of(Duration.ofMinutes(1), Duration.ofHours(1));
    private static final long MINUTE = 60_000;
    /** Quiet minutes fed as zeros at most, after a brand was silent a long time. */
    private static final int MAX_ZERO_FILL = 120;
    private static final List<SignalKind> KINDS =
            List.of(SignalKind.VOLUME, SignalKind.NEGATIVE_VOLUME, SignalKind.NEGATIVE_SHARE, SignalKind.REACH);

    private final AnalyzeConfig config;
    private final EwmaSpikeDetector detector;
    private ProcessorContext<String, Emit> context;
    private KeyValueStore<String, WindowAccumulator> windows;
    private KeyValueStore<String, BrandSeries> series;
    private long late;
    private long backfill;

    StatsSignalsStep(AnalyzeConfig config) {
        this.config = config;
        this.detector = new EwmaSpikeDetector(config.spikes().rule());
    }

    @Override
    public void init(ProcessorContext<String, Emit> context) {
        this.context = context;
        this.windows = context.getStateStore(AnalyzeTopology.STATS_WINDOWS_STORE);
        this.series = context.getStateStore(AnalyzeTopology.SIGNAL_SERIES_STORE);
        context.schedule(config.emitInterval(), PunctuationType.WALL_CLOCK_TIME, this::emit);
    }

    @Override
    public void process(Record<String, BrandObservation> record) {
        BrandObservation o = record.value();
        try {
            if (o.backfill()) {
                // Indexed through mentions.scored, but never part of live figures or signals.
                backfill++;
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
            }
        } catch (RuntimeException e) {
            LOG.warn("event=step-failed stage={} brand={} id={} error={}", STAGE, o.brand(), o.mentionId(), DeadLetters.describe(e));
            context.forward(new Record<>(o.mentionId(), Emit.dead(DeadLetters.of(STAGE, null, null, null, o.mentionId(),
                    "statistics failed: " + DeadLetters.describe(e), e,
                    InternalSerdes.observation().encode(o), context.currentSystemTimeMs())), record.timestamp()));
        }
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
        endQuietEpisodes(closeClock);
    }

    private void closeMinute(WindowAccumulator a) {
        BrandSeries s = seriesOf(a.brand);
        SeriesState volume = s.byKind.computeIfAbsent(SignalKind.VOLUME.name(), k -> new SeriesState());
        if (volume.lastMinuteMs >= 0) {
            long missing = (a.startMs - volume.lastMinuteMs) / MINUTE - 1;
            long first = a.startMs - Math.min(missing, MAX_ZERO_FILL) * MINUTE;
            for (long t = first; t < a.startMs; t += MINUTE) {
                feedClosed(s, a.brand, t, 0, 0, 0, 0, List.of(), List.of());
            }
        }
        feedClosed(s, a.brand, a.startMs, a.volume, a.negative, a.reach, a.volume,
                a.driverIds(false), a.driverIds(true));
        series.put(a.brand, s);
    }

    private void feedClosed(BrandSeries s, String brand, long minuteStart, long volume, long negative, long reach,
            long judged, List<String> drivers, List<String> negativeDrivers) {
        for (SignalKind kind : KINDS) {
            SeriesState state = s.byKind.computeIfAbsent(kind.name(), k -> new SeriesState());
            if (minuteStart <= state.lastMinuteMs) {
                continue;
            }
            if (kind == SignalKind.NEGATIVE_SHARE && judged == 0) {
                state.lastMinuteMs = minuteStart;
                continue;
            }
            double value = value(kind, volume, negative, reach);
            Optional<SpikeSignal> signal = detector.closeMinute(state, brand, kind, minuteStart, value, judged,
                    kind == SignalKind.VOLUME || kind == SignalKind.REACH ? drivers : negativeDrivers);
            signal.ifPresent(sig -> forward(brand, Emit.signal(sig), context.currentSystemTimeMs()));
        }
    }

    private void openMinute(WindowAccumulator a, Instant now) {
        BrandSeries s = seriesOf(a.brand);
        boolean changed = false;
        for (SignalKind kind : KINDS) {
            SeriesState state = s.byKind.computeIfAbsent(kind.name(), k -> new SeriesState());
            Optional<SpikeSignal> signal = detector.openMinute(state, a.brand, kind, a.startMs,
                    value(kind, a.volume, a.negative, a.reach), a.volume,
                    a.driverIds(kind == SignalKind.NEGATIVE_VOLUME), now);
            if (signal.isPresent()) {
                changed = true;
                forward(a.brand, Emit.signal(signal.get()), now.toEpochMilli());
            }
        }
        if (changed) {
            series.put(a.brand, s);
        }
    }

    /** A brand gone silent gets its empty minutes fed, so an open episode can end without a new mention. */
    private void endQuietEpisodes(long closeClock) {
        List<KeyValue<String, BrandSeries>> all = new ArrayList<>();
        try (KeyValueIterator<String, BrandSeries> it = series.all()) {
            it.forEachRemaining(all::add);
        }
        for (KeyValue<String, BrandSeries> kv : all) {
            BrandSeries s = kv.value;
            boolean anyActive = s.byKind.values().stream().anyMatch(SeriesState::active);
            SeriesState volume = s.byKind.get(SignalKind.VOLUME.name());
            if (!anyActive || volume == null || volume.lastMinuteMs < 0) {
                continue;
            }
            long lastClosable = Math.floorDiv(closeClock - config.grace().toMillis(), MINUTE) * MINUTE - MINUTE;
            if (lastClosable <= volume.lastMinuteMs || windows.get(key(kv.key, WINDOWS.get(0), volume.lastMinuteMs + MINUTE)) != null) {
                continue;
            }
            long first = Math.max(volume.lastMinuteMs + MINUTE, lastClosable - (MAX_ZERO_FILL - 1) * MINUTE);
            for (long t = first; t <= lastClosable; t += MINUTE) {
                if (windows.get(key(kv.key, WINDOWS.get(0), t)) != null) {
                    break;
                }
                feedClosed(s, kv.key, t, 0, 0, 0, 0, List.of(), List.of());
            }
            series.put(kv.key, s);
        }
    }

    private BrandSeries seriesOf(String brand) {
        BrandSeries s = series.get(brand);
        return s == null ? new BrandSeries() : s;
    }

    private static double value(SignalKind kind, long volume, long negative, long reach) {
        return switch (kind) {
            case VOLUME -> volume;
            case NEGATIVE_VOLUME -> negative;
            case NEGATIVE_SHARE -> volume == 0 ? 0 : (double) negative / volume;
            case REACH -> reach;
            default -> 0;
        };
    }

    private void forward(String key, Emit emit, long timestamp) {
        context.forward(new Record<>(key, emit, timestamp));
    }

}
