package io.vigie.dashboards.web.i18n;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * The language and time zone of one request: the {@code vigie_lang} / {@code vigie_tz} cookies when set (the user
 * switched), else the best of {@code Accept-Language} among the supported languages, and the configured zone.
 */
public record UserPreferences(Locale locale, ZoneId zone) {
    public static final String LANGUAGE_COOKIE = "vigie_lang";
    public static final String ZONE_COOKIE = "vigie_tz";
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH);

    public static UserPreferences choose(String languageCookie, String acceptLanguage, String zoneCookie, ZoneId defaultZone) {
        return new UserPreferences(language(languageCookie, acceptLanguage), zone(zoneCookie, defaultZone));
    }

    /** A supported language by its code, or null. */
    public static Locale supported(String code) {
        if (code == null) {
            return null;
        }
        for (Locale l : SUPPORTED) {
            if (l.getLanguage().equalsIgnoreCase(code.trim())) {
                return l;
            }
        }
        return null;
    }

    static Locale language(String cookie, String acceptLanguage) {
        Locale chosen = supported(cookie);
        if (chosen != null) {
            return chosen;
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
                if (best != null) {
                    return supported(best.getLanguage());
                }
            } catch (IllegalArgumentException ignored) {
                // A malformed header is treated as absent.
            }
        }
        return Locale.ENGLISH;
    }

    static ZoneId zone(String cookie, ZoneId defaultZone) {
        if (cookie != null && !cookie.isBlank()) {
            try {
                return ZoneId.of(cookie.trim());
            } catch (DateTimeException ignored) {
                // An unknown zone falls back to the configured one.
            }
        }
        return defaultZone;
    }

    public String language() {
        return locale.getLanguage();
    }
}
