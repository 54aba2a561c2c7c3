package io.vigie.dashboards.search.bench;

import io.vigie.dashboards.index.MentionDocument;
import io.vigie.model.Engagement;
import io.vigie.model.MentionKind;
import io.vigie.model.Provenance;
import io.vigie.model.RawMention;
import io.vigie.model.Schema;
import io.vigie.model.ScoredMention;
import io.vigie.model.Sentiment;
import io.vigie.model.SentimentLabel;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A mention document built from its searchable parts, the way the indexer would write it
 * ({@link MentionDocument#of}), for the search benchmark and the search tests' corpora.
 */
public record SyntheticMention(String id, String source, String host, MentionKind kind, String author, String title,
        String text, String language, List<String> brands, SentimentLabel sentiment, Long views, Long likes,
        Instant eventTime) {

    public MentionDocument document(Instant indexedAt) {
        String url = "https://" + host + "/m/" + id;
        RawMention raw = new RawMention(Schema.VERSION, id, 1, source, host, kind, url, null, null, author, title, text,
                null, List.of(), List.of(), eventTime, eventTime.plusSeconds(30), language,
                new Engagement(views, likes, null, null, null, null, null),
                new Provenance("bench", source, null, null));
        double score = switch (sentiment) {
            case NEGATIVE -> -0.7;
            case NEUTRAL -> 0.0;
            case POSITIVE -> 0.7;
        };
        Sentiment s = new Sentiment(sentiment, score, 0.8, "synthetic", "1");
        Map<String, Sentiment> perBrand = new HashMap<>();
        brands.forEach(b -> perBrand.put(b, s));
        ScoredMention scored = new ScoredMention(Schema.VERSION, raw, brands, language, 0.95, s, perBrand, null, 1,
                false, eventTime, eventTime.plusSeconds(31));
        return MentionDocument.of(scored, indexedAt);
    }
}
