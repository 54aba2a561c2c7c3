package io.vigie.analyze.signals;

import io.vigie.model.Direction;
import io.vigie.model.Schema;
import io.vigie.model.SignalKind;
import io.vigie.model.SignalPhase;
import io.vigie.model.SpikeSignal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The streams part's own minimal detector for one per-minute series: exponentially weighted mean and variance
 * learned from quiet minutes, a Poisson floor under the deviation of count series (a brand seen twice a minute is
 * not alarming at five), and START/UPDATE/END with hysteresis. It can also judge an open minute: its count so far
 * is a lower bound of the final one, so an episode can start before the minute closes.
 */
public final class EwmaSpikeDetector {
    private final SpikeRule rule;

    public EwmaSpikeDetector(SpikeRule rule) {
        this.rule = rule;
    }

    /** The series value of a minute that just closed, or zero for a minute without mentions. */
    public Optional<SpikeSignal> closeMinute(SeriesState s, String brand, SignalKind kind, long minuteStartMs, double value,
            long volume, List<String> driverIds) {
        s.lastMinuteMs = minuteStartMs;
        Instant at = Instant.ofEpochMilli(minuteStartMs + 60_000);
        if (s.active()) {
            double z = z(s, kind, value);
            s.peak = Math.max(s.peak, value);
            if (z < rule.endZ() || !judgeable(kind, volume)) {
                s.calmMinutes++;
            } else {
                s.calmMinutes = 0;
            }
            if (s.calmMinutes >= rule.endAfterMinutes()) {
                SpikeSignal end = signal(s, brand, kind, SignalPhase.END, at, value, z, List.of(),
                        String.format(Locale.ROOT, "%s of %s back to normal: %s against %s expected (peak %s)",
                                label(kind), brand, fmt(kind, value), fmt(kind, s.mean), fmt(kind, s.peak)));
                s.signalId = null;
                s.calmMinutes = 0;
                learn(s, value);
                return Optional.of(end);
            }
            return Optional.of(signal(s, brand, kind, SignalPhase.UPDATE, at, value, z, driverIds, explanation(s, brand, kind, value, true)));
        }
        Optional<SpikeSignal> start = startIfUnusual(s, brand, kind, minuteStartMs, value, volume, driverIds, at);
        if (start.isEmpty()) {
            learn(s, value);
        }
        return start;
    }

    /** Judges a minute still open; only ever starts an episode (the close decides its updates and end). */
    public Optional<SpikeSignal> openMinute(SeriesState s, String brand, SignalKind kind, long minuteStartMs,
            double valueSoFar, long volumeSoFar, List<String> driverIds, Instant now) {
        if (s.active() || kind == SignalKind.NEGATIVE_SHARE) {
            // A share is not a lower bound of the final share: judge it only when the minute closes.
            return Optional.empty();
        }
        return startIfUnusual(s, brand, kind, minuteStartMs, valueSoFar, volumeSoFar, driverIds, now);
    }

    private Optional<SpikeSignal> startIfUnusual(SeriesState s, String brand, SignalKind kind, long minuteStartMs,
            double value, long volume, List<String> driverIds, Instant at) {
        if (s.n < rule.warmupMinutes() || !judgeable(kind, volume)) {
            return Optional.empty();
        }
        if (kind != SignalKind.NEGATIVE_SHARE && kind != SignalKind.REACH && value < rule.minCount()) {
            return Optional.empty();
        }
        double z = z(s, kind, value);
        if (z < rule.startZ()) {
            return Optional.empty();
        }
        s.signalId = brand + ":" + kind.name().toLowerCase(Locale.ROOT) + ":" + minuteStartMs;
        s.sinceMs = minuteStartMs;
        s.calmMinutes = 0;
        s.peak = value;
        return Optional.of(signal(s, brand, kind, SignalPhase.START, at, value, z, driverIds,
                explanation(s, brand, kind, value, false)));
    }

    private boolean judgeable(SignalKind kind, long volume) {
        return kind != SignalKind.NEGATIVE_SHARE || volume >= rule.minCount();
    }

    private double z(SeriesState s, SignalKind kind, double value) {
        double floor = switch (kind) {
            case VOLUME, NEGATIVE_VOLUME -> Math.max(s.mean, 1.0);
            case NEGATIVE_SHARE -> 0.01;
            default -> Math.max(s.mean, 1.0) * Math.max(s.mean, 1.0) * 0.01;
        };
        return (value - s.mean) / Math.sqrt(Math.max(s.variance, 0) + floor);
    }

    private void learn(SeriesState s, double value) {
        if (s.n == 0) {
            s.mean = value;
            s.variance = 0;
        } else {
            double diff = value - s.mean;
            double increment = rule.alpha() * diff;
            s.mean += increment;
            s.variance = (1 - rule.alpha()) * (s.variance + diff * increment);
        }
        s.n++;
    }

    private SpikeSignal signal(SeriesState s, String brand, SignalKind kind, SignalPhase phase, Instant at, double value,
            double z, List<String> driverIds, String explanation) {
        double score = Math.max(0, Math.min(1, z / (2 * rule.startZ())));
        return new SpikeSignal(Schema.VERSION, s.signalId, brand, kind, phase, Direction.RISE, null,
                Instant.ofEpochMilli(s.sinceMs), at, value, s.mean, score, null, explanation, driverIds);
    }

    private String explanation(SeriesState s, String brand, SignalKind kind, double value, boolean ongoing) {
        return String.format(Locale.ROOT, "%s of %s %s: %s in the minute against %s expected (%.1f standard deviations, ewma detector)",
                label(kind), brand, ongoing ? "still unusual" : "unusually high", fmt(kind, value), fmt(kind, s.mean),
                z(s, kind, value));
    }

    private static String label(SignalKind kind) {
        return switch (kind) {
            case VOLUME -> "mentions";
            case NEGATIVE_VOLUME -> "negative mentions";
            case NEGATIVE_SHARE -> "share of negative mentions";
            case REACH -> "reach";
            default -> kind.name().toLowerCase(Locale.ROOT);
        };
    }

    private static String fmt(SignalKind kind, double v) {
        return kind == SignalKind.NEGATIVE_SHARE ? String.format(Locale.ROOT, "%.0f%%", v * 100)
                : String.format(Locale.ROOT, "%.1f", v);
    }
}
