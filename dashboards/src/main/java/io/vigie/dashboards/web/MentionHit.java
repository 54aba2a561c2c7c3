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
    public static final int EXCERPT_CHARS = io.vigie.dashboards.web.live.MentionCard.EXCERPT_CHARS;

    static String linkOf(String url) {
        return io.vigie.dashboards.web.live.MentionCard.linkOf(url);
    }

    static String excerptOf(String text) {
        return io.vigie.dashboards.web.live.MentionCard.excerptOf(text);
    }
}
