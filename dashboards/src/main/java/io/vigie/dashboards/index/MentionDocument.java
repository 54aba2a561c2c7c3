package io.vigie.dashboards.index;

import io.vigie.model.Engagement;
import io.vigie.model.MediaRef;
import io.vigie.model.Provenance;
import io.vigie.model.RawMention;
import io.vigie.model.ScoredMention;
import io.vigie.model.Sentiment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One mention as an Elasticsearch document of {@code vigie-mentions}: the scored mention flattened for search and
 * aggregation. Field by field, the mapping is in {@code mention-mappings.json} and the module README.
 *
 * @param foldedText title and text folded by {@link FoldedText} for accent-blind search
 * @param brandSentiments one entry per matched brand (a nested field), so "negative about brand X" is one query
 */
public record MentionDocument(
        int schemaVersion,
        String id,
        long version,
        String source,
        String sourceHost,
        String kind,
        String url,
        String parentUrl,
        String threadUrl,
        String author,
        String title,
        String text,
        String foldedText,
        String safeHtml,
        List<String> categories,
        List<Media> media,
        Instant publishedAt,
        Instant fetchedAt,
        Instant eventTime,
        Instant scoredAt,
        Instant indexedAt,
        String languageHint,
        String language,
        Double languageConfidence,
        List<String> brands,
        SentimentField sentiment,
        List<BrandSentiment> brandSentiments,
        String clusterId,
        int copyCount,
        boolean backfill,
        EngagementField engagement,
        Provenance provenance) {

    public record Media(String url, String type, Long length, String thumbnailUrl) {}

    public record SentimentField(String label, double score, double confidence, String model, String modelVersion) {
        static SentimentField of(Sentiment s) {
            return new SentimentField(s.label().name(), s.score(), s.confidence(), s.model(), s.modelVersion());
        }
    }

    public record BrandSentiment(
            String brand, String label, double score, double confidence, String model, String modelVersion) {}

    /** Engagement figures plus {@code reach}, the one figure dashboards sort by. */
    public record EngagementField(
            Long views, Long likes, Long dislikes, Long comments, Long shares, Double rating, Long ratingCount, long reach) {
        static EngagementField of(Engagement e) {
            return new EngagementField(e.views(), e.likes(), e.dislikes(), e.comments(), e.shares(),
                    finiteOrNull(e.rating()), e.ratingCount(), e.reach());
        }
    }

    /** The document for a scored mention, stamped with the time it is indexed. */
    public static MentionDocument of(ScoredMention scored, Instant indexedAt) {
        RawMention m = scored.mention();
        List<Media> media = new ArrayList<>();
        for (MediaRef r : m.media()) {
            media.add(new Media(r.url(), r.type(), r.length(), r.thumbnailUrl()));
        }
        List<BrandSentiment> perBrand = new ArrayList<>();
        // Sorted by brand so that the same mention always gives the same document.
        for (Map.Entry<String, Sentiment> e : new TreeMap<>(scored.brandSentiments()).entrySet()) {
            Sentiment s = e.getValue();
            perBrand.add(new BrandSentiment(e.getKey(), s.label().name(), s.score(), s.confidence(), s.model(),
                    s.modelVersion()));
        }
        return new MentionDocument(
                scored.schemaVersion(),
                m.id(),
                m.version(),
                m.source(),
                m.sourceHost(),
                m.kind().name().toLowerCase(Locale.ROOT),
                m.url(),
                m.parentUrl(),
                m.threadUrl(),
                m.author(),
                m.title(),
                m.text(),
                FoldedText.of(m.fullText()),
                m.safeHtml(),
                m.categories(),
                media,
                m.publishedAt(),
                m.fetchedAt(),
                scored.eventTime(),
                scored.scoredAt(),
                indexedAt,
                m.languageHint(),
                scored.language(),
                finiteOrNull(scored.languageConfidence()),
                scored.brands(),
                SentimentField.of(scored.sentiment()),
                perBrand,
                scored.clusterId(),
                scored.copyCount(),
                scored.backfill(),
                EngagementField.of(m.engagement()),
                m.provenance());
    }

    // NaN and infinities are not JSON numbers; Jackson would write them as strings that a float field refuses.
    private static Double finiteOrNull(Double d) {
        return d == null || !Double.isFinite(d) ? null : d;
    }
}
