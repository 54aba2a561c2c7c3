package io.vigie.dashboards.web.live;

import io.vigie.model.RawMention;
import io.vigie.model.ScoredMention;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the live stream shows of a mention: plain fields only (never HTML; pages set them as text), the link only when
 * it is http(s).
 *
 * @param sentiments per brand, the label that counts for it (targeted when there is one)
 * @param version the mention's version: above 1 it is a newer state (engagement, an edit) of a mention already
 *     published, which a page updates but never counts again
 */
public record MentionCard(String id, List<String> brands, String title, String excerpt, String link, String source,
        String sourceHost, String author, String kind, String language, String sentiment, Map<String, String> sentiments,
        int copies, long reach, boolean backfill, Instant eventTime, Instant scoredAt, long version) {
    public static final int EXCERPT_CHARS = 280;

    public static MentionCard of(ScoredMention s) {
        RawMention m = s.mention();
        Map<String, String> perBrand = new TreeMap<>();
        for (String brand : s.brands()) {
            perBrand.put(brand, s.sentimentFor(brand).label().name());
        }
        return new MentionCard(m.id(), s.brands(), m.title() == null ? "" : m.title(), excerptOf(m.text()),
                linkOf(m.url()), m.source(), m.sourceHost(), m.author(), m.kind().name().toLowerCase(Locale.ROOT),
                s.language(), s.sentiment().label().name(), perBrand, s.copyCount(), m.engagement().reach(),
                s.backfill(), s.eventTime(), s.scoredAt(), m.version());
    }

    /** The card of an indexed mention ({@code vigie-mentions} document). */
    public static MentionCard ofDocument(com.fasterxml.jackson.databind.JsonNode d) {
        List<String> brands = new java.util.ArrayList<>();
        d.path("brands").forEach(n -> brands.add(n.asText()));
        Map<String, String> perBrand = new TreeMap<>();
        d.path("brandSentiments").forEach(n -> perBrand.put(n.path("brand").asText(), n.path("label").asText()));
        return new MentionCard(d.path("id").asText(), brands, d.path("title").asText(""), excerptOf(d.path("text").asText("")),
                linkOf(d.path("url").asText(null)), d.path("source").asText(""), d.path("sourceHost").asText(""),
                d.path("author").asText(""), d.path("kind").asText(""), d.path("language").asText(""),
                d.path("sentiment").path("label").asText(""), perBrand, d.path("copyCount").asInt(1),
                d.path("engagement").path("reach").asLong(0), d.path("backfill").asBoolean(false),
                instant(d.path("eventTime").asText(null)), instant(d.path("scoredAt").asText(null)),
                d.path("version").asLong(1));
    }

    private static Instant instant(String s) {
        return s == null || s.isBlank() ? null : Instant.parse(s);
    }

    /** The sentiment label that counts for {@code brand}, else the whole text's. */
    public String sentimentFor(String brand) {
        return brand != null && sentiments.containsKey(brand) ? sentiments.get(brand) : sentiment;
    }

    /** The URL when it is http(s), else null: any other scheme ({@code javascript:}) is never made a link. */
    public static String linkOf(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.trim().toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? url.trim() : null;
    }

    public static String excerptOf(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= EXCERPT_CHARS ? flat : flat.substring(0, EXCERPT_CHARS - 1) + "…";
    }
}
