package io.vigie.analyze.detection.signal;

import io.vigie.analyze.detection.series.SeriesEvent;
import io.vigie.analyze.detection.virality.ViralityEvent;
import io.vigie.model.Direction;
import io.vigie.model.Schema;
import io.vigie.model.SignalKind;
import io.vigie.model.SignalPhase;
import io.vigie.model.SpikeSignal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Turns detector events into {@link SpikeSignal}s, the value of the {@code signals} topic: a signal id that stays
 * the same over an episode's START, UPDATEs and END, and one sentence an on-call person can act on.
 */
public final class SpikeSignals {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK_FR = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm 'UTC'",
            Locale.FRENCH).withZone(ZoneOffset.UTC);
    /** French thousands separator: a narrow no-break space, so "1 412" never breaks across lines. */
    private static final char THIN_SPACE = '\u202f';

    private SpikeSignals() {}

    /**
     * A signal from a brand series' event.
     *
     * @param kind VOLUME, NEGATIVE_VOLUME, NEGATIVE_SHARE or REACH: what the series counts
     * @param mentionIds the mentions of the interval that triggered it, most significant first (may be empty)
     */
    public static SpikeSignal fromSeries(SeriesEvent e, String brand, SignalKind kind, List<String> mentionIds) {
        if (kind == SignalKind.ITEM_VIRALITY || kind == SignalKind.COPY_SPREAD) {
            throw new IllegalArgumentException(kind + " is not a brand series kind");
        }
        return new SpikeSignal(Schema.VERSION, signalId(brand, kind, null, e.since()), brand, kind, e.phase(),
                e.direction(), null, e.since(), e.at(), e.observed(), e.expected(), clamp(e.anomalyScore()),
                finite(e.pValue()), explainSeries(e, brand, kind), mentionIds);
    }

    /** A signal from an item-virality or copy-spread event. */
    public static SpikeSignal fromVirality(ViralityEvent e, String brand, List<String> mentionIds) {
        return new SpikeSignal(Schema.VERSION, signalId(brand, e.kind(), e.subject(), e.since()), brand, e.kind(),
                e.phase(), Direction.RISE, e.subject(), e.since(), e.at(), e.observed(), e.expected(),
                clamp(e.anomalyScore()), finite(e.pValue()), explainVirality(e, brand), mentionIds);
    }

    /** Stable over one episode: brand, kind, subject and the episode's start. */
    public static String signalId(String brand, SignalKind kind, String subject, Instant since) {
        String key = brand + '\u0000' + kind + '\u0000' + (subject == null ? "" : subject) + '\u0000'
                + since.toEpochMilli();
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String explainSeries(SeriesEvent e, String brand, SignalKind kind) {
        String what = switch (kind) {
            case VOLUME -> "Mentions of " + brand;
            case NEGATIVE_VOLUME -> "Negative mentions of " + brand;
            case NEGATIVE_SHARE -> "The negative share of " + brand + "'s mentions";
            case REACH -> "The reach of " + brand + "'s mentions";
            default -> kind + " of " + brand;
        };
        String observed = kind == SignalKind.NEGATIVE_SHARE ? percent(e.observed()) : number(e.observed());
        String expected = kind == SignalKind.NEGATIVE_SHARE ? percent(e.expected()) : number(e.expected());
        String verb = e.direction() == Direction.RISE ? "rose" : "fell";
        if (e.phase() == SignalPhase.START && e.busiestWindow()) {
            return String.format(Locale.ROOT, "%s reached %s in the last hour, more than in any earlier hour (busiest"
                    + " so far %s); %s in the last interval where about %s was expected, unusual since %s.", what,
                    number(e.windowSum()), number(e.previousBusiest()), observed, expected, CLOCK.format(e.since()));
        }
        return switch (e.phase()) {
            case START -> String.format(Locale.ROOT, "%s %s to %s where about %s was expected%s (p %s), unusual since %s.",
                    what, verb, observed, expected, ratio(e.observed(), e.expected()), p(e.pValue()),
                    CLOCK.format(e.since()));
            case UPDATE -> String.format(Locale.ROOT, "%s now at %s against about %s expected%s (score %.2f, peak %.2f),"
                    + " unusual since %s.", what, observed, expected, ratio(e.observed(), e.expected()),
                    e.anomalyScore(), e.peakScore(), CLOCK.format(e.since()));
            case END -> String.format(Locale.ROOT, "%s back to normal (%s, about %s expected) after an episode that began"
                    + " %s.", what, observed, expected, CLOCK.format(e.since()));
        };
    }

    static String explainVirality(ViralityEvent e, String brand) {
        if (e.kind() == SignalKind.ITEM_VIRALITY) {
            return switch (e.phase()) {
                case START, UPDATE -> String.format(Locale.ROOT, "Item %s about %s on %s is gaining %s engagement an hour"
                        + " (now %s) where items of this source usually gain about %s (p %s), since %s.",
                        e.subject(), brand, e.source(), number(e.observed()), number(e.engagement()),
                        number(e.expected()), p(e.pValue()), CLOCK.format(e.since()));
                case END -> String.format(Locale.ROOT, "Item %s about %s on %s has slowed down to %s engagement an hour"
                        + " (now %s).", e.subject(), brand, e.source(), number(e.observed()), number(e.engagement()));
            };
        }
        return switch (e.phase()) {
            case START, UPDATE -> String.format(Locale.ROOT, "A text about %s has been copied %d times on %s distinct"
                    + " sites since %s, where texts usually reach about %s (p %s).", brand, e.copies(),
                    number(e.observed()), CLOCK.format(e.since()), number(e.expected()), p(e.pValue()));
            case END -> String.format(Locale.ROOT, "The copies of a text about %s stopped spreading: %d copies on %s"
                    + " sites since %s.", brand, e.copies(), number(e.observed()), CLOCK.format(e.since()));
        };
    }

    /**
     * The explanation of a series event in the user's language: French for a French locale, else English (the
     * sentence {@link #fromSeries} puts in the signal). The same facts in both: what moved, to what, against what
     * expected, how unlikely, since when.
     */
    public static String explainSeries(SeriesEvent e, String brand, SignalKind kind, Locale language) {
        if (!isFrench(language)) {
            return explainSeries(e, brand, kind);
        }
        // Subject, and the agreement of "montée" with it: "les mentions" are feminine plural, "la part" and
        // "l'audience" feminine singular.
        String what = switch (kind) {
            case VOLUME -> "Les mentions de " + brand;
            case NEGATIVE_VOLUME -> "Les mentions négatives de " + brand;
            case NEGATIVE_SHARE -> "La part de mentions négatives de " + brand;
            case REACH -> "L'audience des mentions de " + brand;
            default -> kind + " de " + brand;
        };
        boolean plural = kind == SignalKind.VOLUME || kind == SignalKind.NEGATIVE_VOLUME;
        String observed = kind == SignalKind.NEGATIVE_SHARE ? percentFr(e.observed()) : numberFr(e.observed());
        String expected = kind == SignalKind.NEGATIVE_SHARE ? percentFr(e.expected()) : numberFr(e.expected());
        String verb = (plural ? "sont " : "est ") + (e.direction() == Direction.RISE ? "montée" : "descendue")
                + (plural ? "s" : "");
        if (e.phase() == SignalPhase.START && e.busiestWindow()) {
            return String.format(Locale.FRENCH, "%s : %s sur la dernière heure, plus qu'en aucune heure précédente"
                    + " (record jusqu'ici : %s) ; %s sur le dernier intervalle, pour environ %s attendus, inhabituel"
                    + " depuis le %s.", what, numberFr(e.windowSum()), numberFr(e.previousBusiest()), observed,
                    expected, CLOCK_FR.format(e.since()));
        }
        return switch (e.phase()) {
            case START -> String.format(Locale.FRENCH, "%s %s à %s alors que la valeur attendue était d'environ %s%s"
                    + " (p %s), inhabituel depuis le %s.", what, verb, observed, expected,
                    ratioFr(e.observed(), e.expected()), pFr(e.pValue()), CLOCK_FR.format(e.since()));
            case UPDATE -> String.format(Locale.FRENCH, "%s : %s à présent, pour une valeur attendue d'environ %s%s"
                    + " (score %s, pic %s), inhabituel depuis le %s.", what, observed, expected,
                    ratioFr(e.observed(), e.expected()), decimalFr(e.anomalyScore()), decimalFr(e.peakScore()),
                    CLOCK_FR.format(e.since()));
            case END -> String.format(Locale.FRENCH, "%s : retour à la normale (%s, valeur attendue d'environ %s)"
                    + " après un épisode commencé le %s.", what, observed, expected, CLOCK_FR.format(e.since()));
        };
    }

    /** The explanation of a virality event in the user's language: French for a French locale, else English. */
    public static String explainVirality(ViralityEvent e, String brand, Locale language) {
        if (!isFrench(language)) {
            return explainVirality(e, brand);
        }
        if (e.kind() == SignalKind.ITEM_VIRALITY) {
            return switch (e.phase()) {
                case START, UPDATE -> String.format(Locale.FRENCH, "L'élément %s sur %s, publié sur %s, gagne %s"
                        + " interactions par heure (%s au total) alors que les éléments de cette source en gagnent"
                        + " d'habitude environ %s (p %s), depuis le %s.", e.subject(), brand, e.source(),
                        numberFr(e.observed()), numberFr(e.engagement()), numberFr(e.expected()), pFr(e.pValue()),
                        CLOCK_FR.format(e.since()));
                case END -> String.format(Locale.FRENCH, "L'élément %s sur %s, publié sur %s, ralentit : %s"
                        + " interactions par heure (%s au total).", e.subject(), brand, e.source(),
                        numberFr(e.observed()), numberFr(e.engagement()));
            };
        }
        return switch (e.phase()) {
            case START, UPDATE -> String.format(Locale.FRENCH, "Un texte sur %s a été copié %s fois sur %s sites"
                    + " distincts depuis le %s, alors que les textes en atteignent d'habitude environ %s (p %s).",
                    brand, numberFr(e.copies()), numberFr(e.observed()), CLOCK_FR.format(e.since()),
                    numberFr(e.expected()), pFr(e.pValue()));
            case END -> String.format(Locale.FRENCH, "Les copies d'un texte sur %s ne se propagent plus : %s copies"
                    + " sur %s sites depuis le %s.", brand, numberFr(e.copies()), numberFr(e.observed()),
                    CLOCK_FR.format(e.since()));
        };
    }

    private static boolean isFrench(Locale language) {
        return language != null && "fr".equals(language.getLanguage());
    }

    private static String numberFr(double v) {
        if (Math.abs(v - Math.rint(v)) < 1e-9 || Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v).replace(',', THIN_SPACE);
        }
        return decimalFr(v);
    }

    private static String decimalFr(double v) {
        return String.format(Locale.ROOT, Math.abs(v) < 1 ? "%.2f" : "%.1f", v).replace('.', ',');
    }

    private static String percentFr(double share) {
        return String.format(Locale.ROOT, "%.0f\u00a0%%", 100 * share);
    }

    private static String ratioFr(double observed, double expected) {
        if (expected <= 0.05) {
            return "";
        }
        return String.format(Locale.ROOT, " (%.1f fois plus)", observed / expected).replace('.', ',');
    }

    private static String pFr(double p) {
        return p < 1e-6 ? "< 1e-6" : "= " + String.format(Locale.ROOT, "%.2g", p).replace('.', ',');
    }

    private static String ratio(double observed, double expected) {
        if (expected <= 0.05) {
            return "";
        }
        return String.format(Locale.ROOT, " (%.1fx)", observed / expected);
    }

    private static String number(double v) {
        return Math.abs(v - Math.rint(v)) < 1e-9 || Math.abs(v) >= 100
                ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    private static String p(double p) {
        return p < 1e-6 ? "< 1e-6" : String.format(Locale.ROOT, "= %.2g", p);
    }

    private static double clamp(double score) {
        return Math.max(0, Math.min(1, score));
    }

    private static Double finite(double p) {
        return Double.isFinite(p) ? Math.max(0, Math.min(1, p)) : null;
    }

    /** Whether a phase should wake someone: only a START does; UPDATE and END inform. */
    public static boolean wakesSomeone(SignalPhase phase) {
        return phase == SignalPhase.START;
    }
}
