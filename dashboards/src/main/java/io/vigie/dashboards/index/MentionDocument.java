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
import java.util.TreeSet;

/**
 * One mention as an Elasticsearch document of {@code vigie-mentions}: the scored mention flattened for search and
 * aggregation. Field by field, the mapping is in {@code mention-mappings.json} and the module README.
 *
 * @param foldedText title and text folded by {@link FoldedText} for accent-blind search
 * @param brandSentiments one entry per matched brand (a nested field), so "negative about brand X" is one query;
 *     the brand's targeted sentiment when analysis gave one, else the whole text's
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

    /** @param targeted true when scored on the sentences about this brand, false when it is the whole text's */
    public record BrandSentiment(String brand, String label, double score, double confidence, String model,
            String modelVersion, boolean targeted) {}

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
        // One entry per matched brand, with the sentiment that counts for it (its targeted score, else the whole
        // text's), so per-brand aggregations need no fallback logic. Sorted: the same mention gives the same document.
        TreeSet<String> brands = new TreeSet<>(scored.brands());
        brands.addAll(scored.brandSentiments().keySet());
        List<BrandSentiment> perBrand = new ArrayList<>();
        for (String brand : brands) {
            Sentiment s = scored.sentimentFor(brand);
            perBrand.add(new BrandSentiment(brand, s.label().name(), s.score(), s.confidence(), s.model(),
                    s.modelVersion(), scored.brandSentiments().containsKey(brand)));
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
