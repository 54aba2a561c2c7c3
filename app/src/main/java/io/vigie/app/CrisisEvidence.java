package io.vigie.app;

import io.vigie.analyze.signals.BrandSeriesSignals;
import io.vigie.analyze.signals.BrandSeriesState;
import io.vigie.analyze.signals.MinuteFigures;
import io.vigie.model.BrandStats;
import io.vigie.model.ScoredMention;
import io.vigie.model.SentimentLabel;
import io.vigie.model.SignalPhase;
import io.vigie.model.SpikeSignal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The detector's evidence needs for one crisis, found by replaying the analyze stage's own brand detectors
 * ({@link BrandSeriesSignals}, with the bench's {@code warmUp} and {@code quiet}) over what the stage itself
 * published: the brand's closed one-minute windows before the crisis minute (from {@code brand.stats}), then the
 * crisis minute's mentions one by one, in publication order, with the sentiment the stage gave them (from
 * {@code mentions.scored}). The crisis item that completes the evidence is the first after which the open-minute
 * judgement STARTs an episode: before it, no detector could have alarmed whatever the pipeline's speed.
 *
 * <p>Reach is each mention's first version's (what the stage counts when it first sees it); a later version's growth
 * is not replayed. The bench's feeds carry no engagement, so there every reach is 0; the demo's video carries views.
 */
public final class CrisisEvidence {
    /** Item {@code number} (1-based, in the crisis) completes the evidence; {@code kinds} are the series it starts. */
    public record Needs(int number, long volume, long negative, List<String> kinds) {
        public String describe() {
            return "item " + number + " (open minute volume=" + volume + " negative=" + negative + ", starts "
                    + String.join("+", kinds) + ")";
        }
    }

    private final Duration warmUp;
    private final Duration quiet;

    public CrisisEvidence(Duration warmUp, Duration quiet) {
        this.warmUp = warmUp;
        this.quiet = quiet;
    }

    /**
     * @param closedMinutes the brand's closed one-minute windows (any order; those at or after the crisis minute are
     *                      ignored)
     * @param otherInMinute scored mentions of the brand in the crisis minute that are not crisis items
     * @param crisis        scored crisis items in publication order (all in one minute)
     * @return the needs, or null when even the whole crisis does not start an episode in the replay
     */
    public Needs find(String brand, List<BrandStats> closedMinutes, List<ScoredMention> otherInMinute, List<ScoredMention> crisis) {
        return find(brand, List.of(), closedMinutes, otherInMinute, crisis);
    }

    /**
     * @param backfill the brand's backfilled mentions (scored with {@code backfill=true}), any order: analyze folds
     *                 them into per-minute history and rebuilds the detectors from it before the live minutes
     *                 ({@code BrandSeriesSignals.learnHistory}); so does the replay
     */
    public Needs find(String brand, List<ScoredMention> backfill, List<BrandStats> closedMinutes,
                      List<ScoredMention> otherInMinute, List<ScoredMention> crisis) {
        if (crisis.isEmpty()) {
            return null;
        }
        Instant minute = crisis.get(0).eventTime().truncatedTo(ChronoUnit.MINUTES);
        BrandSeriesSignals detectors = new BrandSeriesSignals(warmUp, quiet);
        BrandSeriesState state = new BrandSeriesState();
        if (!backfill.isEmpty()) {
            detectors.learnHistory(state, brand, historyMinutes(brand, backfill).entrySet());
        }
        closedMinutes.stream()
                .filter(s -> s.closed() && s.windowStart().isBefore(minute))
                .sorted(Comparator.comparing(BrandStats::windowStart))
                .forEach(s -> detectors.closeMinute(state, brand, s.windowStart().toEpochMilli(),
                        new MinuteFigures(s.volume(), s.negative(), s.reach(), List.of(), List.of())));
        long volume = 0;
        long negative = 0;
        long reach = 0;
        for (ScoredMention m : otherInMinute) {
            if (!m.backfill()) {
                volume++;
                negative += m.sentimentFor(brand).label() == SentimentLabel.NEGATIVE ? 1 : 0;
                reach += reach(m);
            }
        }
        for (int i = 0; i < crisis.size(); i++) {
            ScoredMention m = crisis.get(i);
            if (!m.eventTime().truncatedTo(ChronoUnit.MINUTES).equals(minute)) {
                return null; // the crisis straddles two minutes: the bench schedules crises so that it never does
            }
            volume++;
            negative += m.sentimentFor(brand).label() == SentimentLabel.NEGATIVE ? 1 : 0;
            reach += reach(m);
            List<SpikeSignal> started = detectors.openMinute(state, brand, minute.toEpochMilli(),
                    new MinuteFigures(volume, negative, reach, List.of(), List.of()));
            List<String> kinds = started.stream().filter(s -> s.phase() == SignalPhase.START)
                    .map(s -> s.kind().name()).toList();
            if (!kinds.isEmpty()) {
                return new Needs(i + 1, volume, negative, kinds);
            }
        }
        return null;
    }

    /** Backfilled mentions as analyze's minute history holds them: volume, negative and first-version reach. */
    private static SortedMap<Long, MinuteFigures> historyMinutes(String brand, List<ScoredMention> backfill) {
        SortedMap<Long, MinuteFigures> minutes = new TreeMap<>();
        for (ScoredMention m : backfill) {
            if (!m.backfill() || !m.brands().contains(brand)) {
                continue;
            }
            long at = m.eventTime().truncatedTo(ChronoUnit.MINUTES).toEpochMilli();
            boolean negative = m.sentimentFor(brand).label() == SentimentLabel.NEGATIVE;
            minutes.merge(at, new MinuteFigures(1, negative ? 1 : 0, reach(m), List.of(), List.of()),
                    (a, b) -> new MinuteFigures(a.volume() + b.volume(), a.negative() + b.negative(),
                            a.reach() + b.reach(), List.of(), List.of()));
        }
        return minutes;
    }

    private static long reach(ScoredMention m) {
        return m.mention().engagement() == null ? 0 : m.mention().engagement().reach();
    }
}
