package io.vigie.dashboards.index;

import io.vigie.model.Engagement;
import io.vigie.model.MediaRef;
import io.vigie.model.MentionResponse;
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
        boolean question,
        EngagementField engagement,
        Provenance provenance,
        ResponseField response) {

    /**
     * Room left in Elasticsearch's {@code _version} between two versions of a mention: the mention is indexed with
     * external version {@code version × VERSION_STRIDE}, and each response update (a partial update, which adds 1)
     * stays below the next mention version's, so a newer mention still replaces the document and an older one is
     * still refused.
     */
    public static final long VERSION_STRIDE = 1L << 20;

    public static long externalVersion(long mentionVersion) {
        return Math.multiplyExact(mentionVersion, VERSION_STRIDE);
    }

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

    /**
     * The team's response state on the document, so search can filter what is still unanswered
     * ({@code response.status}) without reading the topic.
     */
    public record ResponseField(String status, boolean waiting, String assignee, String channel, String replyUrl,
            String reason, String note, long version, Instant updatedAt, String updatedBy, Instant firstAnsweredAt) {
        public static ResponseField of(MentionResponse r) {
            return new ResponseField(r.status().name(), r.isWaiting(), r.assignee(),
                    r.channel() == null ? null : r.channel().name(), r.replyUrl(), r.reason(), r.note(), r.version(),
                    r.updatedAt(), r.updatedBy(), r.firstAnsweredAt());
        }
    }

    /** The document for a scored mention, stamped with the time it is indexed. */
    public static MentionDocument of(ScoredMention scored, Instant indexedAt) {
        return of(scored, indexedAt, null);
    }

    /** The document for a scored mention with the response state known when it is indexed (null: none). */
    public static MentionDocument of(ScoredMention scored, Instant indexedAt, MentionResponse response) {
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
                Questions.asks(m.title(), m.text()),
                EngagementField.of(m.engagement()),
                m.provenance(),
                response == null ? null : ResponseField.of(response));
    }

    // NaN and infinities are not JSON numbers; Jackson would write them as strings that a float field refuses.
    private static Double finiteOrNull(Double d) {
        return d == null || !Double.isFinite(d) ? null : d;
    }
}
