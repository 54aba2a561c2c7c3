package io.vigie.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A mention after analysis: the value of {@code mentions.scored}, indexed by the dashboards module.
 *
 * @param brands ids of the watched brands whose query matched
 * @param sentiment whole-text sentiment
 * @param brandSentiments per matched brand, the sentiment of the sentences that mention it
 * @param clusterId near-duplicate cluster; copies of the same text share it
 * @param copyCount copies of this cluster seen so far, this one included
 * @param backfill true for an old item read late: indexed, never raising a live signal
 * @param eventTime published time, else fetched time
 */
public record ScoredMention(
        int schemaVersion,
        RawMention mention,
        List<String> brands,
        String language,
        double languageConfidence,
        Sentiment sentiment,
        Map<String, Sentiment> brandSentiments,
        String clusterId,
        int copyCount,
        boolean backfill,
        Instant eventTime,
        Instant scoredAt) {

    public ScoredMention {
        schemaVersion = Schema.version(schemaVersion);
        Schema.required(mention, "mention");
        Schema.required(sentiment, "sentiment");
        brands = Schema.list(brands);
        brandSentiments = Schema.map(brandSentiments);
        eventTime = eventTime == null ? mention.eventTime() : eventTime;
        copyCount = Math.max(1, copyCount);
    }

    /** The sentiment that counts for one brand: its targeted score when there is one, else the whole text's. */
    public Sentiment sentimentFor(String brand) {
        return brandSentiments.getOrDefault(brand, sentiment);
    }
}
