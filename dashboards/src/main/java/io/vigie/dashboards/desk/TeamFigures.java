package io.vigie.dashboards.desk;

import io.vigie.model.MentionResponse;
import io.vigie.model.ResponseChange;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The team's figures on the desk: the open queue, and the time to first answer (the mention's event time to its
 * first ANSWER) today and this week (from Monday 00:00 in the team's time zone), median and p90 (nearest rank),
 * for the whole team, per person (who gave the first answer) and per brand. Pure: computed from the states.
 *
 * @param openQueue mentions still waiting: those the team touched and left open or assigned, plus
 *     {@code untouched}, the ones needing an answer that nobody touched yet (counted by the caller in search)
 */
public record TeamFigures(long openQueue, Window today, Window thisWeek) {

    /** Median and p90 over one period, null when nothing was answered in it. */
    public record Stat(int answered, Duration median, Duration p90) {}

    public record Window(Stat team, Map<String, Stat> perPerson, Map<String, Stat> perBrand) {}

    private record Answered(String person, String brand, Duration waited) {}

    public static TeamFigures of(Collection<MentionResponse> responses, long untouched, Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        Instant dayStart = local.toLocalDate().atStartOfDay(zone).toInstant();
        Instant weekStart = local.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .atStartOfDay(zone).toInstant();
        long open = untouched;
        List<Answered> today = new ArrayList<>();
        List<Answered> week = new ArrayList<>();
        for (MentionResponse r : responses) {
            if (r.isWaiting()) {
                open++;
            }
            if (r.firstAnsweredAt() == null || r.mentionAt() == null || r.firstAnsweredAt().isAfter(now)) {
                continue;
            }
            Answered a = new Answered(firstAnswerer(r), r.brand() == null ? "?" : r.brand(),
                    Duration.between(r.mentionAt(), r.firstAnsweredAt()));
            if (!r.firstAnsweredAt().isBefore(weekStart)) {
                week.add(a);
            }
            if (!r.firstAnsweredAt().isBefore(dayStart)) {
                today.add(a);
            }
        }
        return new TeamFigures(open, window(today), window(week));
    }

    private static String firstAnswerer(MentionResponse r) {
        return r.history().stream().filter(c -> ResponseChange.ANSWER.equals(c.action())).findFirst()
                .map(ResponseChange::actor).orElse("?");
    }

    private static Window window(List<Answered> answered) {
        return new Window(stat(answered), grouped(answered, Answered::person), grouped(answered, Answered::brand));
    }

    private static Map<String, Stat> grouped(List<Answered> answered, Function<Answered, String> by) {
        Map<String, List<Answered>> groups = new TreeMap<>();
        for (Answered a : answered) {
            groups.computeIfAbsent(by.apply(a), k -> new ArrayList<>()).add(a);
        }
        Map<String, Stat> out = new TreeMap<>();
        groups.forEach((k, v) -> out.put(k, stat(v)));
        return out;
    }

    private static Stat stat(List<Answered> answered) {
        List<Duration> waits = answered.stream().map(Answered::waited).sorted().toList();
        if (waits.isEmpty()) {
            return new Stat(0, null, null);
        }
        return new Stat(waits.size(), rank(waits, 0.5), rank(waits, 0.9));
    }

    /** Nearest rank: the smallest value with at least {@code q} of the values at or below it. */
    static Duration rank(List<Duration> sorted, double q) {
        int index = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
