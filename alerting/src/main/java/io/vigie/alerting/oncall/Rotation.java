package io.vigie.alerting.oncall;

import io.vigie.alerting.AlertingConfig;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * A weekly rotation: participants take one week each in order, handing off at a local day and time (so a
 * daylight-saving change does not move the handoff), with overrides (holidays, swaps) that win over the rotation.
 */
public final class Rotation {
    private final String name;
    private final ZoneId zone;
    private final LocalDateTime firstHandoff;
    private final List<String> participants;
    private final List<AlertingConfig.Override> overrides;

    public Rotation(String name, ZoneId zone, LocalDateTime firstHandoff, List<String> participants,
            List<AlertingConfig.Override> overrides) {
        if (participants.isEmpty()) {
            throw new IllegalArgumentException("a rotation needs at least one participant");
        }
        this.name = name;
        this.zone = zone;
        this.firstHandoff = firstHandoff;
        this.participants = List.copyOf(participants);
        this.overrides = List.copyOf(overrides);
    }

    /** Parses the config; throws IllegalArgumentException naming what is wrong. */
    public static Rotation of(AlertingConfig.Rotation r) {
        ZoneId zone;
        try {
            zone = ZoneId.of(r.timeZone());
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("timeZone: unknown time zone '" + r.timeZone() + "'");
        }
        DayOfWeek day;
        try {
            day = DayOfWeek.valueOf(r.handoffDay().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("handoffDay: '" + r.handoffDay() + "' is not a day (MONDAY … SUNDAY)");
        }
        LocalTime time;
        try {
            time = LocalTime.parse(r.handoffTime());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("handoffTime: '" + r.handoffTime() + "' is not a time like \"09:00\"");
        }
        if (r.start() == null) {
            throw new IllegalArgumentException("start: the date the first participant's week begins is required");
        }
        LocalDate start;
        try {
            start = LocalDate.parse(r.start());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("start: '" + r.start() + "' is not a date like 2026-01-05");
        }
        if (start.getDayOfWeek() != day) {
            throw new IllegalArgumentException("start: " + start + " is a " + start.getDayOfWeek()
                    + ", not the handoff day " + day);
        }
        for (int i = 0; i < r.overrides().size(); i++) {
            AlertingConfig.Override o = r.overrides().get(i);
            if (o.from() == null || o.to() == null || !o.to().isAfter(o.from())) {
                throw new IllegalArgumentException("overrides[" + i + "]: needs from and to, to after from");
            }
            for (int j = 0; j < i; j++) {
                AlertingConfig.Override other = r.overrides().get(j);
                if (o.from().isBefore(other.to()) && other.from().isBefore(o.to())) {
                    throw new IllegalArgumentException("overrides[" + i + "]: overlaps overrides[" + j + "] ("
                            + other.receiver() + " " + other.from() + " → " + other.to() + ")");
                }
            }
        }
        return new Rotation(r.name(), zone, start.atTime(time), r.participants(), r.overrides());
    }

    public String name() {
        return name;
    }

    /** The receiver on call at {@code at}. */
    public String onCall(Instant at) {
        for (AlertingConfig.Override o : overrides) {
            if (!at.isBefore(o.from()) && at.isBefore(o.to())) {
                return o.receiver();
            }
        }
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        long weeks = Math.floorDiv(ChronoUnit.MINUTES.between(firstHandoff, local), 7L * 24 * 60);
        return participants.get((int) Math.floorMod(weeks, (long) participants.size()));
    }
}
