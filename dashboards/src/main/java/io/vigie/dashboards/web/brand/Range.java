package io.vigie.dashboards.web.brand;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The period a brand page shows and its bucket. {@code range} is {@code 1h}, {@code 24h}, {@code 7d}, {@code 30d}
 * or {@code custom} (then {@code from}/{@code to} as local date-times in the user's zone); {@code bucket} is
 * {@code minute}, {@code hour} or {@code day}, by default the one giving 24 to 170 points.
 *
 * @param live true when the period ends now, so the page follows new mentions
 */
public record Range(String name, Instant from, Instant to, String bucket, boolean live) {
    public static final int MAX_BUCKETS = 5000;

    public static Range parse(String range, String bucket, String from, String to, ZoneId zone, Instant now) {
        String name = range == null ? "24h" : range;
        Instant start;
        Instant end = now;
        boolean live = true;
        switch (name) {
            case "1h" -> start = now.minus(1, ChronoUnit.HOURS);
            case "7d" -> start = now.minus(7, ChronoUnit.DAYS);
            case "30d" -> start = now.minus(30, ChronoUnit.DAYS);
            case "custom" -> {
                start = local(from, zone, now.minus(1, ChronoUnit.DAYS));
                end = local(to, zone, now);
                if (!end.isBefore(now)) {
                    end = now;
                } else {
                    live = false;
                }
                if (!start.isBefore(end)) {
                    start = end.minus(1, ChronoUnit.HOURS);
                }
            }
            default -> {
                name = "24h";
                start = now.minus(1, ChronoUnit.DAYS);
            }
        }
        return new Range(name, start, end, bucketFor(Duration.between(start, end), bucket), live);
    }

    /**
     * A custom range of a page that shows a stretch of a brand's series (an incident and the hours before it), with
     * the bucket {@link #parse} would choose for its length.
     */
    public static Range between(Instant from, Instant to, boolean live) {
        return new Range("custom", from, to, bucketFor(Duration.between(from, to), null), live);
    }

    /** The asked bucket when valid and not too fine for the length, else minute up to 3 h, hour up to 8 days, day. */
    private static String bucketFor(Duration length, String asked) {
        String b = asked;
        if (b == null || !(b.equals("minute") || b.equals("hour") || b.equals("day"))) {
            b = length.compareTo(Duration.ofHours(3)) <= 0 ? "minute" : length.compareTo(Duration.ofDays(8)) <= 0 ? "hour" : "day";
        }
        if (length.toMillis() / millis(b) > MAX_BUCKETS) {
            b = length.toMillis() / millis("hour") > MAX_BUCKETS ? "day" : "hour";
        }
        return b;
    }

    private static Instant local(String value, ZoneId zone, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    public static long millis(String bucket) {
        return switch (bucket) {
            case "minute" -> 60_000L;
            case "day" -> 86_400_000L;
            default -> 3_600_000L;
        };
    }

    public long bucketMillis() {
        return millis(bucket);
    }

    public String interval() {
        return switch (bucket) {
            case "minute" -> "1m";
            case "day" -> "1d";
            default -> "1h";
        };
    }

    /** The period just before, of the same length: the background of significant terms. */
    public Range previous() {
        Duration length = Duration.between(from, to);
        return new Range(name, from.minus(length), from, bucket, false);
    }
}
