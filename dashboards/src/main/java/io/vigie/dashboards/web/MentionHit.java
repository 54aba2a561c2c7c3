package io.vigie.dashboards.web;

import java.time.Instant;
import java.util.List;

/**
 * One search result as the page shows it.
 *
 * @param link the mention's URL when it is http(s), else null: any other scheme ({@code javascript:}) is never
 *     made a link
 * @param excerpt the start of the text, at most {@link #EXCERPT_CHARS} characters
 */
public record MentionHit(String id, String title, String excerpt, String link, String source, String kind,
        Instant eventTime, String sentiment, List<String> brands, String language) {
    public static final int EXCERPT_CHARS = 280;

    static String linkOf(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.trim().toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? url.trim() : null;
    }

    static String excerptOf(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= EXCERPT_CHARS ? flat : flat.substring(0, EXCERPT_CHARS - 1) + "…";
    }
}
