package io.vigie.dashboards.web.search;

import io.vigie.dashboards.search.SearchPage;
import io.vigie.dashboards.web.live.MentionCard;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * One hit as the page and the JSON API show it.
 *
 * @param highlight fragments around the matches: Elasticsearch's HTML-encoded fragments cleaned again here so that
 *     nothing but text and {@code <mark>} can reach the page, whatever the index holds
 * @param link the mention's URL when it is http(s), else null
 */
public record HitView(String id, Instant date, String title, String excerpt, List<String> highlight, String link,
        String source, String host, String kind, String author, List<String> brands, String language, String sentiment,
        Double sentimentScore, Long views, Long reach) {
    private static final Safelist MARKS_ONLY = Safelist.none().addTags("mark");
    private static final Document.OutputSettings COMPACT = new Document.OutputSettings().prettyPrint(false);

    static HitView of(SearchPage.SearchHit h) {
        String excerpt = MentionCard.excerptOf(h.text());
        String title = h.title() == null || h.title().isBlank() ? abbreviate(excerpt) : h.title();
        return new HitView(h.id(), h.date(), title, excerpt, h.highlight().stream().map(HitView::marksOnly).toList(),
                MentionCard.linkOf(h.url()), h.source(), h.host(), h.kind(), h.author(), h.brands(), h.language(),
                h.sentiment(), h.sentimentScore(), h.views(), h.reach());
    }

    static String marksOnly(String fragment) {
        return Jsoup.clean(fragment, "", MARKS_ONLY, COMPACT);
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 79) + "…";
    }
}
