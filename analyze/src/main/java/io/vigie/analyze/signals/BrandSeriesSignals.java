package io.vigie.analyze.signals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigie.analyze.detection.series.Observation;
import io.vigie.analyze.detection.series.SeriesDetector;
import io.vigie.analyze.detection.series.SeriesEvent;
import io.vigie.analyze.detection.series.SeriesParams;
import io.vigie.analyze.detection.series.SeriesState;
import io.vigie.analyze.detection.signal.SpikeSignals;
import io.vigie.model.SignalKind;
import io.vigie.model.SignalPhase;
import io.vigie.model.SpikeSignal;
import io.vigie.model.VigieJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The four brand series detectors at a one-minute step, and the START/UPDATE/END signals they raise.
 *
 * <p>An open minute is judged on a copy of the detector state: its count so far is a lower bound of the final
 * count, so if it already alarms, the START goes out now and the state is left untouched. When the minute closes
 * the real observation is made; its START for the same episode (same signal id) is then sent as an UPDATE, and an
 * early START that the full minute does not confirm is ENDed, so every episode has one START and one END.
 */
public final class BrandSeriesSignals {
    public static final List<SignalKind> KINDS =
            List.of(SignalKind.VOLUME, SignalKind.NEGATIVE_VOLUME, SignalKind.NEGATIVE_SHARE, SignalKind.REACH);
    public static final Duration STEP = Duration.ofMinutes(1);

    private final Map<SignalKind, SeriesDetector> detectors = new EnumMap<>(SignalKind.class);

    /**
     * @param warmUp how long a new series is only learned from (null: the detection part's committed value)
     * @param quiet how long a score must stay low before an episode ends (null: the committed value)
     */
    public BrandSeriesSignals(Duration warmUp, Duration quiet) {
        for (SignalKind kind : KINDS) {
            detectors.put(kind, new SeriesDetector(override(SeriesParams.forKind(kind, STEP), warmUp, quiet)));
        }
    }

