package io.vigie.ingest.crawl.dates;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date written beside a comment or forum post and returns the instant it denotes, or null when the text
 * holds no date it can read with confidence. Relative forms ("3 hours ago", "il y a 3 heures", "vor 3 Stunden",
 * "hier à 14h05", "lundi dernier") are resolved against a reference time (the fetch time) in the site's zone;
 * absolute forms without a zone are read in that zone too.
 *
 * <p>Written by hand: the Java date-phrase parsers (Natty, PrettyTime's NLP module built on it) are unmaintained
 * and read neither French nor German; {@link DateTimeFormatter} reads one fixed pattern, which is what a per-site
 * rule gives ({@link #parse(String, ZonedDateTime, String, String)}), but not the variety the generic reader meets.
 */
public final class CommentDateParser {

    private static final Map<String, Integer> MONTHS = new HashMap<>();
    private static final Map<String, DayOfWeek> WEEKDAYS = new HashMap<>();
    private static final Map<String, ChronoUnit> UNITS = new HashMap<>();
    private static final Map<String, ZoneOffset> ZONES = new HashMap<>();

    static {
        String[][] months = {
                {"january", "jan", "janvier", "janv", "januar", "jänner", "jan."},
                {"february", "feb", "fevrier", "février", "fevr", "févr", "fev", "fév", "februar", "feber"},
                {"march", "mar", "mars", "märz", "marz", "maerz", "mrz"},
                {"april", "apr", "avril", "avr"},
                {"may", "mai"},
                {"june", "jun", "juin", "juni"},
                {"july", "jul", "juillet", "juil", "juli"},
                {"august", "aug", "aout", "août", "aou", "aoû"},
                {"september", "sep", "sept", "septembre"},
                {"october", "oct", "octobre", "oktober", "okt"},
                {"november", "nov", "novembre"},
                {"december", "dec", "décembre", "decembre", "déc", "dezember", "dez"}};
        for (int i = 0; i < months.length; i++) {
            for (String name : months[i]) {
                MONTHS.put(fold(name), i + 1);
            }
        }
        String[][] days = {
                {"monday", "mon", "lundi", "lun", "montag", "mo"},
                {"tuesday", "tue", "tues", "mardi", "dienstag", "di"},
                {"wednesday", "wed", "mercredi", "mittwoch", "mi"},
                {"thursday", "thu", "thur", "thurs", "jeudi", "jeu", "donnerstag", "do"},
                {"friday", "fri", "vendredi", "ven", "freitag", "fr"},
                {"saturday", "sat", "samedi", "sam", "samstag", "sonnabend", "sa"},
                {"sunday", "sun", "dimanche", "dim", "sonntag", "so"}};
        for (int i = 0; i < days.length; i++) {
            for (String name : days[i]) {
                WEEKDAYS.put(fold(name), DayOfWeek.of(i + 1));
            }
        }
        unit(ChronoUnit.SECONDS, "s", "sec", "secs", "second", "seconds", "seconde", "secondes", "sekunde", "sekunden");
        unit(ChronoUnit.MINUTES, "m", "min", "mins", "minute", "minutes", "minuten", "mn");
        unit(ChronoUnit.HOURS, "h", "hr", "hrs", "hour", "hours", "heure", "heures", "stunde", "stunden", "std");
        unit(ChronoUnit.DAYS, "d", "day", "days", "jour", "jours", "j", "tag", "tagen", "tage");
        unit(ChronoUnit.WEEKS, "w", "wk", "wks", "week", "weeks", "semaine", "semaines", "woche", "wochen");
        unit(ChronoUnit.MONTHS, "mo", "month", "months", "mois", "monat", "monaten", "monate");
        unit(ChronoUnit.YEARS, "y", "yr", "yrs", "year", "years", "an", "ans", "annee", "annees", "jahr", "jahren", "jahre");
        zone(0, "utc", "gmt", "z", "ut", "wet");
        zone(-5, "est", "cdt");
        zone(-4, "edt", "ast");
        zone(-6, "cst", "mdt");
        zone(-7, "mst", "pdt");
        zone(-8, "pst", "akdt");
        zone(-9, "akst");
        zone(-10, "hst");
        zone(1, "cet", "mez", "bst", "west", "wat");
        zone(2, "cest", "mesz", "eet", "sast");
        zone(3, "eest", "msk");
        zone(5, "pkt");
        zone(8, "awst", "sgt");
        zone(9, "jst", "kst");
        zone(10, "aest");
        zone(11, "aedt");
    }

    private static void unit(ChronoUnit unit, String... names) {
        for (String n : names) {
            UNITS.put(n, unit);
        }
    }

    private static void zone(int hours, String... names) {
        for (String n : names) {
            ZONES.put(n, ZoneOffset.ofHours(hours));
        }
    }

    private static final String NUMBER_WORDS = "a|an|one|un|une|ein|eine|einem|einer|two|deux|zwei|three|trois|drei|"
            + "few|several|quelques";
    private static final Pattern AMOUNT = Pattern.compile(
            "(?<![a-z\\d.,])(\\d+(?:[.,]\\d+)?|(?:" + NUMBER_WORDS + ")(?![a-z]))\\s*([a-z]+)\\b");
    private static final Pattern TIME = Pattern.compile(
            "(?<![\\d.:/-])(\\d{1,2})(?:\\s*(?::|h|\\.)\\s*(\\d{2})(?:\\s*(?::|m|min)\\s*(\\d{2}))?)?\\s*"
                    + "(a\\.?\\s?m\\.?|p\\.?\\s?m\\.?|h(?![a-z])|uhr)?(?![\\d/-])");
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})(?:[t ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?\\s*(z|[+-]\\d{2}:?\\d{2})?)?");
    private static final Pattern NUMERIC = Pattern.compile(
            "(?<![\\d.])(\\d{1,4})([./-])(\\d{1,2})\\2(\\d{2,4})(?![\\d])");
    private static final Pattern DAY_MONTH = Pattern.compile("(?<![\\d.:/])(\\d{1,2})(?:/(\\d{1,2})|\\.(\\d{1,2})\\.)(?![\\d/])");
    private static final Pattern WORD = Pattern.compile("[a-z]+\\.?");

    /** Reads {@code text} relative to {@code reference}, whose zone is the site's; {@code lang} may be null. */
    public Instant parse(String text, ZonedDateTime reference, String lang) {
        return parse(text, reference, lang, null);
    }

    /**
     * As {@link #parse(String, ZonedDateTime, String)}, trying first the site rule's {@link DateTimeFormatter}
     * pattern (read in the rule's language) when one is given.
     */
    public Instant parse(String text, ZonedDateTime reference, String lang, String pattern) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (pattern != null && !pattern.isBlank()) {
            Instant byPattern = byPattern(text.strip(), pattern, reference.getZone(), lang);
            if (byPattern != null) {
                return byPattern;
            }
        }
        String s = normalise(text);
        try {
            Instant iso = iso(s, reference.getZone());
            if (iso != null) {
                return iso;
            }
            Instant relative = relative(s, reference);
            if (relative != null) {
                return relative;
            }
            return absolute(s, reference, lang);
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            return null; // out-of-range figures: not a date
        }
    }

    static Instant byPattern(String text, String pattern, ZoneId zone, String lang) {
        Locale locale = lang == null ? Locale.ENGLISH : Locale.forLanguageTag(lang);
        DateTimeFormatter f = DateTimeFormatter.ofPattern(pattern, locale);
        try {
            var parsed = f.parseBest(text, ZonedDateTime::from, LocalDateTime::from, LocalDate::from);
            if (parsed instanceof ZonedDateTime z) {
                return z.toInstant();
            }
            if (parsed instanceof LocalDateTime l) {
                return l.atZone(zone).toInstant();
            }
            return ((LocalDate) parsed).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Lower case, accents kept apart from the letters they sit on removed, spaces collapsed, ordinals plain. */
    public static String normalise(String text) {
        String s = fold(text.replace('\u00a0', ' ').replace('\u202f', ' '));
        s = s.replace('’', '\'').replace("\u2013", "-").replace("\u2014", "-");
        s = Regexes.of("(\\d+)(?:st|nd|rd|th|er|eme|e)\\b").matcher(s).replaceAll("$1");
        s = Regexes.of("\\b(half an hour|half hour|une demi-heure|une demi heure|einer halben stunde|eine halbe stunde)\\b").matcher(s).replaceAll("30 minutes");
        s = Regexes.of("\\s+").matcher(s).replaceAll(" ").strip();
        return s;
    }

    private static String fold(String s) {
        String decomposed = Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return Regexes.of("\\p{M}+").matcher(decomposed).replaceAll("");
    }

    private static Instant iso(String s, ZoneId zone) {
        Matcher m = ISO.matcher(s);
        if (!m.find()) {
            return null;
        }
        LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
        if (m.group(4) == null) {
            LocalTime time = findTime(s.substring(m.end()));
            return date.atTime(time == null ? LocalTime.MIDNIGHT : time).atZone(zoneIn(s, zone)).toInstant();
        }
        LocalTime time = LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
        String offset = m.group(7);
        if (offset == null) {
            return date.atTime(time).atZone(zoneIn(s.substring(m.end()), zone)).toInstant();
        }
        ZoneOffset z = offset.equals("z") ? ZoneOffset.UTC
                : ZoneOffset.of(offset.length() == 5 ? offset.substring(0, 3) + ":" + offset.substring(3) : offset);
        return OffsetDateTime.of(date, time, z).toInstant();
    }

    private static Instant relative(String s, ZonedDateTime ref) {
        if (Regexes.of(".*\\b(just now|a l'instant|right now|gerade eben|soeben|a moment ago|moments ago|"
                + "less than a minute ago|il y a quelques secondes|now)\\b.*").matcher(s).matches() && !Regexes.of(".*\\d.*").matcher(s).matches()) {
            return ref.toInstant();
        }
        boolean ago = Regexes.of(".*\\b(ago|il y a|vor|depuis)\\b.*").matcher(s).matches();
        if (ago) {
            String amounts = Regexes.of("\\b(il y a|ago|vor|about|around|approximately|approx|environ|ca|"
                    + "almost|nearly|over|presque|plus de|pres de|etwa|ungefahr|uber|fast)\\b").matcher(s).replaceAll(" ");
            ZonedDateTime at = ref;
            boolean any = false;
            Matcher m = AMOUNT.matcher(amounts);
            StringBuilder leftover = new StringBuilder();
            int last = 0;
            while (m.find()) {
                ChronoUnit unit = UNITS.get(m.group(2));
                if (unit == null) {
                    continue;
                }
                double n = amountOf(m.group(1));
                // days and weeks are counted as 24 hours each, as the sites that print them compute them
                at = switch (unit) {
                    case MONTHS, YEARS -> at.minus(Math.round(n), unit);
                    default -> at.minusSeconds(Math.round(n * unit.getDuration().getSeconds()));
                };
                any = true;
                leftover.append(amounts, last, m.start());
                last = m.end();
            }
            leftover.append(amounts.substring(last));
            String rest = leftover.toString();
            if (any) {
                LocalTime time = findTime(rest);
                if (time != null && !ref.toLocalDate().equals(at.toLocalDate()) || time != null
                        && Regexes.of(".*\\b(at|a|um)\\b.*").matcher(rest).matches()) {
                    at = at.with(time);
                }
                return at.toInstant();
            }
        }
        Integer dayOffset = dayWord(s);
        if (dayOffset != null) {
            ZonedDateTime day = ref.plusDays(dayOffset);
            LocalTime time = findTime(Regexes.of("\\b(the day before yesterday|day before yesterday)\\b").matcher(s).replaceAll(" "));
            return (time == null ? day : day.with(time)).toInstant();
        }
        Matcher w = Regexes.of("\\b(last|dernier|derniere|letzten|letzter|letztes|vergangenen)\\b").matcher(s);
        boolean last = w.find();
        DayOfWeek weekday = null;
        Matcher words = WORD.matcher(s);
        boolean hasMonthOrNumericDate = false;
        while (words.find()) {
            String word = words.group().replace(".", "");
            if (word.length() >= 3 && WEEKDAYS.containsKey(word) && weekday == null) {
                weekday = WEEKDAYS.get(word);
            }
            if (word.length() >= 3 && MONTHS.containsKey(word) && !word.equals("mar") && !word.equals("may")
                    || word.equals("may") && Regexes.of(".*\\d.*may.*|.*may\\s*\\d.*").matcher(s).matches()) {
                hasMonthOrNumericDate = true;
            }
        }
        if (weekday != null && !hasMonthOrNumericDate && !NUMERIC.matcher(s).find()
                && (last || !Regexes.of(".*\\b\\d{1,2}\\b(?!\\s*(:|h|\\.|am|pm|uhr)).*\\d{4}.*").matcher(s).matches())) {
            ZonedDateTime day = ref.with(TemporalAdjusters.previous(weekday));
            LocalTime time = findTime(s);
            return (time == null ? day : day.with(time)).toInstant();
        }
        return null;
    }

    private static Integer dayWord(String s) {
        if (Regexes.of(".*\\b(the day before yesterday|day before yesterday|avant-hier|avant hier|vorgestern)\\b.*").matcher(s).matches()) {
            return -2;
        }
        if (Regexes.of(".*\\b(yesterday|hier|gestern)\\b.*").matcher(s).matches()) {
            return -1;
        }
        if (Regexes.of(".*\\b(today|aujourd'hui|aujourd hui|auj|heute|tonight|this morning|ce matin|ce soir)\\b.*").matcher(s).matches()) {
            return 0;
        }
        return null;
    }

    private static double amountOf(String word) {
        return switch (word) {
            case "a", "an", "one", "un", "une", "ein", "eine", "einem", "einer" -> 1;
            case "two", "deux", "zwei" -> 2;
            case "three", "trois", "drei", "few", "several", "quelques" -> 3;
            default -> Double.parseDouble(word.replace(',', '.'));
        };
    }

    /** The first time of day in the text: "14h05", "2:05 pm", "2 pm", "10.12 uhr", "8.30pm"; null if none. */
    public static LocalTime findTime(String s) {
        Matcher m = TIME.matcher(s);
        while (m.find()) {
            String minutes = m.group(2);
            String suffix = m.group(4);
            if (minutes == null && suffix == null) {
                continue; // a bare number is not a time
            }
            if (minutes == null && suffix.equals("h") && s.length() > m.end() && Character.isLetter(s.charAt(m.end()))) {
                continue;
            }
            int hour = Integer.parseInt(m.group(1));
            int minute = minutes == null ? 0 : Integer.parseInt(minutes);
            int second = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            if (suffix != null && suffix.startsWith("p") && hour < 12) {
                hour += 12;
            } else if (suffix != null && suffix.startsWith("a") && hour == 12) {
                hour = 0;
            }
            if (hour > 23 || minute > 59 || second > 59) {
                continue;
            }
            return LocalTime.of(hour, minute, second);
        }
        if (Regexes.of(".*\\b(noon|midi|mittag)\\b.*").matcher(s).matches()) {
            return LocalTime.NOON;
        }
        if (Regexes.of(".*\\b(midnight|minuit|mitternacht)\\b.*").matcher(s).matches()) {
            return LocalTime.MIDNIGHT;
        }
        return null;
    }

    private static Instant absolute(String s, ZonedDateTime ref, String lang) {
        ZoneId zone = zoneIn(s, ref.getZone());
        Integer year = null;
        Integer month = null;
        Integer day = null;
        String rest = s;
        Matcher numeric = NUMERIC.matcher(s);
        if (numeric.find()) {
            int a = Integer.parseInt(numeric.group(1));
            int b = Integer.parseInt(numeric.group(3));
            int c = Integer.parseInt(numeric.group(4));
            if (numeric.group(1).length() == 4) {
                year = a;
                month = b;
                day = c;
            } else {
                year = c < 100 ? 2000 + c : c;
                boolean monthFirst = "en".equals(lang) && !numeric.group(2).equals(".") && a <= 12 || b > 12;
                month = monthFirst ? a : b;
                day = monthFirst ? b : a;
            }
            rest = s.substring(0, numeric.start()) + " " + s.substring(numeric.end());
        } else if (DAY_MONTH.matcher(s).find() && !Regexes.of(".*[a-z]{3,}\\.?\\s*\\d.*\\d{4}.*").matcher(s).matches()) {
            Matcher dm = DAY_MONTH.matcher(s);
            dm.find();
            int a = Integer.parseInt(dm.group(1));
            int b = Integer.parseInt(dm.group(2) != null ? dm.group(2) : dm.group(3));
            boolean monthFirst = "en".equals(lang) && dm.group(2) != null && a <= 12 || b > 12;
            month = monthFirst ? a : b;
            day = monthFirst ? b : a;
            rest = s.substring(0, dm.start()) + " " + s.substring(dm.end());
        } else {
            Matcher words = WORD.matcher(s);
            while (words.find()) {
                String word = words.group().replace(".", "");
                Integer mo = MONTHS.get(word);
                if (mo == null || word.equals("mo") || word.equals("so")) {
                    continue;
                }
                String before = s.substring(0, words.start());
                String after = s.substring(words.end());
                Matcher dayBefore = Regexes.of("(?<![\\d:.])(\\d{1,2})\\.?\\s*(?:de\\s+|of\\s+)?$").matcher(before);
                Matcher dayAfter = Regexes.of("^\\s*(\\d{1,2})(?![\\d:h]|\\.\\d)").matcher(after);
                int consumedAfter = 0;
                int consumedBefore = before.length();
                if (dayBefore.find()) {
                    day = Integer.parseInt(dayBefore.group(1));
                    consumedBefore = dayBefore.start();
                } else if (dayAfter.find()) {
                    day = Integer.parseInt(dayAfter.group(1));
                    consumedAfter = dayAfter.end();
                } else {
                    continue;
                }
                month = mo;
                String tail = after.substring(consumedAfter);
                Matcher y = Regexes.of("^\\s*,?\\s*(\\d{4})\\b").matcher(tail);
                if (y.find()) {
                    year = Integer.parseInt(y.group(1));
                    tail = tail.substring(y.end());
                }
                rest = s.substring(0, consumedBefore) + " " + tail;
                break;
            }
            if (month == null) {
                return null;
            }
            if (year == null) {
                Matcher y = Regexes.of("\\b(\\d{4})\\b(?!\\s*(:|h\\d))").matcher(rest);
                if (y.find()) {
                    year = Integer.parseInt(y.group(1));
                    rest = rest.substring(0, y.start()) + " " + rest.substring(y.end());
                }
            }
        }
        boolean yearGiven = year != null;
        LocalDate date = LocalDate.of(yearGiven ? year : ref.getYear(), month, day);
        LocalTime time = findTime(rest);
        ZonedDateTime at = date.atTime(time == null ? LocalTime.MIDNIGHT : time).atZone(zone);
        if (!yearGiven && at.isAfter(ref.plusDays(2))) {
            at = at.minusYears(1); // "3 March" read in January is last March
        }
        return at.toInstant();
    }

    /** The zone the text names ("EDT", "GMT+2", "+0100"), else the site's. */
    private static ZoneId zoneIn(String s, ZoneId fallback) {
        // a zone name counts right after a time ("9:57 am EDT", "10:12 (CEST)") or as UTC/GMT anywhere: "est" is
        // also a French word
        Matcher words = Regexes.of("(?:(?<=\\d|\\d\\s|[ap]m\\s|[ap]\\.m\\.\\s|\\d\\s\\(|[ap]m\\s\\()"
                + "([a-z]{1,5})(?![a-z]))|\\b(utc|gmt)\\b").matcher(s);
        while (words.find()) {
            String name = words.group(1) != null ? words.group(1) : words.group(2);
            ZoneOffset z = ZONES.get(name);
            if (z != null && !(name.equals("z") && !Regexes.of(".*\\dz.*").matcher(s).matches())) {
                String after = s.substring(words.end());
                Matcher off = Regexes.of("^\\s*([+-])(\\d{1,2})(?::?(\\d{2}))?").matcher(after);
                if (off.find() && (name.equals("gmt") || name.equals("utc"))) {
                    return offsetOf(off.group(1), off.group(2), off.group(3));
                }
                return z;
            }
        }
        Matcher off = Regexes.of("(?<=\\d\\s?|\\s)([+-])(\\d{2}):?(\\d{2})\\b").matcher(s);
        if (off.find()) {
            return offsetOf(off.group(1), off.group(2), off.group(3));
        }
        return fallback;
    }

    private static ZoneOffset offsetOf(String sign, String hours, String minutes) {
        int h = Integer.parseInt(hours);
        int m = minutes == null ? 0 : Integer.parseInt(minutes);
        int total = (h * 3600 + m * 60) * (sign.equals("-") ? -1 : 1);
        return ZoneOffset.ofTotalSeconds(total);
    }

    /** How far an instant is from the reference, for tests and the evaluation's report. */
    public static Duration error(Instant parsed, Instant expected) {
        return Duration.between(expected, parsed).abs();
    }
}
