package io.vigie.alerting.routing;

import io.vigie.alerting.AlertingConfig;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A receiver's quiet hours in its own time zone, e.g. 22:00 → 07:00 on every day, or 19:00 → 08:00 on
 * weekdays plus whole weekends. A period that starts on one of {@code days} may run into the next day.
 * Non-critical notifications are held until the period ends, never dropped.
 */
public final class QuietHours {
    private final ZoneId zone;
    private final LocalTime from;
    private final LocalTime to;
    private final Set<DayOfWeek> days;

    public QuietHours(ZoneId zone, LocalTime from, LocalTime to, Set<DayOfWeek> days) {
        this.zone = zone;
        this.from = from;
        this.to = to;
        this.days = days.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : EnumSet.copyOf(days);
    }

    /** Parses a receiver's config; throws IllegalArgumentException naming the bad value. */
    public static QuietHours of(String timeZone, AlertingConfig.QuietHours q) {
        ZoneId zone = ZoneId.of(timeZone);
        LocalTime from = time(q.from(), "from");
        LocalTime to = time(q.to(), "to");
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String d : q.days()) {
            try {
                days.add(DayOfWeek.valueOf(d.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + d + "' is not a day; write MONDAY … SUNDAY");
            }
        }
        return new QuietHours(zone, from, to, days);
    }

    private static LocalTime time(String text, String field) {
        if (text == null) {
            throw new IllegalArgumentException(field + " is required, e.g. \"22:00\"");
        }
        try {
            return LocalTime.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": '" + text + "' is not a time of day like \"22:00\"");
        }
    }

    /** When the quiet period covering {@code at} ends, or null when {@code at} is not in quiet hours. */
    public Instant quietUntil(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        // The period that may cover "at" started today or, when it crosses midnight, yesterday.
        for (int back = 0; back <= 1; back++) {
            LocalDate startDay = local.toLocalDate().minusDays(back);
            if (!days.contains(startDay.getDayOfWeek())) {
                continue;
            }
            ZonedDateTime start = startDay.atTime(from).atZone(zone);
            ZonedDateTime end = (to.isAfter(from) ? startDay : startDay.plusDays(1)).atTime(to).atZone(zone);
            if (!local.isBefore(start) && local.isBefore(end)) {
                return end.toInstant();
            }
        }
        return null;
    }
}