    /** The committed parameters with warmUp and quiet replaced, through JSON so new parameters pass unchanged. */
    private static SeriesParams override(SeriesParams p, Duration warmUp, Duration quiet) {
        ObjectMapper json = VigieJson.newMapper();
        ObjectNode tree = json.valueToTree(p);
        if (warmUp != null) {
            tree.set("warmUp", json.valueToTree(warmUp));
        }
        if (quiet != null) {
            tree.set("quiet", json.valueToTree(quiet));
        }
        try {
            return json.treeToValue(tree, SeriesParams.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot override the detector parameters: " + e.getOriginalMessage(), e);
        }
    }

    public SeriesParams params(SignalKind kind) {
        return detectors.get(kind).params();
    }

    /** Feeds a closed minute (zeros for a minute without mentions) to every series of the brand. */
    public List<SpikeSignal> closeMinute(BrandSeriesState s, String brand, long minuteStartMs, MinuteFigures f) {
        List<SpikeSignal> out = new ArrayList<>();
        for (SignalKind kind : KINDS) {
            if (minuteStartMs <= s.lastMinuteOf(kind.name())) {
                continue;
            }
            if (kind == SignalKind.NEGATIVE_SHARE && f.volume() == 0) {
                // No mentions, no share: an unknown value, skipped (the share detector treats gaps as unknown).
                continue;
            }
            SeriesState state = stateOf(s, kind);
            Observation o = kind == SignalKind.NEGATIVE_SHARE
                    ? detectors.get(kind).observeShare(state, minuteStartMs, f.negative(), f.volume())
                    : detectors.get(kind).observe(state, minuteStartMs, value(kind, f));
            s.detector.put(kind.name(), state.toBytes());
            s.lastMinute.put(kind.name(), minuteStartMs);
            String early = s.startedEarly.get(kind.name());
            for (SeriesEvent e : o.events()) {
                SpikeSignal signal = SpikeSignals.fromSeries(e, brand, kind, drivers(kind, f, e.phase()));
                if (e.phase() == SignalPhase.START && signal.signalId().equals(early)) {
                    signal = withPhase(signal, SignalPhase.UPDATE);
                    s.startedEarly.remove(kind.name());
                    early = null;
                } else if (e.phase() == SignalPhase.END && signal.signalId().equals(early)) {
                    s.startedEarly.remove(kind.name());
                    early = null;
                }
                out.add(signal);
            }
            if (early != null) {
                // Started from the open minute, yet the closed minute raised no START for that episode.
                out.add(new SpikeSignal(1, early, brand, kind, SignalPhase.END, null, null,
                        java.time.Instant.ofEpochMilli(minuteStartMs), java.time.Instant.ofEpochMilli(minuteStartMs),
                        value(kind, f), o.expected(), 0, null,
                        "The early alarm on " + brand + " was not confirmed when its minute closed.", List.of()));
                s.startedEarly.remove(kind.name());
            }
        }
        return out;
    }

    /**
     * Rebuilds the brand's four detectors from its minute history (backfilled and live minutes, in event-time
     * order; minutes missing from it had no mention), so a brand's live judgement starts from its past rather than
     * from a warm-up. Nothing the history raises is signalled: its alarms are past, and the one still open at its
     * end is closed silently. An alarm the live series had open is ENDed (its episode is judged again against
     * the history from the next minute).
     *
     * @param history minute start (epoch ms) and figures, ascending
     * @return END signals for the live alarms the rebuild closed
     */
    public List<SpikeSignal> learnHistory(BrandSeriesState s, String brand, Iterable<Map.Entry<Long, MinuteFigures>> history) {
        List<SpikeSignal> out = new ArrayList<>();
        for (SignalKind kind : KINDS) {
            SeriesState old = stateOf(s, kind);
            String early = s.startedEarly.remove(kind.name());
            String open = early != null ? early : old.alarmed()
                    ? SpikeSignals.signalId(brand, kind, null, java.time.Instant.ofEpochMilli(old.since())) : null;
            if (open != null) {
                long at = Math.max(0, s.lastMinuteOf(kind.name()));
                out.add(new SpikeSignal(1, open, brand, kind, SignalPhase.END, null, null,
                        java.time.Instant.ofEpochMilli(at), java.time.Instant.ofEpochMilli(at), 0, 0, 0, null,
                        "The alarm on " + brand + " is judged again now that the brand's history is loaded.", List.of()));
            }
            SeriesDetector d = detectors.get(kind);
            SeriesState state = new SeriesState();
            long last = Long.MIN_VALUE;
            for (Map.Entry<Long, MinuteFigures> m : history) {
                MinuteFigures f = m.getValue();
                if (kind == SignalKind.NEGATIVE_SHARE) {
                    if (f.volume() > 0) {
                        d.observeShare(state, m.getKey(), f.negative(), f.volume());
                        last = m.getKey();
                    }
                } else {
                    d.observe(state, m.getKey(), value(kind, f));
                    last = m.getKey();
                }
            }
            state.forgetOpenEpisode();
            if (last != Long.MIN_VALUE) {
                s.detector.put(kind.name(), state.toBytes());
                s.lastMinute.put(kind.name(), Math.max(last, s.lastMinuteOf(kind.name())));
            }
        }
        s.historyPending = false;
        return out;
    }

    /** Judges a minute still open; only ever STARTs an episode. The brand's state is changed only to remember it. */
    public List<SpikeSignal> openMinute(BrandSeriesState s, String brand, long minuteStartMs, MinuteFigures soFar) {
        List<SpikeSignal> out = new ArrayList<>();
        for (SignalKind kind : KINDS) {
            if (kind == SignalKind.NEGATIVE_SHARE || minuteStartMs <= s.lastMinuteOf(kind.name())
                    || s.startedEarly.containsKey(kind.name())) {
                // A share so far is no bound of the minute's share: judged only when the minute closes.
                continue;
            }
            SeriesState real = stateOf(s, kind);
            if (real.alarmed()) {
                continue;
            }
            SeriesState trial = SeriesState.fromBytes(real.toBytes());
            Observation o = detectors.get(kind).observe(trial, minuteStartMs, value(kind, soFar));
            for (SeriesEvent e : o.events()) {
                if (e.phase() == SignalPhase.START) {
                    SpikeSignal start = SpikeSignals.fromSeries(e, brand, kind, drivers(kind, soFar, e.phase()));
                    s.startedEarly.put(kind.name(), start.signalId());
                    out.add(start);
                }
            }
        }
        return out;
    }

    private static SeriesState stateOf(BrandSeriesState s, SignalKind kind) {
        byte[] bytes = s.detector.get(kind.name());
        return bytes == null ? new SeriesState() : SeriesState.fromBytes(bytes);
    }

    private static double value(SignalKind kind, MinuteFigures f) {
        return switch (kind) {
            case VOLUME -> f.volume();
            case NEGATIVE_VOLUME -> f.negative();
            case NEGATIVE_SHARE -> f.volume() == 0 ? 0 : (double) f.negative() / f.volume();
            case REACH -> Math.max(0, f.reach());
            default -> throw new IllegalArgumentException(kind + " is not a brand series");
        };
    }

    private static List<String> drivers(SignalKind kind, MinuteFigures f, SignalPhase phase) {
        if (phase == SignalPhase.END) {
            return List.of();
        }
        return kind == SignalKind.VOLUME || kind == SignalKind.REACH ? f.drivers() : f.negativeDrivers();
    }

    private static SpikeSignal withPhase(SpikeSignal s, SignalPhase phase) {
        return new SpikeSignal(s.schemaVersion(), s.signalId(), s.brand(), s.kind(), phase, s.direction(), s.subject(),
                s.since(), s.at(), s.observed(), s.expected(), s.anomalyScore(), s.pValue(), s.explanation(),
                s.mentionIds());
    }
}
